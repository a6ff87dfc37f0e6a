/**
 * The audit trail proves itself through its hash chain; this proves the records against the
 * trail. Each kind of record is re-derived from the events about it, replayed in order, and
 * compared with the rows as stored, both ways: a row the trail does not account for, and a
 * record the trail says exists but whose row is gone or differs. Editing or deleting a row
 * behind the system's back, while leaving the chain alone, shows up here.
 *
 * - Evidence: each item must match the event that added it, its later links and removal;
 *   link and record hashes are recomputed; an item the trail added must still exist.
 * - Engagements: their fixed fields and stage; the current sample; every sample's results
 *   and every control test, against the last event that recorded each; the frozen scope and
 *   each sample's drawn items against the hash their event recorded (events before those
 *   hashes were recorded leave these two unchecked).
 * - Final report versions: the stored package must hash to the SHA-256 its report.finalized
 *   event recorded, so an altered opinion or result in a final report is caught.
 * - Share links: recipient, version, expiry and revocation.
 *
 * Access (members, invitations, API tokens, auditors' assignments) is in reconcile-access.ts.
 */
import { opinionTextDigest } from "./opinion-template.ts";
import { canonicalJson } from "./audit-chain.ts";
import type { ChainedAuditEvent } from "./audit-chain.ts";
import type { AuditAction, AuditEventData, AuditTargetType } from "./audit-events.ts";
import { sha256Hex } from "./digest.ts";
import { statusIndex } from "./engagement.ts";
import type { Engagement, EngagementStatus } from "./engagement.ts";
import type { EvidenceItem } from "./evidence.ts";
import type { ControlTest, ItemResult } from "./test-results.ts";

export interface RecordProblem {
  target: string;
  problem: string;
}

/**
 * The data an event recorded, typed by its action. Stored events are not re-checked against
 * today's schema: the chain already proves they are what was written at the time.
 */
export function recordedData<A extends AuditAction>(event: ChainedAuditEvent, _action: A) {
  return JSON.parse(event.data) as AuditEventData<A>;
}

export function isAction(event: ChainedAuditEvent, action: AuditAction): boolean {
  return event.action === action;
}

function eventsFor(events: readonly ChainedAuditEvent[], type: AuditTargetType) {
  const byTarget = new Map<string, ChainedAuditEvent[]>();
  for (const event of events) {
    if (event.targetType !== type) continue;
    const list = byTarget.get(event.targetId);
    if (list === undefined) byTarget.set(event.targetId, [event]);
    else list.push(event);
  }
  return byTarget;
}

/** A value as a problem sentence shows it. */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(shown).join(", ");
  return String(value);
}

/**
 * One problem per field whose stored value differs from the one recorded: "its tester is
 * Mallory but was recorded as Dana" (a field named in the plural reads "are … were").
 */
export function differences(
  target: string,
  fields: readonly (readonly [field: string, recorded: unknown, stored: unknown])[],
): RecordProblem[] {
  return fields
    .filter(([, recorded, stored]) => canonicalJson(recorded) !== canonicalJson(stored))
    .map(([field, recorded, stored]) => {
      const [is, was] = field.endsWith("s") ? ["are", "were"] : ["is", "was"];
      return {
        target,
        problem: `its ${field} ${is} ${shown(stored)} but ${was} recorded as ${shown(recorded)}`,
      };
    });
}

/** SHA-256 of stored JSON text as its writer hashed it (canonical JSON of the value). */
function jsonSha256(text: string): string | null {
  try {
    return sha256Hex(canonicalJson(JSON.parse(text)));
  } catch {
    return null;
  }
}

export function reconcileEvidence(
  items: readonly EvidenceItem[],
  events: readonly ChainedAuditEvent[],
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const byItem = eventsFor(events, "evidence");
  const stored = new Set(items.map((item) => item.id));
  for (const [id, history] of byItem) {
    const added = history.find((e) => isAction(e, "evidence.added"));
    if (added === undefined || stored.has(id)) continue;
    const { title } = recordedData(added, "evidence.added");
    problems.push({
      target: `evidence ${id}`,
      problem: `the trail records “${title}” as added but its record is gone`,
    });
  }
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

/** A sample as stored: which engagement, whether it is current, its drawn items as JSON. */
export interface StoredSample {
  id: string;
  engagementId: string;
  supersededAt: string | null;
  data: string;
}

export interface StoredResult extends ItemResult {
  engagementId: string;
  sampleId: string;
}

export interface StoredTest extends ControlTest {
  engagementId: string;
}

export interface FieldworkRecords {
  engagements: readonly Engagement[];
  samples: readonly StoredSample[];
  results: readonly StoredResult[];
  tests: readonly StoredTest[];
}

/** What the trail says one engagement is, after replaying its events. */
interface EngagementState {
  label: string;
  created: AuditEventData<"engagement.created">;
  status: EngagementStatus;
  /** The hash of the frozen scope: null when none is frozen, undefined when not recorded. */
  snapshotSha256: string | null | undefined;
  current: string | null;
  /** Each sample drawn: the hash of its items (when recorded), and its results by item. */
  samples: Map<string, { sha256: string | undefined; results: Map<string, ItemResult> }>;
  tests: Map<string, ControlTest>;
}

const resultKey = (controlRef: string, itemKey: string) => `${controlRef} ${itemKey}`;

function replayEngagements(events: readonly ChainedAuditEvent[]): Map<string, EngagementState> {
  const states = new Map<string, EngagementState>();
  const byLabel = new Map<string, EngagementState>();
  for (const event of events) {
    if (isAction(event, "engagement.created")) {
      const created = recordedData(event, "engagement.created");
      const state: EngagementState = {
        label: `E-${created.number}`,
        created,
        status: created.status,
        snapshotSha256: null,
        current: null,
        samples: new Map(),
        tests: new Map(),
      };
      states.set(event.targetId, state);
      byLabel.set(state.label, state);
      continue;
    }
    if (isAction(event, "report.shared")) {
      // Sharing the first final version distributes the report.
      const state = byLabel.get(recordedData(event, "report.shared").engagement);
      if (state?.status === "final-report") state.status = "distributed";
      continue;
    }
    const state = states.get(event.targetId);
    if (state === undefined) continue;
    if (isAction(event, "engagement.advanced") || isAction(event, "engagement.reverted")) {
      const move = recordedData(event, "engagement.advanced");
      if (statusIndex(move.to) < statusIndex("fieldwork")) {
        // Back before fieldwork: the frozen scope, the sample and the control tests go.
        state.snapshotSha256 = null;
        state.current = null;
        state.tests.clear();
      } else if (move.frozenControls !== undefined) {
        state.snapshotSha256 = move.snapshotSha256;
      }
      state.status = move.to;
    } else if (isAction(event, "report.finalized")) {
      if (state.status === "draft-report") state.status = "final-report";
    } else if (isAction(event, "engagement.sampled") || isAction(event, "engagement.resampled")) {
      const drawn = recordedData(event, "engagement.sampled");
      state.current = drawn.sample;
      state.samples.set(drawn.sample, { sha256: drawn.sha256, results: new Map() });
    } else if (
      isAction(event, "engagement.sample-extended") ||
      isAction(event, "engagement.sample-rolled-forward")
    ) {
      // The sample grows in place: its stored items must now hash to the newer digest.
      const grown = recordedData(event, "engagement.sample-extended");
      const sample = state.samples.get(grown.sample);
      if (sample !== undefined) sample.sha256 = grown.sha256;
    } else if (isAction(event, "engagement.test-recorded")) {
      const test = recordedData(event, "engagement.test-recorded");
      // Events from before tests were tied to accounts carry neither field.
      state.tests.set(test.controlRef, {
        ...test,
        testerEmail: test.testerEmail ?? null,
        enteredBy: test.enteredBy ?? null,
      });
    } else if (isAction(event, "engagement.result-recorded")) {
      const result = recordedData(event, "engagement.result-recorded");
      const sample = state.current === null ? undefined : state.samples.get(state.current);
      sample?.results.set(resultKey(result.controlRef, result.itemKey), {
        ...result,
        recordedByEmail: result.recordedByEmail ?? null,
        enteredBy: result.enteredBy ?? null,
      });
    } else if (isAction(event, "engagement.exception-response")) {
      const response = recordedData(event, "engagement.exception-response");
      const sample = state.current === null ? undefined : state.samples.get(state.current);
      const key = resultKey(response.control, response.item);
      const result = sample?.results.get(key);
      if (sample !== undefined && result !== undefined) {
        sample.results.set(key, {
          ...result,
          managementResponse: response.response,
          respondedBy: event.actorName,
          respondedAt: event.occurredAt,
        });
      }
    }
  }
  return states;
}

function reconcileResultSet(
  label: string,
  recorded: ReadonlyMap<string, ItemResult>,
  stored: readonly StoredResult[],
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const storedKeys = new Set(stored.map((r) => resultKey(r.controlRef, r.itemKey)));
  for (const [key, result] of recorded) {
    if (!storedKeys.has(key)) {
      problems.push({
        target: `result ${label} ${key}`,
        problem: `the trail records it as ${result.result} but its record is gone`,
      });
    }
  }
  for (const row of stored) {
    const key = resultKey(row.controlRef, row.itemKey);
    const target = `result ${label} ${key}`;
    const was = recorded.get(key);
    if (was === undefined) {
      problems.push({ target, problem: "it has no record in the audit trail" });
      continue;
    }
    if (was.result !== row.result || (was.description ?? null) !== row.description) {
      problems.push({ target, problem: `it says ${row.result} but was recorded as ${was.result}` });
    }
    if ((was.managementResponse ?? null) !== row.managementResponse) {
      problems.push({ target, problem: "management's response differs from the one recorded" });
    }
    problems.push(
      ...differences(target, [
        ["tester", was.recordedBy, row.recordedBy],
        ["auditor account", was.recordedByEmail, row.recordedByEmail],
        ["entry on the auditor's behalf", was.enteredBy, row.enteredBy],
        ["recording time", was.recordedAt, row.recordedAt],
        ["responder", was.respondedBy, row.respondedBy],
        ["response time", was.respondedAt, row.respondedAt],
      ]),
    );
  }
  return problems;
}

function reconcileTests(
  label: string,
  recorded: ReadonlyMap<string, ControlTest>,
  stored: readonly StoredTest[],
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const storedRefs = new Set(stored.map((t) => t.controlRef));
  for (const ref of recorded.keys()) {
    if (!storedRefs.has(ref)) {
      problems.push({
        target: `test ${label} ${ref}`,
        problem: "the trail records this test but its record is gone",
      });
    }
  }
  for (const row of stored) {
    const target = `test ${label} ${row.controlRef}`;
    const was = recorded.get(row.controlRef);
    if (was === undefined) {
      problems.push({ target, problem: "it has no record in the audit trail" });
      continue;
    }
    problems.push(
      ...differences(target, [
        ["methods", was.methods, row.methods],
        ["procedure", was.procedure, row.procedure],
        ["tester", was.tester, row.tester],
        ["auditor account", was.testerEmail, row.testerEmail],
        ["entry on the auditor's behalf", was.enteredBy, row.enteredBy],
        ["test date", was.testedOn, row.testedOn],
        ["design conclusion", was.design, row.design],
        ["design notes", was.designNotes, row.designNotes],
      ]),
    );
  }
  return problems;
}

/**
 * Each engagement, its samples, results and control tests against its events: the fixed
 * fields against engagement.created, the stage against the moves (finalizing and the first
 * share move it too), and every result and test against the last event that recorded it.
 * Results belong to the sample current when they were recorded, so a deleted result is
 * missed even when its sample has since been discarded.
 */
export function reconcileFieldwork(
  records: FieldworkRecords,
  events: readonly ChainedAuditEvent[],
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const states = replayEngagements(events);
  const rows = new Map(records.engagements.map((e) => [e.id, e]));
  for (const [id, state] of states) {
    if (!rows.has(id)) {
      problems.push({
        target: `engagement ${state.label}`,
        problem: "the trail records it but its record is gone",
      });
    }
  }
  for (const engagement of records.engagements) {
    const state = states.get(engagement.id);
    const label = state?.label ?? `E-${engagement.number}`;
    const target = `engagement ${label}`;
    const samples = records.samples.filter((s) => s.engagementId === engagement.id);
    const results = records.results.filter((r) => r.engagementId === engagement.id);
    const tests = records.tests.filter((t) => t.engagementId === engagement.id);
    if (state === undefined) {
      problems.push({ target, problem: "it has no record in the audit trail" });
      continue;
    }
    const c = state.created;
    problems.push(
      ...differences(target, [
        ["number", c.number, engagement.number],
        ["type", c.type, engagement.type],
        ["as-of date", c.asOf, engagement.asOf],
        [
          "period",
          `${shown(c.periodFrom)}..${shown(c.periodTo)}`,
          `${shown(engagement.periodFrom)}..${shown(engagement.periodTo)}`,
        ],
        ["categories", c.categories, engagement.categories],
        ["audit firm", c.auditFirm, engagement.auditFirm],
        ["firm's team", c.auditors, engagement.firmTeam],
        ["period reason", c.periodReason ?? c.shortPeriodReason ?? null, engagement.periodReason],
        ["stage", state.status, engagement.status],
      ]),
    );
    if (state.snapshotSha256 === null && engagement.snapshot !== null) {
      problems.push({ target, problem: "it has a frozen scope the trail does not record" });
    } else if (state.snapshotSha256 !== undefined && state.snapshotSha256 !== null) {
      if (engagement.snapshot === null) {
        problems.push({ target, problem: "its frozen scope is gone" });
      } else if (sha256Hex(canonicalJson(engagement.snapshot)) !== state.snapshotSha256) {
        problems.push({ target, problem: "its frozen scope differs from the one recorded" });
      }
    }
    const current = samples.find((s) => s.supersededAt === null)?.id ?? null;
    if (current !== state.current) {
      problems.push({
        target,
        problem:
          state.current === null
            ? "it has a current sample the trail does not record"
            : current === null
              ? "the sample the trail records as current is gone or superseded"
              : "its current sample is not the one the trail records",
      });
    }
    for (const [sampleId, recorded] of state.samples) {
      const sample = samples.find((s) => s.id === sampleId);
      if (sample === undefined) {
        problems.push({
          target: `sample ${label} ${sampleId}`,
          problem: "the trail records it but its record is gone",
        });
      } else if (recorded.sha256 !== undefined && jsonSha256(sample.data) !== recorded.sha256) {
        problems.push({
          target: `sample ${label} ${sampleId}`,
          problem: "its drawn items differ from the ones recorded",
        });
      }
      const stored = results.filter((r) => r.sampleId === sampleId);
      problems.push(...reconcileResultSet(label, recorded.results, stored));
    }
    for (const sample of samples.filter((s) => !state.samples.has(s.id))) {
      problems.push({
        target: `sample ${label} ${sample.id}`,
        problem: "it has no record in the audit trail",
      });
      for (const row of results.filter((r) => r.sampleId === sample.id)) {
        problems.push({
          target: `result ${label} ${resultKey(row.controlRef, row.itemKey)}`,
          problem: "it has no record in the audit trail",
        });
      }
    }
    problems.push(...reconcileTests(label, state.tests, tests));
  }
  return problems;
}

export interface StoredReportVersion {
  engagementId: string;
  version: number;
  sha256: string;
  issueDate: string;
  /** The package as stored, JSON text. */
  package: string;
}

/** The sign-offs a final package carries, as far as reconciliation reads them. */
interface SignedPackage {
  opinion?: {
    type?: string;
    text?: string;
    contentSha256?: string;
    recordedBy?: string;
    recordedByName?: string;
    firm?: string;
    city?: string;
    date?: string;
    criteriaNotMet?: string[];
    basisForModification?: string | null;
  } | null;
  assertion?: { approval?: { by?: string; name?: string; contentSha256?: string } | null };
}

/** The stored package parsed, with its SHA-256 as finalizing computed it; null if unreadable. */
function readPackage(text: string): { sha256: string; pkg: SignedPackage } | null {
  try {
    const pkg = JSON.parse(text) as SignedPackage;
    return { sha256: sha256Hex(canonicalJson(pkg)), pkg };
  } catch {
    return null;
  }
}

/**
 * The sign-offs inside a proven final package must be ones the trail recorded before it was
 * finalized: the owner's approval of the assertion (by whom, on which content) and the
 * auditor's opinion (its type, by whom, on which content, and its text where the event
 * recorded its hash). A draft's sign-off edited by SQL before finalizing is caught here.
 */
function reconcileSignOffs(
  target: string,
  pkg: SignedPackage,
  before: readonly ChainedAuditEvent[],
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const approval = pkg.assertion?.approval ?? null;
  if (approval !== null) {
    const recorded = before.some((e) => {
      if (!isAction(e, "report.assertion-approved")) return false;
      const data = recordedData(e, "report.assertion-approved");
      return (
        e.actorId === approval.by &&
        data.approvedBy === approval.name &&
        data.contentSha256 === approval.contentSha256
      );
    });
    if (!recorded) {
      problems.push({
        target,
        problem: `its assertion's approval by ${shown(approval.name)} is not one the trail records`,
      });
    }
  }
  const opinion = pkg.opinion ?? null;
  if (opinion !== null) {
    const recorded = before.some((e) => {
      if (!isAction(e, "report.opinion-recorded")) return false;
      const data = recordedData(e, "report.opinion-recorded");
      return (
        e.actorId === opinion.recordedBy &&
        data.type === opinion.type &&
        data.contentSha256 === opinion.contentSha256 &&
        (data.textSha256 === undefined || data.textSha256 === opinionTextDigest(opinion))
      );
    });
    if (!recorded) {
      problems.push({
        target,
        problem:
          `its ${shown(opinion.type)} opinion by ${shown(opinion.recordedByName)} ` +
          "is not one the trail records",
      });
    }
  }
  return problems;
}

/**
 * Each final version against its report.finalized event: it must exist, carry the recorded
 * SHA-256 and issue date, and its stored package must hash to that SHA-256 (canonical JSON,
 * as finalizing hashed it), so the package a reader downloads is the one that was finalized;
 * and the sign-offs in it must be ones the trail recorded.
 */
export function reconcileReportVersions(
  versions: readonly StoredReportVersion[],
  events: readonly ChainedAuditEvent[],
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const recorded = new Map<
    string,
    { data: AuditEventData<"report.finalized">; before: ChainedAuditEvent[] }
  >();
  const byReport = eventsFor(events, "report");
  for (const event of events) {
    if (!isAction(event, "report.finalized")) continue;
    const data = recordedData(event, "report.finalized");
    const before = (byReport.get(event.targetId) ?? []).filter((e) => e.seq < event.seq);
    recorded.set(`${event.targetId} ${data.version}`, { data, before });
  }
  const stored = new Set(versions.map((v) => `${v.engagementId} ${v.version}`));
  for (const [key, { data }] of recorded) {
    if (!stored.has(key)) {
      problems.push({
        target: `report ${data.engagement} version ${data.version}`,
        problem: "the trail records it as finalized but its record is gone",
      });
    }
  }
  for (const version of versions) {
    const finalized = recorded.get(`${version.engagementId} ${version.version}`);
    const target = `report ${finalized?.data.engagement ?? version.engagementId} version ${version.version}`;
    if (finalized === undefined) {
      problems.push({ target, problem: "it has no record in the audit trail" });
      continue;
    }
    const { data, before } = finalized;
    problems.push(
      ...differences(target, [
        ["SHA-256", data.sha256, version.sha256],
        ["issue date", data.issueDate, version.issueDate],
      ]),
    );
    const read = readPackage(version.package);
    if (read === null) {
      problems.push({ target, problem: "its stored package is not readable" });
    } else if (read.sha256 !== data.sha256) {
      problems.push({
        target,
        problem: `its stored package hashes to ${read.sha256}, not to the ${data.sha256} recorded when it was finalized`,
      });
    } else {
      problems.push(...reconcileSignOffs(target, read.pkg, before));
    }
  }
  return problems;
}

export interface StoredShareLink {
  id: string;
  engagementId: string;
  version: number;
  recipient: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** Who may read a final report from outside: each link as report.shared and its revocation say. */
export function reconcileShareLinks(
  links: readonly StoredShareLink[],
  events: readonly ChainedAuditEvent[],
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const labels = new Map<string, string>();
  const recorded = new Map<
    string,
    AuditEventData<"report.shared"> & { revokedAt: string | null }
  >();
  for (const event of events) {
    if (isAction(event, "engagement.created")) {
      labels.set(event.targetId, `E-${recordedData(event, "engagement.created").number}`);
    } else if (isAction(event, "report.shared")) {
      recorded.set(event.targetId, { ...recordedData(event, "report.shared"), revokedAt: null });
    } else if (isAction(event, "report.share-revoked")) {
      const link = recorded.get(event.targetId);
      if (link !== undefined) link.revokedAt = event.occurredAt;
    }
  }
  const stored = new Set(links.map((l) => l.id));
  for (const [id, link] of recorded) {
    if (!stored.has(id)) {
      problems.push({
        target: `share link ${id}`,
        problem: `the trail records it (for ${link.recipient}) but its record is gone`,
      });
    }
  }
  for (const link of links) {
    const target = `share link ${link.id}`;
    const was = recorded.get(link.id);
    if (was === undefined) {
      problems.push({ target, problem: "it has no record in the audit trail" });
      continue;
    }
    problems.push(
      ...differences(target, [
        [
          "report",
          `${was.engagement} version ${was.version}`,
          `${labels.get(link.engagementId) ?? link.engagementId} version ${link.version}`,
        ],
        ["recipient", was.recipient, link.recipient],
        ["expiry", was.expiresAt, link.expiresAt],
        ["revocation", was.revokedAt, link.revokedAt],
      ]),
    );
  }
  return problems;
}
