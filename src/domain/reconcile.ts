/**
 * The audit trail proves itself through its hash chain; this proves the records against the
 * trail. Each evidence item must match the event that added it (and its later links and
 * removal), each link or record must still hash to its stored SHA-256, and each test result
 * must match the last event that recorded it. Editing a row behind the system's back, while
 * leaving the chain alone, shows up here.
 */
import { canonicalJson } from "./audit-chain.ts";
import type { ChainedAuditEvent } from "./audit-chain.ts";
import type { AuditAction, AuditEventData, AuditTargetType } from "./audit-events.ts";
import { sha256Hex } from "./digest.ts";
import type { EvidenceItem } from "./evidence.ts";
import type { ItemResult } from "./test-results.ts";

export interface RecordProblem {
  target: string;
  problem: string;
}

/**
 * The data an event recorded, typed by its action. Stored events are not re-checked against
 * today's schema: the chain already proves they are what was written at the time.
 */
function recordedData<A extends AuditAction>(event: ChainedAuditEvent, _action: A) {
  return JSON.parse(event.data) as AuditEventData<A>;
}

function isAction(event: ChainedAuditEvent, action: AuditAction): boolean {
  return event.action === action;
}

function eventsFor(events: readonly ChainedAuditEvent[], type: AuditTargetType) {
  const byTarget = new Map<string, ChainedAuditEvent[]>();
  for (const event of events) {
    if (event.targetType !== type) continue;
    byTarget.set(event.targetId, [...(byTarget.get(event.targetId) ?? []), event]);
  }
  return byTarget;
}

export function reconcileEvidence(
  items: readonly EvidenceItem[],
  events: readonly ChainedAuditEvent[],
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const byItem = eventsFor(events, "evidence");
  for (const item of items) {
    const target = `evidence ${item.id}`;
    const history = byItem.get(item.id) ?? [];
    const added = history.find((e) => isAction(e, "evidence.added"));
    if (added === undefined) {
      problems.push({ target, problem: "it has no record in the audit trail" });
      continue;
    }
    const recorded = recordedData(added, "evidence.added");
    const differs = (
      [
        ["kind", recorded.kind, item.kind],
        ["title", recorded.title, item.title],
        ["source", recorded.source, item.source],
        ["sha256", recorded.sha256, item.sha256],
        ["size", recorded.size, item.size],
        ["period", `${recorded.for.from}..${recorded.for.to}`, `${item.forFrom}..${item.forTo}`],
      ] as const
    ).filter(([, was, is]) => was !== is);
    for (const [field, was, is] of differs) {
      problems.push({
        target,
        problem: `its ${field} is ${String(is)} but was recorded as ${String(was)}`,
      });
    }
    const links = new Set(recorded.controls);
    for (const e of history.filter((h) => isAction(h, "evidence.linked"))) {
      links.add(recordedData(e, "evidence.linked").control);
    }
    if ([...links].sort().join(",") !== [...item.controls].sort().join(",")) {
      problems.push({
        target,
        problem: `it serves ${item.controls.join(", ") || "no control"} but the trail says ${[...links].join(", ") || "none"}`,
      });
    }
    const removed = history.find((h) => isAction(h, "evidence.removed"));
    if ((removed === undefined) !== (item.removedAt === null)) {
      problems.push({
        target,
        problem:
          item.removedAt === null
            ? "it was removed, yet is active again"
            : "it is marked removed without a recorded removal",
      });
    }
    if (item.kind === "link" && item.url !== null && sha256Hex(item.url) !== item.sha256) {
      problems.push({ target, problem: "its URL no longer matches its SHA-256" });
    }
    if (item.kind === "record" && sha256Hex(canonicalJson(item.recordData)) !== item.sha256) {
      problems.push({ target, problem: "its record no longer matches its SHA-256" });
    }
  }
  return problems;
}

/** Each stored result must equal what the last event about that item recorded. */
export function reconcileResults(
  engagementId: string,
  results: readonly ItemResult[],
  events: readonly ChainedAuditEvent[],
): RecordProblem[] {
  const mine = eventsFor(events, "engagement").get(engagementId) ?? [];
  const problems: RecordProblem[] = [];
  for (const result of results) {
    const target = `result ${result.controlRef} ${result.itemKey}`;
    const recorded = mine
      .filter((e) => isAction(e, "engagement.result-recorded"))
      .map((e) => recordedData(e, "engagement.result-recorded"))
      .filter((d) => d.controlRef === result.controlRef && d.itemKey === result.itemKey)
      .at(-1);
    if (recorded === undefined) {
      problems.push({ target, problem: "it has no record in the audit trail" });
      continue;
    }
    if (
      recorded.result !== result.result ||
      (recorded.description ?? null) !== result.description
    ) {
      problems.push({
        target,
        problem: `it says ${result.result} but was recorded as ${recorded.result}`,
      });
    }
    const response = mine
      .filter((e) => isAction(e, "engagement.exception-response"))
      .map((e) => recordedData(e, "engagement.exception-response"))
      .filter((d) => d.control === result.controlRef && d.item === result.itemKey)
      .at(-1);
    if ((response?.response ?? null) !== result.managementResponse) {
      problems.push({ target, problem: "management's response differs from the one recorded" });
    }
  }
  return problems;
}
