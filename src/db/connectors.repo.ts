/** All SQL of connectors; every function is scoped to one organization. */
import type { Selectable } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import type { ConnectorKind } from "../domain/checks/check.ts";
import { fromDbJson, toDbJson } from "./portable.ts";
import type { ConnectorsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

export interface StoredConnector {
  id: string;
  number: number;
  kind: ConnectorKind;
  name: string;
  settings: Record<string, unknown>;
  /** Sealed (enc:v1:…): opened only to call the connector. */
  credentials: string;
  intervalMinutes: number;
  nextRunAt: string;
  consecutiveFailures: number;
  lastRunId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  removedAt: string | null;
}

export function connectorRef(number: number): string {
  return `CN-${number}`;
}

function toConnector(row: Selectable<ConnectorsTable>): StoredConnector {
  return {
    id: row.id,
    number: Number(row.number),
    kind: row.kind as ConnectorKind,
    name: row.name,
    settings: fromDbJson<Record<string, unknown>>(row.settings),
    credentials: row.credentials,
    intervalMinutes: Number(row.interval_minutes),
    nextRunAt: row.next_run_at,
    consecutiveFailures: Number(row.consecutive_failures),
    lastRunId: row.last_run_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    removedAt: row.removed_at,
  };
}

/** The organization's connectors in use (removed ones are kept for their runs, not listed). */
export async function listConnectors(tx: Tx, scope: OrgScope): Promise<StoredConnector[]> {
  const rows = await tx
    .selectFrom("connectors")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("removed_at", "is", null)
    .orderBy("number")
    .execute();
  return rows.map(toConnector);
}

/** By id, removed or not (a run's connector). */
export async function findConnectorById(
  tx: Tx,
  scope: OrgScope,
  id: string,
): Promise<StoredConnector | undefined> {
  const row = await tx
    .selectFrom("connectors")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : toConnector(row);
}

export async function nextConnectorNumber(tx: Tx, scope: OrgScope): Promise<number> {
  const row = await tx
    .selectFrom("connectors")
    .select((eb) => eb.fn.max("number").as("top"))
    .where("organization_id", "=", scope.organizationId)
    .executeTakeFirst();
  return Number(row?.top ?? 0) + 1;
}

export async function insertConnector(
  tx: Tx,
  scope: OrgScope,
  connector: StoredConnector,
): Promise<void> {
  await tx
    .insertInto("connectors")
    .values({
      id: connector.id,
      organization_id: scope.organizationId,
      number: connector.number,
      kind: connector.kind,
      name: connector.name,
      settings: toDbJson(connector.settings),
      credentials: connector.credentials,
      interval_minutes: connector.intervalMinutes,
      next_run_at: connector.nextRunAt,
      consecutive_failures: connector.consecutiveFailures,
      last_run_id: connector.lastRunId,
      created_by: connector.createdBy,
      created_at: connector.createdAt,
      updated_at: connector.updatedAt,
      removed_at: connector.removedAt,
    })
    .execute();
}

/** Name, settings, credentials, schedule and run state: everything but identity. */
export async function updateConnector(
  tx: Tx,
  scope: OrgScope,
  connector: StoredConnector,
): Promise<void> {
  await tx
    .updateTable("connectors")
    .set({
      name: connector.name,
      settings: toDbJson(connector.settings),
      credentials: connector.credentials,
      interval_minutes: connector.intervalMinutes,
      next_run_at: connector.nextRunAt,
      consecutive_failures: connector.consecutiveFailures,
      last_run_id: connector.lastRunId,
      updated_at: connector.updatedAt,
      removed_at: connector.removedAt,
    })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", connector.id)
    .execute();
}
