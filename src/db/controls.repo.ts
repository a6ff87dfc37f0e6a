import { sql } from "kysely";
import type { Selectable } from "kysely";
import type {
  ControlAutomation,
  ControlFrequency,
  ControlKind,
  OwnerRole,
} from "../catalog/types.ts";
import { criterionOrder } from "../catalog/index.ts";
import type { OrgScope } from "../domain/actor.ts";
import type { Control, ControlChanges, ControlStatus } from "../domain/control.ts";
import { fromDbJson, toDbJson } from "./portable.ts";
import type { ControlsTable } from "./schema.ts";
import { isPostgres } from "./transaction.ts";
import type { Tx } from "./transaction.ts";

type ControlRow = Selectable<ControlsTable>;

function toControl(row: ControlRow, criteria: string[]): Control {
  return {
    id: row.id,
    ref: row.ref,
    templateId: row.template_id,
    title: row.title,
    description: row.description,
    kind: row.kind as ControlKind,
    automation: row.automation as ControlAutomation,
    frequency: row.frequency as ControlFrequency,
    ownerRole: row.owner_role as OwnerRole | null,
    owner: row.owner,
    status: row.status as ControlStatus,
    statusReason: row.status_reason,
    suggestedEvidence: fromDbJson<string[]>(row.suggested_evidence),
    testProcedure: row.test_procedure,
    version: row.version,
    criteria,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertControls(
  tx: Tx,
  scope: OrgScope,
  controls: readonly Control[],
): Promise<void> {
  if (controls.length === 0) return;
  await tx
    .insertInto("controls")
    .values(
      controls.map((c) => ({
        id: c.id,
        organization_id: scope.organizationId,
        ref: c.ref,
        template_id: c.templateId,
        title: c.title,
        description: c.description,
        kind: c.kind,
        automation: c.automation,
        frequency: c.frequency,
        owner_role: c.ownerRole,
        owner: c.owner,
        status: c.status,
        status_reason: c.statusReason,
        suggested_evidence: toDbJson(c.suggestedEvidence),
        test_procedure: c.testProcedure,
        version: c.version,
        created_at: c.createdAt,
        updated_at: c.updatedAt,
      })),
    )
    .execute();
  const mappings = controls.flatMap((c) =>
    c.criteria.map((criterionId) => ({ controlId: c.id, criterionId })),
  );
  await insertMappings(tx, scope, mappings, controls[0]?.createdAt ?? "");
}

export interface Mapping {
  controlId: string;
  criterionId: string;
}

// Both engines cap bound parameters per statement (SQLite 32,766; PostgreSQL 65,535).
const MAPPING_BATCH = 1000;

export async function insertMappings(
  tx: Tx,
  scope: OrgScope,
  mappings: readonly Mapping[],
  at: string,
): Promise<void> {
  for (let start = 0; start < mappings.length; start += MAPPING_BATCH) {
    await tx
      .insertInto("control_criteria")
      .values(
        mappings.slice(start, start + MAPPING_BATCH).map((m) => ({
          organization_id: scope.organizationId,
          control_id: m.controlId,
          criterion_id: m.criterionId,
          created_at: at,
        })),
      )
      .execute();
  }
}

export async function deleteMapping(tx: Tx, scope: OrgScope, mapping: Mapping): Promise<void> {
  await tx
    .deleteFrom("control_criteria")
    .where("organization_id", "=", scope.organizationId)
    .where("control_id", "=", mapping.controlId)
    .where("criterion_id", "=", mapping.criterionId)
    .execute();
}

export async function listMappings(tx: Tx, scope: OrgScope): Promise<Mapping[]> {
  const rows = await tx
    .selectFrom("control_criteria")
    .select(["control_id", "criterion_id"])
    .where("organization_id", "=", scope.organizationId)
    .execute();
  return rows.map((row) => ({ controlId: row.control_id, criterionId: row.criterion_id }));
}

/** Criteria per control, in catalog order, the same on both engines. */
function groupCriteria(mappings: readonly Mapping[]): Map<string, string[]> {
  const byControl = new Map<string, string[]>();
  for (const m of mappings) {
    const list = byControl.get(m.controlId);
    if (list === undefined) byControl.set(m.controlId, [m.criterionId]);
    else list.push(m.criterionId);
  }
  for (const list of byControl.values()) {
    list.sort((a, b) => criterionOrder(a) - criterionOrder(b));
  }
  return byControl;
}

/** Refs in plain code-point order: database collations differ between engines and locales. */
function byRef<T extends { ref: string }>(a: T, b: T): number {
  return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
}

export async function listControls(tx: Tx, scope: OrgScope): Promise<Control[]> {
  const rows = await tx
    .selectFrom("controls")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .execute();
  const criteria = groupCriteria(await listMappings(tx, scope));
  return rows.map((row) => toControl(row, criteria.get(row.id) ?? [])).sort(byRef);
}

export interface ControlSummary {
  id: string;
  ref: string;
  title: string;
  status: ControlStatus;
  statusReason: string | null;
  frequency: ControlFrequency;
  criteria: string[];
}

/** Only what readiness and freshness need: cheap enough for an organization of thousands. */
export async function listControlSummaries(tx: Tx, scope: OrgScope): Promise<ControlSummary[]> {
  const rows = await tx
    .selectFrom("controls")
    .select(["id", "ref", "title", "status", "status_reason", "frequency"])
    .where("organization_id", "=", scope.organizationId)
    .execute();
  const criteria = groupCriteria(await listMappings(tx, scope));
  return rows
    .map((row) => ({
      id: row.id,
      ref: row.ref,
      title: row.title,
      status: row.status as ControlStatus,
      statusReason: row.status_reason,
      frequency: row.frequency as ControlFrequency,
      criteria: criteria.get(row.id) ?? [],
    }))
    .sort(byRef);
}

export async function findControlByRef(
  tx: Tx,
  scope: OrgScope,
  ref: string,
): Promise<Control | undefined> {
  const row = await tx
    .selectFrom("controls")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("ref", "=", ref)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const mappings = await tx
    .selectFrom("control_criteria")
    .select("criterion_id")
    .where("organization_id", "=", scope.organizationId)
    .where("control_id", "=", row.id)
    .execute();
  return toControl(
    row,
    mappings.map((m) => m.criterion_id).sort((a, b) => criterionOrder(a) - criterionOrder(b)),
  );
}

/**
 * Applies a patch if nobody changed the control since `expectedVersion` was read.
 * Returns false when the version moved on (the caller reports a conflict).
 */
export async function updateControlRow(
  tx: Tx,
  scope: OrgScope,
  control: Control,
  changes: ControlChanges,
  at: string,
): Promise<boolean> {
  const result = await tx
    .updateTable("controls")
    .set({
      ...(changes.title === undefined ? {} : { title: changes.title }),
      ...(changes.description === undefined ? {} : { description: changes.description }),
      ...(changes.kind === undefined ? {} : { kind: changes.kind }),
      ...(changes.automation === undefined ? {} : { automation: changes.automation }),
      ...(changes.frequency === undefined ? {} : { frequency: changes.frequency }),
      ...(changes.ownerRole === undefined ? {} : { owner_role: changes.ownerRole }),
      ...(changes.owner === undefined ? {} : { owner: changes.owner }),
      ...(changes.status === undefined ? {} : { status: changes.status }),
      ...(changes.statusReason === undefined ? {} : { status_reason: changes.statusReason }),
      ...(changes.suggestedEvidence === undefined
        ? {}
        : { suggested_evidence: toDbJson(changes.suggestedEvidence) }),
      ...(changes.testProcedure === undefined ? {} : { test_procedure: changes.testProcedure }),
      version: control.version + 1,
      updated_at: at,
    })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", control.id)
    .where("version", "=", control.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Bumps the version when only the mappings changed, so the history stays ordered. */
export async function bumpControlVersion(
  tx: Tx,
  scope: OrgScope,
  control: Control,
  at: string,
): Promise<boolean> {
  return updateControlRow(tx, scope, control, {}, at);
}

export interface ControlPageQuery {
  status?: string;
  owner?: string;
  criterion?: string;
  /** Lower-case words that must all appear in the ref, title or description. */
  words: readonly string[];
  /** The last ref of the previous page. */
  afterRef?: string;
  limit: number;
  /**
   * Only these controls (an auditor's reach): the refs, and those mapped to any of the
   * criteria. Both empty matches nothing.
   */
  reach?: { controlRefs: readonly string[]; criteria: readonly string[] };
}

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One page of controls, filtered and ordered by ref in the database: the list an organization
 * with thousands of controls asks for on every visit. Refs compare by code point on both
 * engines (PostgreSQL's collations would order "AC-10" differently).
 */
export async function listControlPage(
  tx: Tx,
  scope: OrgScope,
  query: ControlPageQuery,
): Promise<{ controls: Control[]; more: boolean }> {
  const ref = isPostgres(tx) ? sql<string>`controls.ref collate "C"` : sql<string>`controls.ref`;
  let select = tx
    .selectFrom("controls")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  if (query.status !== undefined) select = select.where("status", "=", query.status);
  if (query.owner !== undefined) select = select.where("owner", "=", query.owner);
  if (query.criterion !== undefined) {
    const criterion = query.criterion;
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom("control_criteria")
          .select("control_criteria.control_id")
          .whereRef("control_criteria.control_id", "=", "controls.id")
          .where("control_criteria.criterion_id", "=", criterion),
      ),
    );
  }
  if (query.reach !== undefined) {
    const { controlRefs, criteria } = query.reach;
    select = select.where((eb) =>
      eb.or([
        ...(controlRefs.length === 0 ? [] : [eb("controls.ref", "in", controlRefs)]),
        ...(criteria.length === 0
          ? []
          : [
              eb.exists(
                eb
                  .selectFrom("control_criteria")
                  .select("control_criteria.control_id")
                  .whereRef("control_criteria.control_id", "=", "controls.id")
                  .where("control_criteria.criterion_id", "in", criteria),
              ),
            ]),
      ]),
    );
  }
  for (const word of query.words) {
    const pattern = `%${escapeLike(word)}%`;
    select = select.where(
      sql<boolean>`lower(controls.ref || ' ' || controls.title || ' ' || controls.description) like ${pattern} escape '\\'`,
    );
  }
  if (query.afterRef !== undefined) select = select.where(sql<boolean>`${ref} > ${query.afterRef}`);
  const rows = await select
    .orderBy(ref)
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const mappings =
    page.length === 0
      ? []
      : // By control id alone, which the primary key serves: the ids come from this
        // organization's page, and with the organization too SQLite would scan its index.
        await tx
          .selectFrom("control_criteria")
          .select(["control_id", "criterion_id"])
          .where(
            "control_id",
            "in",
            page.map((row) => row.id),
          )
          .execute();
  const criteria = groupCriteria(
    mappings.map((m) => ({ controlId: m.control_id, criterionId: m.criterion_id })),
  );
  return {
    controls: page.map((row) => toControl(row, criteria.get(row.id) ?? [])),
    more: rows.length > query.limit,
  };
}
