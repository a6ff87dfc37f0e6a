/**
 * What the latest check results say about the controls they support: a failing check is a
 * reason on each of its controls, in words that name what failed ("AC-02: github.two-factor
 * failing on GitHub acme for 3: alice, bob, ci-deploy"); a passing one is a good signal. A
 * control no connected check supports gets no signal: its uploaded evidence speaks for it.
 */
import type { ControlSignal } from "../readiness.ts";
import { failingInWords } from "./outcome.ts";
import type { CheckStatus, StoredResourceResult } from "./outcome.ts";

export interface CheckSignalInput {
  checkId: string;
  title: string;
  controls: readonly string[];
  connectorName: string;
  run: string;
  status: CheckStatus;
  failing: number;
  resources: readonly StoredResourceResult[];
  /** The connector's runs have failed since: a pass is not current, so it does not count. */
  connectorFailing: { failure: string; since: string } | null;
}

export function checkSignals(results: readonly CheckSignalInput[]): Map<string, ControlSignal[]> {
  const signals = new Map<string, ControlSignal[]>();
  for (const r of results) {
    if (r.status === "not-applicable") continue;
    const signal: ControlSignal =
      r.status === "fail"
        ? {
            source: "check",
            ok: false,
            reason:
              `${r.title} (${r.checkId}) fails on ${r.connectorName} for ${r.failing}: ` +
              failingInWords(r.resources),
          }
        : r.connectorFailing !== null
          ? {
              source: "check",
              ok: false,
              reason:
                `${r.title} (${r.checkId}) last passed on ${r.connectorName} in ${r.run}, but ` +
                `the connector has failed since ${r.connectorFailing.since} ` +
                `(${r.connectorFailing.failure}): no current result`,
            }
          : {
              source: "check",
              ok: true,
              reason: `${r.title} (${r.checkId}) passes on ${r.connectorName} (${r.run})`,
            };
    for (const control of r.controls) {
      signals.set(control, [...(signals.get(control) ?? []), signal]);
    }
  }
  return signals;
}
