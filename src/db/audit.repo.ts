import { PostgresAdapter, sql } from "kysely";
import type { RawBuilder } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import { GENESIS_HASH, chainEvent } from "../domain/audit-chain.ts";
import type { AuditEventContent, ChainedAuditEvent } from "../domain/audit-chain.ts";
import type { AuditNameKind } from "../domain/audit-wording.ts";
import { newId } from "./portable.ts";
import { isPostgres } from "./transaction.ts";
import type { Tx } from "./transaction.ts";

export type NewAuditEvent = Omit<AuditEventContent, "organizationId" | "seq">;

/**
 * Appends one event at the head of the organization's chain. Must run inside the transaction
 * that makes the change it records (inOrgTransaction, which already holds the organization's
 * lock), so the change and its record land together or not at all. Should a writer run
 * without that lock, the unique (organization, seq) key refuses a second event at one place.
 */
export async function appendAuditEvent(
  tx: Tx,
  scope: OrgScope,
  event: NewAuditEvent,
): Promise<ChainedAuditEvent> {
  const head = await tx
    .selectFrom("audit_events")
    .select(["seq", "hash"])
    .where("organization_id", "=", scope.organizationId)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  const content: AuditEventContent = {
    ...event,
    organizationId: scope.organizationId,
    seq: (head?.seq ?? 0) + 1,
  };
  const chained = chainEvent(content, head?.hash ?? GENESIS_HASH);
  await insertChainedEvents(tx, [chained]);
  return chained;
}

/**
 * Stores events already chained, in order, and moves the organization's head to the last of
 * them. appendAuditEvent is the one writer of the application; the benchmarks load long
 * chains through this in batches.
 */
export async function insertChainedEvents(
  tx: Tx,
  events: readonly ChainedAuditEvent[],
): Promise<void> {
  const last = events.at(-1);
  if (last === undefined) return;
  await tx
    .insertInto("audit_events")
    .values(
      events.map((e) => ({
        id: newId(),
        organization_id: e.organizationId,
        seq: e.seq,
        occurred_at: e.occurredAt,
        actor_kind: e.actorKind,
        actor_id: e.actorId,
        actor_name: e.actorName,
        action: e.action,
        target_type: e.targetType,
        target_id: e.targetId,
        data: e.data,
        body: Buffer.from(e.body),
        prev_hash: e.prevHash,
        hash: e.hash,
      })),
    )
    .execute();
  await tx
    .updateTable("organizations")
    .set({ audit_head_seq: last.seq, audit_head_hash: last.hash })
    .where("id", "=", last.organizationId)
    .execute();
}

export interface AuditEventFilter {
  targetType?: string;
  targetId?: string;
  /** Only events at or after this instant (ISO). */
  since?: string;
}

export async function listAuditEvents(
  tx: Tx,
  scope: OrgScope,
  filter: AuditEventFilter = {},
): Promise<ChainedAuditEvent[]> {
  let query = tx
    .selectFrom("audit_events")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  if (filter.targetType !== undefined) query = query.where("target_type", "=", filter.targetType);
  if (filter.targetId !== undefined) query = query.where("target_id", "=", filter.targetId);
  if (filter.since !== undefined) query = query.where("occurred_at", ">=", filter.since);
  const rows = await query.orderBy("seq").execute();
  return rows.map((row) => ({
    organizationId: row.organization_id,
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    data: row.data,
    body: row.body,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

export async function getAuditHead(
  tx: Tx,
  scope: OrgScope,
): Promise<{ seq: number; hash: string } | null> {
  const row = await tx
    .selectFrom("organizations")
    .select(["audit_head_seq", "audit_head_hash"])
    .where("id", "=", scope.organizationId)
    .executeTakeFirstOrThrow();
  return row.audit_head_seq === null || row.audit_head_hash === null
    ? null
    : { seq: Number(row.audit_head_seq), hash: row.audit_head_hash };
}

/**
 * Sequence numbers of events whose columns no longer match their hashed body. The database
 * rebuilds each body from the columns itself (the format of eventBody: UTF-8 byte length,
 * colon, field, newline), which is far quicker than doing it row by row in JavaScript.
 */
export async function eventsWithAlteredColumns(tx: Tx, scope: OrgScope): Promise<number[]> {
  const postgres = tx.getExecutor().adapter instanceof PostgresAdapter;
  const part = (column: string) =>
    postgres
      ? sql`octet_length(${sql.ref(column)}::text)::text || ':' || ${sql.ref(column)}::text || chr(10)`
      : sql`length(cast(cast(${sql.ref(column)} as text) as blob)) || ':' || ${sql.ref(column)} || char(10)`;
  const columns = [
    "organization_id",
    "seq",
    "occurred_at",
    "actor_kind",
    "actor_id",
    "actor_name",
    "action",
    "target_type",
    "target_id",
    "data",
    "prev_hash",
  ];
  const rebuilt = sql.join(columns.map(part), sql` || `);
  const asBytes = postgres ? sql`convert_to(${rebuilt}, 'UTF8')` : sql`cast(${rebuilt} as blob)`;
  const result = await sql<{ seq: number }>`select seq from audit_events
    where organization_id = ${scope.organizationId} and body <> ${asBytes}
    order by seq`.execute(tx);
  return result.rows.map((row) => Number(row.seq));
}

// ---------------------------------------------------------------------------------------------
// The log a page at a time

/** One event as the log shows it (its body is for verification, which reads the whole chain). */
export interface AuditEventRow {
  seq: number;
  occurredAt: string;
  actorKind: string;
  actorId: string;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string;
  data: string;
  hash: string;
}

/** A place in the log's order: newest first by time recorded, then by sequence. */
export interface AuditPosition {
  at: string;
  seq: number;
}

/** What an auditor may read of the log: events about their engagements and what these cover. */
export interface AuditReach {
  /** Events about these engagements and about their reports (whose target is the engagement). */
  engagementIds: readonly string[];
  /** Events about these controls (by ref): the controls an engagement froze. */
  controlRefs: readonly string[];
  /** Events about the controls mapped now to any of these criteria (engagements not frozen). */
  criteria: readonly string[];
  /** Events about evidence items whose dates touch one of these periods. */
  evidenceWindows: readonly { from: string; to: string }[];
}

export interface AuditPageQuery {
  /** The last event of the previous page: this page starts just before it. */
  after?: AuditPosition;
  limit: number;
  action?: string;
  targetType?: string;
  /** Events about one of these records; an empty list matches nothing. */
  targets?: readonly { type: string; id: string }[];
  /** Events by one of these actors; an empty list matches nothing. */
  actorIds?: readonly string[];
  /** ISO instants: from inclusive, until exclusive. */
  from?: string;
  until?: string;
  reach?: AuditReach;
}

/** Later than every event; seq is an integer column. */
const LATEST: AuditPosition = { at: "9999-12-31T23:59:59.999Z", seq: 2_147_483_647 };

function earlier(a: AuditPosition, b: AuditPosition | undefined): AuditPosition {
  if (b === undefined) return a;
  return a.at < b.at || (a.at === b.at && a.seq < b.seq) ? a : b;
}

/** Which index range a page reads: the filter columns it leads with and their values. */
interface Lead {
  columns: ("action" | "actor_id" | "target_type" | "target_id")[];
  values: string[];
}

/**
 * A column the page only checks on the rows its range reads. SQLite, which plans without
 * statistics, would take an equality on an indexed column for a better range than the lead's,
 * so there it is written as an expression no index serves; PostgreSQL plans by statistics,
 * which an expression would hide, so there it stays the column.
 */
type Checked = (column: string) => RawBuilder<unknown>;
const checkedOn = (postgres: boolean): Checked =>
  postgres ? (column) => sql.ref(column) : (column) => sql`(${sql.ref(column)} || '')`;

function reachFilter(scope: OrgScope, reach: AuditReach, checked: Checked) {
  const { engagementIds, controlRefs, criteria, evidenceWindows } = reach;
  const parts = [];
  if (engagementIds.length > 0) {
    parts.push(sql`(${checked("target_type")} in ('engagement', 'report')
      and ${checked("target_id")} in (${sql.join(engagementIds)}))`);
  }
  if (controlRefs.length > 0) {
    parts.push(sql`(${checked("target_type")} = 'control'
      and ${checked("target_id")} in (${sql.join(controlRefs)}))`);
  }
  if (criteria.length > 0) {
    parts.push(sql`(${checked("target_type")} = 'control' and ${checked("target_id")} in (
      select controls.ref from controls
      join control_criteria on control_criteria.control_id = controls.id
      where controls.organization_id = ${scope.organizationId}
        and control_criteria.criterion_id in (${sql.join(criteria)})))`);
  }
  if (evidenceWindows.length > 0) {
    const touches = evidenceWindows.map(
      (w) => sql`(evidence_items.for_from <= ${w.to} and evidence_items.for_to >= ${w.from})`,
    );
    parts.push(sql`(${checked("target_type")} = 'evidence' and ${checked("target_id")} in (
      select evidence_items.id from evidence_items
      where evidence_items.organization_id = ${scope.organizationId}
        and (${sql.join(touches, sql` or `)})))`);
  }
  return parts.length === 0 ? sql<boolean>`1 = 0` : sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/**
 * One page of the log, newest first. Each page is read from one index range, whatever the
 * filters and however deep the page: the most selective filter leads (a target, else an
 * actor, else an action; each has an index of (organization, filter columns, occurred_at,
 * seq)) and the range runs from (filter, from) to (filter, cursor), so the database seeks to
 * the cursor and reads backwards until the page is full. The other filters are checked on
 * the rows read. Several targets or actors are one range each, merged.
 *
 * The range is written for each engine's planner. SQLite takes it as one row value per end,
 * filter columns included — given the filter by equality and the dates as a range, it prefers
 * the time index alone. PostgreSQL takes the filter by equality and (occurred_at, seq) as row
 * values — given the filter inside the row value, it seeks on the first column only and reads
 * every entry of that column's value between the ends.
 */
export async function listAuditPage(
  tx: Tx,
  scope: OrgScope,
  query: AuditPageQuery,
): Promise<{ events: AuditEventRow[]; more: boolean }> {
  if (query.targets?.length === 0 || query.actorIds?.length === 0) {
    return { events: [], more: false };
  }
  const until = query.until === undefined ? undefined : { at: query.until, seq: 0 };
  const high = earlier(query.after ?? LATEST, until);
  const low: AuditPosition = { at: query.from ?? "", seq: 0 };
  let leads: Lead[];
  if (query.targets !== undefined) {
    leads = query.targets.map((t) => ({
      columns: ["target_type", "target_id"],
      values: [t.type, t.id],
    }));
  } else if (query.actorIds !== undefined) {
    leads = query.actorIds.map((id) => ({ columns: ["actor_id"], values: [id] }));
  } else if (query.action !== undefined) {
    leads = [{ columns: ["action"], values: [query.action] }];
  } else {
    leads = [{ columns: [], values: [] }];
  }
  const fetch = query.limit + 1;
  const postgres = isPostgres(tx);
  const checked = checkedOn(postgres);

  const part = (lead: Lead) => {
    const rowColumns = postgres ? [] : lead.columns;
    const rowValues = postgres ? [] : lead.values;
    const columns = sql.join([...rowColumns, "occurred_at", "seq"].map((c) => sql.ref(c)));
    const bound = (at: AuditPosition) => sql.join([...rowValues, at.at, at.seq]);
    let select = tx
      .selectFrom("audit_events")
      .select([
        "seq",
        "occurred_at",
        "actor_kind",
        "actor_id",
        "actor_name",
        "action",
        "target_type",
        "target_id",
        "data",
        "hash",
      ])
      .where("organization_id", "=", scope.organizationId)
      .where(sql<boolean>`(${columns}) >= (${bound(low)})`)
      .where(sql<boolean>`(${columns}) < (${bound(high)})`);
    if (postgres) {
      lead.columns.forEach((column, i) => {
        select = select.where(sql<boolean>`${sql.ref(column)} = ${lead.values[i]}`);
      });
    }
    if (query.action !== undefined && !lead.columns.includes("action")) {
      select = select.where(sql<boolean>`${checked("action")} = ${query.action}`);
    }
    if (query.actorIds !== undefined && !lead.columns.includes("actor_id")) {
      select = select.where(sql<boolean>`${checked("actor_id")} in (${sql.join(query.actorIds)})`);
    }
    if (query.targetType !== undefined && !lead.columns.includes("target_type")) {
      select = select.where(sql<boolean>`${checked("target_type")} = ${query.targetType}`);
    }
    if (query.reach !== undefined) {
      select = select.where(reachFilter(scope, query.reach, checked));
    }
    for (const column of lead.columns) select = select.orderBy(column, "desc");
    return select.orderBy("occurred_at", "desc").orderBy("seq", "desc").limit(fetch);
  };

  const [first, ...others] = leads.map(part);
  if (first === undefined) return { events: [], more: false };
  let rows;
  if (others.length === 0) {
    rows = await first.execute();
  } else {
    // Each range ordered and cut on its own (as a subquery, which SQLite requires), then merged.
    let merged = tx.selectFrom(first.as("r0")).selectAll();
    others.forEach((other, index) => {
      merged = merged.unionAll(tx.selectFrom(other.as(`r${index + 1}`)).selectAll());
    });
    rows = await merged
      .orderBy("occurred_at", "desc")
      .orderBy("seq", "desc")
      .limit(fetch)
      .execute();
  }
  return {
    events: rows.slice(0, query.limit).map((row) => ({
      seq: Number(row.seq),
      occurredAt: row.occurred_at,
      actorKind: row.actor_kind,
      actorId: row.actor_id,
      actorName: row.actor_name,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      data: row.data,
      hash: row.hash,
    })),
    more: rows.length > query.limit,
  };
}

/** The kinds of record whose current names the log shows (see domain/audit-wording.ts). */
export type AuditNameWanted = Partial<Record<AuditNameKind, readonly string[]>>;

/**
 * Current names of the records a page of events is about, in one query: evidence titles,
 * engagement labels (E-3), people's names, token names, share-link recipients, notice titles
 * and the organization's name. Keyed `${kind}:${id}`; a record that is gone is absent.
 */
export async function auditNames(
  tx: Tx,
  scope: OrgScope,
  wanted: AuditNameWanted,
): Promise<Map<string, string>> {
  const org = scope.organizationId;
  const branch = (
    kind: AuditNameKind,
    select: (ids: RawBuilder<unknown>) => RawBuilder<unknown>,
  ) => {
    const ids = wanted[kind] ?? [];
    return ids.length === 0 ? [] : [select(sql.join(ids))];
  };
  const parts = [
    ...branch(
      "organization",
      (ids) => sql`select 'organization' as kind, id, name from organizations
        where id = ${org} and id in (${ids})`,
    ),
    ...branch(
      "evidence",
      (ids) => sql`select 'evidence' as kind, id, title as name from evidence_items
        where organization_id = ${org} and id in (${ids})`,
    ),
    ...branch(
      "engagement",
      (ids) => sql`select 'engagement' as kind, id, 'E-' || cast(number as text) as name
        from engagements where organization_id = ${org} and id in (${ids})`,
    ),
    // People are global; only ids that this organization's events name are asked for.
    ...branch(
      "person",
      (ids) => sql`select 'person' as kind, id, name from users where id in (${ids})`,
    ),
    ...branch(
      "api-token",
      (ids) => sql`select 'api-token' as kind, id, name from api_tokens
        where organization_id = ${org} and id in (${ids})`,
    ),
    ...branch(
      "share-link",
      (ids) => sql`select 'share-link' as kind, id, recipient as name from share_links
        where organization_id = ${org} and id in (${ids})`,
    ),
    ...branch(
      "notice",
      (ids) => sql`select 'notice' as kind, id, title as name from notices
        where organization_id = ${org} and id in (${ids})`,
    ),
  ];
  const names = new Map<string, string>();
  if (parts.length === 0) return names;
  const result = await sql<{ kind: string; id: string; name: string }>`${sql.join(
    parts,
    sql` union all `,
  )}`.execute(tx);
  for (const row of result.rows) names.set(`${row.kind}:${row.id}`, row.name);
  return names;
}

/** What a person typed to name a target, and the kinds of record it may name. */
export interface AuditTargetSearch {
  text: string;
  types: readonly string[];
}

/**
 * The records of this organization that a typed name may mean, in one query: an engagement
 * by its label (E-3, also for its report), evidence by title or id prefix, a member by email or
 * name, an invitation by email, a token by name, a share link by recipient. Names match whole,
 * ignoring case; at most 20 of each.
 */
export async function findAuditTargets(
  tx: Tx,
  scope: OrgScope,
  search: AuditTargetSearch,
): Promise<{ type: string; id: string }[]> {
  const org = scope.organizationId;
  const text = search.text.trim();
  const lower = text.toLowerCase();
  const wants = (type: string) => search.types.includes(type);
  const parts = [];
  const label = /^e-(\d{1,9})$/i.exec(text);
  if (label !== null && (wants("engagement") || wants("report"))) {
    parts.push(sql`select 'engagement' as type, id from engagements
      where organization_id = ${org} and number = ${Number(label[1])}`);
  }
  if (wants("evidence")) {
    const prefix = /^[0-9a-f-]{8,36}$/.test(lower) ? `${lower.replace(/[%_\\]/g, "")}%` : null;
    parts.push(sql`select 'evidence' as type, id from (select id from evidence_items
      where organization_id = ${org}
        and (lower(title) = ${lower}${prefix === null ? sql`` : sql` or id like ${prefix}`})
      limit 20) as evidence`);
  }
  if (wants("member")) {
    parts.push(sql`select 'member' as type, id from (select users.id from users
      join memberships on memberships.user_id = users.id and memberships.organization_id = ${org}
      where lower(users.email) = ${lower} or lower(users.name) = ${lower} limit 20) as member`);
  }
  if (wants("invitation")) {
    parts.push(sql`select 'invitation' as type, id from (select id from invitations
      where organization_id = ${org} and lower(email) = ${lower} limit 20) as invitation`);
  }
  if (wants("api-token")) {
    parts.push(sql`select 'api-token' as type, id from (select id from api_tokens
      where organization_id = ${org} and lower(name) = ${lower} limit 20) as token`);
  }
  if (wants("share-link")) {
    parts.push(sql`select 'share-link' as type, id from (select id from share_links
      where organization_id = ${org} and lower(recipient) = ${lower} limit 20) as link`);
  }
  if (parts.length === 0) return [];
  const result = await sql<{ type: string; id: string }>`${sql.join(
    parts,
    sql` union all `,
  )}`.execute(tx);
  const found: { type: string; id: string }[] = [];
  for (const row of result.rows) {
    if (row.type === "engagement") {
      if (wants("engagement")) found.push({ type: "engagement", id: row.id });
      if (wants("report")) found.push({ type: "report", id: row.id });
    } else {
      found.push(row);
    }
  }
  return found;
}

/**
 * The people an actor filter may mean: those whose email or name is the text, ignoring case.
 * Not limited to today's members (removed members keep their events); the page that uses
 * these ids still reads only this organization's events.
 */
export async function findAuditActors(tx: Tx, text: string): Promise<string[]> {
  const lower = text.trim().toLowerCase();
  const rows = await tx
    .selectFrom("users")
    .select("id")
    .where((eb) => eb.or([eb(sql`lower(email)`, "=", lower), eb(sql`lower(name)`, "=", lower)]))
    .limit(20)
    .execute();
  return rows.map((row) => row.id);
}
