/**
 * What imported findings say about the controls they measure. Scanner and posture findings
 * past their remediation deadline count against vulnerability management (OP-03; Prowler's
 * also against the configuration baseline, OP-02); flagged CloudTrail events left untriaged
 * past their week count against the security log review (OP-09). A source never imported
 * gives no signal: the organization's uploaded evidence speaks for it.
 */
import type { ControlSignal } from "../readiness.ts";
import type { Finding, FindingSource } from "./finding.ts";

export const FINDING_CONTROLS: Record<FindingSource, readonly string[]> = {
  sarif: ["OP-03"],
  prowler: ["OP-03", "OP-02"],
  cloudtrail: ["OP-09"],
};

const SHOWN = 3;

function named(findings: readonly Finding[]): string {
  const shown = findings
    .slice(0, SHOWN)
    .map((f) => `${f.ref} ${f.severity} on ${f.resource}, due ${f.dueOn ?? "?"}`);
  const more = findings.length - SHOWN;
  return more > 0 ? `${shown.join("; ")} and ${more} more` : shown.join("; ");
}

function signal(overdue: readonly Finding[], source: "vuln" | "log"): ControlSignal {
  const count = overdue.length;
  if (count === 0) {
    return {
      source: "finding",
      ok: true,
      reason:
        source === "log"
          ? "every flagged CloudTrail event was triaged within its week"
          : "no imported finding is past its remediation deadline",
    };
  }
  const subject =
    source === "log"
      ? count === 1
        ? "1 flagged CloudTrail event is untriaged past its week"
        : `${count} flagged CloudTrail events are untriaged past their week`
      : count === 1
        ? "1 finding is past its remediation deadline"
        : `${count} findings are past their remediation deadline`;
  return { source: "finding", ok: false, reason: `${subject} (${named(overdue)})` };
}

/** Signals by control ref, for the sources that have been imported. */
export function findingSignals(
  imported: ReadonlySet<FindingSource>,
  overdue: readonly Finding[],
): Map<string, ControlSignal[]> {
  const signals = new Map<string, ControlSignal[]>();
  const controls = new Set<string>();
  for (const source of imported) for (const c of FINDING_CONTROLS[source]) controls.add(c);
  for (const control of controls) {
    const sources = (Object.keys(FINDING_CONTROLS) as FindingSource[]).filter(
      (s) => imported.has(s) && FINDING_CONTROLS[s].includes(control),
    );
    const late = overdue.filter((f) => sources.includes(f.source));
    signals.set(control, [signal(late, sources.includes("cloudtrail") ? "log" : "vuln")]);
  }
  return signals;
}
