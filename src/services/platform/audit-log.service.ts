/**
 * Reading the audit trail, and proving it intact: the hash chain recomputed end to end, the
 * head compared with the one recorded apart, every stored file re-hashed, and the current
 * records (evidence, engagements and their results and tests, final report packages, share
 * links, and who has access) re-derived from the events and compared (reconcile-records.ts).
 */
import { z } from "zod";
import { CATEGORIES, findCriterion } from "../../catalog/index.ts";
import {
  eventsWithAlteredColumns,
  findAuditActors,
  findAuditTargets,
  getAuditHead,
  listAuditEvents,
  listAuditPage,
} from "../../db/audit.repo.ts";
import type { AuditEventRow, AuditPosition } from "../../db/audit.repo.ts";
import { listFileHashes } from "../../db/evidence.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { verifyChain } from "../../domain/audit-chain.ts";
import type { ChainBreak } from "../../domain/audit-chain.ts";
import { AUDIT_TARGET_TYPES, isAuditAction } from "../../domain/audit-events.ts";
import type { AuditAction, AuditTargetType } from "../../domain/audit-events.ts";
import type { AuditChange, AuditWording } from "../../domain/audit-wording.ts";
import { AppError } from "../../domain/errors.ts";
import { addDays, zonedMidnight } from "../../domain/periods.ts";
import { authorize } from "../../domain/permissions.ts";
import type { RecordProblem } from "../../domain/reconcile.ts";
import { describeAuditEvents, factsOf, wordingAt } from "./audit-history.ts";
import { auditorReach } from "./auditor-reach.ts";
import type { ServiceContext } from "./context.ts";
import { calendarDate, oneOf } from "./inputs.ts";
import { readRecordsToReconcile, reconcileRecords } from "./reconcile-records.ts";
import { parseInput } from "./validation.ts";

/** One event as the log shows it: what was recorded, and the same in words. */
export interface AuditLogEntry {
  seq: number;
  at: string;
  actor: { kind: string; id: string; name: string };
  action: string;
  /** `label` is how people know the record: AC-04, E-2, an evidence item's title. */
  target: { type: string; id: string; label: string };
  /** The event as a sentence: "Control AC-04 marked implemented". */
  sentence: string;
  /** What the event changed, each field from → to, in words. */
  changes: AuditChange[];
  /** The data as recorded (hashed into the chain). */
  data: unknown;
  hash: string;
}

export interface AuditLogPage {
  items: AuditLogEntry[];
  /** Pass as `cursor` for the next (older) page; null on the last one. */
  nextCursor: string | null;
}

const auditAction = z.string().transform((value, ctx): AuditAction => {
  const action = value.trim().toLowerCase();
  if (!isAuditAction(action)) {
    ctx.addIssue({
      code: "custom",
      message: `"${value}" is not an audit action; actions look like control.updated or evidence.added`,
    });
    return z.NEVER;
  }
  return action;
});

const filterText = z.string().trim().min(1, "must not be empty").max(200);

export const auditLogQuery = z
  .object({
    /** The nextCursor of the previous page. */
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    action: auditAction.optional(),
    targetType: oneOf(AUDIT_TARGET_TYPES, "target type").optional(),
    /** A record as people name it (AC-04, E-2, an evidence title, an email) or its id. */
    target: filterText.optional(),
    /** A person's email or name, or an actor id. */
    actor: filterText.optional(),
    /** Local dates of the organization, both included. */
    from: calendarDate.optional(),
    to: calendarDate.optional(),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ["to"],
    message: "ends before it starts",
  });
export type AuditLogQuery = z.input<typeof auditLogQuery>;

// The cursor names the last event shown: its time and sequence, opaque to callers.
function encodeCursor(position: AuditPosition): string {
  return Buffer.from(`${position.at}~${position.seq}`).toString("base64url");
}

function decodeCursor(cursor: string): AuditPosition {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)~(\d{1,10})$/.exec(
    Buffer.from(cursor, "base64url").toString("utf8"),
  );
  if (match === null) {
    throw new AppError("VALIDATION_FAILED", "cursor: does not match this list; start again", [
      { field: "cursor", message: "unknown cursor" },
    ]);
  }
  return { at: match[1] ?? "", seq: Number(match[2]) };
}

/** How a typed target names records of one type without a lookup. */
function namedWithoutLookup(type: AuditTargetType, text: string): string[] {
  switch (type) {
    case "control":
      return [text.toUpperCase()];
    case "scope": {
      const lower = text.toLowerCase();
      const category = CATEGORIES.find((c) => c.id === lower || c.name.toLowerCase() === lower);
      if (category !== undefined) return [category.id];
      const criterion = findCriterion(text.toUpperCase());
      return criterion === undefined ? [text] : [criterion.id];
    }
    default:
      return [text];
  }
}

/** The records a typed target may mean: by id, by ref, or by name through current records. */
async function resolveTargets(
  tx: Tx,
  actor: Actor,
  type: AuditTargetType | undefined,
  text: string,
): Promise<{ type: string; id: string }[]> {
  const types = type === undefined ? AUDIT_TARGET_TYPES : [type];
  const found = [
    ...types.flatMap((t) => namedWithoutLookup(t, text).map((id) => ({ type: t, id }))),
    ...(await findAuditTargets(tx, scopeOf(actor), { text, types })),
  ];
  const seen = new Set<string>();
  return found.filter((target) => {
    const key = `${target.type}:${target.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The actors a typed name may mean: the id itself, the CLI's operator of that name, people. */
async function resolveActors(tx: Tx, text: string): Promise<string[]> {
  const people = await findAuditActors(tx, text);
  return [...new Set([text, `operator:${text}`, ...people])];
}

/**
 * One page of the audit log, newest first, filtered in the database: by action, by target (a
 * type, a record, or both), by actor and by the organization's local dates. Each event comes
 * with its sentence and changes in words; the names they use (evidence titles, engagement
 * labels, people) are read for the whole page in one query. Owners and admins read every
 * event; an auditor reads what their engagements cover (auditorReach).
 */
export async function listAuditLog(
  ctx: ServiceContext,
  actor: Actor,
  query: AuditLogQuery = {},
): Promise<AuditLogPage> {
  authorize(actor, "audit-log:read");
  const q = parseInput(auditLogQuery, query);
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  const scope = scopeOf(actor);
  return read(ctx.db, async (tx) => {
    let from: string | undefined;
    let until: string | undefined;
    if (q.from !== undefined || q.to !== undefined) {
      const { timeZone } = await getOrganization(tx, scope);
      if (q.from !== undefined) from = zonedMidnight(q.from, timeZone).toISOString();
      if (q.to !== undefined) until = zonedMidnight(addDays(q.to, 1), timeZone).toISOString();
    }
    const page = await listAuditPage(tx, scope, {
      limit: q.limit,
      ...(after === undefined ? {} : { after }),
      ...(q.action === undefined ? {} : { action: q.action }),
      ...(q.targetType === undefined ? {} : { targetType: q.targetType }),
      ...(q.target === undefined
        ? {}
        : { targets: await resolveTargets(tx, actor, q.targetType, q.target) }),
      ...(q.actor === undefined ? {} : { actorIds: await resolveActors(tx, q.actor) }),
      ...(from === undefined ? {} : { from }),
      ...(until === undefined ? {} : { until }),
      ...(await auditorReach(tx, actor).then((reach) => (reach === undefined ? {} : { reach }))),
    });
    const facts = page.events.map((row) => ({ row, data: JSON.parse(row.data) as unknown }));
    const words = await describeAuditEvents(
      tx,
      scope,
      facts.map(({ row, data }) => factsOf(row, data)),
    );
    const items = facts.map(({ row, data }, i) => toEntry(row, data, wordingAt(words, i)));
    const last = page.events.at(-1);
    return {
      items,
      nextCursor:
        page.more && last !== undefined
          ? encodeCursor({ at: last.occurredAt, seq: last.seq })
          : null,
    };
  });
}

function toEntry(row: AuditEventRow, data: unknown, words: AuditWording): AuditLogEntry {
  return {
    seq: row.seq,
    at: row.occurredAt,
    actor: { kind: row.actorKind, id: row.actorId, name: row.actorName },
    action: row.action,
    target: { type: row.targetType, id: row.targetId, label: words.target },
    sentence: words.sentence,
    changes: words.changes,
    data,
    hash: row.hash,
  };
}

export interface CorruptFile {
  sha256: string;
  problem: string;
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  /** The newest event: note it down elsewhere, and a later verify shows nothing was cut off. */
  head: { seq: number; hash: string } | null;
  chain: ChainBreak | null;
  filesChecked: number;
  corruptFiles: CorruptFile[];
  recordsChecked: number;
  records: RecordProblem[];
}

export async function verifyAuditLog(
  ctx: ServiceContext,
  actor: Actor,
): Promise<AuditVerification> {
  authorize(actor, "audit-log:verify");
  const { events, altered, head, hashes, stored } = await read(ctx.db, async (tx) => ({
    events: await listAuditEvents(tx, scopeOf(actor)),
    altered: await eventsWithAlteredColumns(tx, scopeOf(actor)),
    head: await getAuditHead(tx, scopeOf(actor)),
    hashes: await listFileHashes(tx, scopeOf(actor)),
    stored: await readRecordsToReconcile(tx, scopeOf(actor)),
  }));
  const first = altered[0];
  const chain =
    verifyChain(events, head) ??
    (first === undefined
      ? null
      : { seq: first, reason: `event ${first} was changed after it was written` });
  const { checked, problems: records } = reconcileRecords(stored, events);
  const corruptFiles: CorruptFile[] = [];
  for (const sha256 of hashes) {
    const problem = await ctx.blobs.check(sha256);
    if (problem !== null) corruptFiles.push({ sha256, problem });
  }
  return {
    ok: chain === null && corruptFiles.length === 0 && records.length === 0,
    events: events.length,
    head,
    chain,
    filesChecked: hashes.length,
    corruptFiles,
    recordsChecked: checked,
    records,
  };
}
