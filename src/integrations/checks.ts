/**
 * Every check Attest ships, without its connector: readiness, the task list and the checks
 * list read a check's id, title and controls, and loading a connector (its settings schemas,
 * API client and collection code) for that would cost every `attest readiness` for nothing.
 */
import type { CheckDefinition } from "../domain/checks/check.ts";
import { awsChecks } from "./aws/checks/index.ts";
import { githubChecks } from "./github/checks/index.ts";
import { oktaChecks } from "./okta/checks/index.ts";

/** A check with its snapshot type erased: evaluate is given its own connector's snapshot. */
export type RegisteredCheck = CheckDefinition<unknown>;

/**
 * Erases a check's snapshot type. Sound as used: a snapshot reaches evaluate only from its own
 * connector's collect (or from the blob store, under the hash of that output).
 */
export function registeredCheck<Snapshot>(check: CheckDefinition<Snapshot>): RegisteredCheck {
  return {
    id: check.id,
    title: check.title,
    connector: check.connector,
    reads: check.reads,
    controls: check.controls,
    criteria: check.criteria,
    evaluate: (snapshot) => check.evaluate(snapshot as Snapshot),
  };
}

/** In the order of the connectors in registry.ts, then each connector's own order. */
const ALL_CHECKS: readonly RegisteredCheck[] = [
  ...githubChecks.map(registeredCheck),
  ...awsChecks.map(registeredCheck),
  ...oktaChecks.map(registeredCheck),
];
// Readiness and the task list look a check up once per stored result: built once, not per call.
const CHECKS_BY_ID = new Map(ALL_CHECKS.map((c) => [c.id, c]));

export function allChecks(): RegisteredCheck[] {
  return [...ALL_CHECKS];
}

export function checkById(id: string): RegisteredCheck | undefined {
  return CHECKS_BY_ID.get(id);
}
