/**
 * The organization's connectors: added with settings and credentials checked by the
 * connector's own schemas and a test connection (refused with the connector's error), listed
 * and shown without their credentials, updated, tested and removed. Credentials are sealed
 * with the operator's key before they reach the database and opened only to call the system.
 */
import { z } from "zod";
import {
  connectorRef,
  findConnectorById,
  insertConnector,
  listConnectors,
  nextConnectorNumber,
  updateConnector,
} from "../../db/connectors.repo.ts";
import type { StoredConnector } from "../../db/connectors.repo.ts";
import { findRun } from "../../db/checks.repo.ts";
import type { CheckRun } from "../../db/checks.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { CONNECTOR_KINDS, ConnectorError } from "../../domain/checks/check.ts";
import type { ConnectorFailure, ConnectorField, ConnectorKind } from "../../domain/checks/check.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { connectorByKind } from "../../integrations/registry.ts";
import type { RegisteredConnector } from "../../integrations/registry.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { oneOf, requiredText } from "../platform/inputs.ts";
import { secretContext } from "../platform/secret-box.ts";
import { parseInput } from "../platform/validation.ts";

/** Hourly by default; at most every 15 minutes, at least weekly. */
export const DEFAULT_INTERVAL_MINUTES = 60;
const interval = z
  .number()
  .int("whole minutes")
  .min(15, "at least 15 minutes apart (the systems' rate limits are shared)")
  .max(7 * 24 * 60, "at least once a week");

const values = z.record(z.string(), z.unknown());

export const addConnectorInput = z
  .object({
    kind: oneOf(CONNECTOR_KINDS, "connector kind"),
    name: requiredText(100),
    settings: values.default({}),
    credentials: values.default({}),
    intervalMinutes: interval.default(DEFAULT_INTERVAL_MINUTES),
  })
  .strict();
export type AddConnectorInput = z.input<typeof addConnectorInput>;

export const updateConnectorInput = z
  .object({
    name: requiredText(100).optional(),
    settings: values.optional(),
    /** Replaces every credential when given; left as stored otherwise. */
    credentials: values.optional(),
    intervalMinutes: interval.optional(),
  })
  .strict();
export type UpdateConnectorInput = z.input<typeof updateConnectorInput>;

export interface ConnectorRunView {
  ref: string;
  trigger: CheckRun["trigger"];
  startedAt: string;
  finishedAt: string;
  outcome: CheckRun["outcome"];
  message: string | null;
  snapshotSha256: string | null;
}

/** What anyone who may read a connector sees: never its credentials. */
export interface ConnectorView {
  id: string;
  ref: string;
  kind: ConnectorKind;
  /** The connector's title ("GitHub"). */
  system: string;
  name: string;
  settings: Record<string, unknown>;
  /** The names of the credential fields stored (sealed), never their values. */
  credentialFields: string[];
  intervalMinutes: number;
  nextRunAt: string;
  /** Failed runs in a row: each pushes the next attempt further off. */
  consecutiveFailures: number;
  lastRun: ConnectorRunView | null;
  /** The last run's failure, while the connector is failing. */
  error: { failure: ConnectorFailure; message: string; at: string } | null;
  createdBy: string;
  createdAt: string;
}

/** A kind Attest ships a connector for, with what its form asks. */
export interface ConnectorKindView {
  kind: ConnectorKind;
  title: string;
  fields: ConnectorField[];
  permissions: string[];
  checks: number;
  populations: { id: string; title: string; controls: string[] }[];
}

export function connectorKindsView(): ConnectorKindView[] {
  return CONNECTOR_KINDS.flatMap((kind) => {
    const c = connectorByKind(kind);
    return c === undefined
      ? []
      : [
          {
            kind,
            title: c.title,
            fields: [...c.fields],
            permissions: [...c.permissions],
            checks: c.checks.length,
            populations: c.populations.map((p) => ({
              id: p.id,
              title: p.title,
              controls: [...p.controls],
            })),
          },
        ];
  });
}

export function definitionOf(kind: string): RegisteredConnector {
  const definition = connectorByKind(kind);
  if (definition === undefined) {
    throw invalidField("kind", `no connector "${kind}" (known: ${CONNECTOR_KINDS.join(", ")})`);
  }
  return definition;
}

function runView(run: CheckRun): ConnectorRunView {
  return {
    ref: run.ref,
    trigger: run.trigger,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    outcome: run.outcome,
    message: run.message,
    snapshotSha256: run.snapshotSha256,
  };
}

async function toView(tx: Tx, actor: Actor, connector: StoredConnector): Promise<ConnectorView> {
  const definition = connectorByKind(connector.kind);
  const last =
    connector.lastRunId === null
      ? undefined
      : await findRun(tx, scopeOf(actor), { id: connector.lastRunId });
  return {
    id: connector.id,
    ref: connectorRef(connector.number),
    kind: connector.kind,
    system: definition?.title ?? connector.kind,
    name: connector.name,
    settings: connector.settings,
    credentialFields: (definition?.fields ?? []).filter((f) => f.secret).map((f) => f.name),
    intervalMinutes: connector.intervalMinutes,
    nextRunAt: connector.nextRunAt,
    consecutiveFailures: connector.consecutiveFailures,
    lastRun: last === undefined ? null : runView(last),
    error:
      last === undefined || last.outcome === "ok"
        ? null
        : { failure: last.outcome, message: last.message ?? "", at: last.finishedAt },
    createdBy: connector.createdBy,
    createdAt: connector.createdAt,
  };
}

/** Settings and credentials through the connector's schemas, errors named settings.x / credentials.x. */
function parseConfiguration(
  definition: RegisteredConnector,
  settings: Record<string, unknown>,
  credentials: Record<string, unknown>,
): { settings: Record<string, unknown>; credentials: Record<string, unknown> } {
  const schema = z.object({ settings: definition.settings, credentials: definition.credentials });
  const parsed = parseInput(schema, { settings, credentials });
  return {
    settings: parsed.settings as Record<string, unknown>,
    credentials: parsed.credentials as Record<string, unknown>,
  };
}

/** A refused test connection, in the connector's words, on the field it is about. */
function connectionRefused(definition: RegisteredConnector, error: ConnectorError): AppError {
  const field =
    error.failure === "unauthorized" || error.failure === "forbidden" ? "credentials" : "settings";
  const message = `${definition.title} refused the test connection (${error.failure}): ${error.message}`;
  return new AppError("VALIDATION_FAILED", `${field}: ${message}`, [{ field, message }]);
}

/** Runs the connector's test connection; its ConnectorError becomes a clear refusal. */
export async function testWith(
  definition: RegisteredConnector,
  settings: unknown,
  credentials: unknown,
): Promise<void> {
  try {
    await definition.testConnection(settings, credentials);
  } catch (error) {
    if (error instanceof ConnectorError) throw connectionRefused(definition, error);
    throw error;
  }
}

export function openCredentials(
  ctx: ServiceContext,
  connector: StoredConnector,
): Record<string, unknown> {
  const text = ctx.secrets.open(
    connector.credentials,
    secretContext.connectorCredentials(connector.id),
  );
  return JSON.parse(text) as Record<string, unknown>;
}

function seal(ctx: ServiceContext, id: string, credentials: Record<string, unknown>): string {
  return ctx.secrets.seal(JSON.stringify(credentials), secretContext.connectorCredentials(id));
}

/** By ref (CN-2), id or name. */
export async function loadConnector(tx: Tx, actor: Actor, key: string): Promise<StoredConnector> {
  const wanted = key.trim();
  const found = (await listConnectors(tx, scopeOf(actor))).find(
    (c) =>
      connectorRef(c.number) === wanted.toUpperCase() ||
      c.id === wanted ||
      c.name.toLowerCase() === wanted.toLowerCase(),
  );
  if (found === undefined) throw notFound("connector", key);
  return found;
}

function nameTaken(existing: readonly StoredConnector[], name: string, except?: string): boolean {
  return existing.some((c) => c.id !== except && c.name.toLowerCase() === name.toLowerCase());
}

export async function addConnector(
  ctx: ServiceContext,
  actor: Actor,
  input: AddConnectorInput,
): Promise<ConnectorView> {
  authorize(actor, "connector:manage");
  const data = parseInput(addConnectorInput, input);
  const definition = definitionOf(data.kind);
  const configuration = parseConfiguration(definition, data.settings, data.credentials);
  // Checked before anything is written: a connector that cannot connect is not saved.
  await testWith(definition, configuration.settings, configuration.credentials);
  const saved = await saveConnector(ctx, actor, { ...data, ...configuration }, ctx.now());
  return read(ctx.db, (tx) => toView(tx, actor, saved));
}

/**
 * Writes a connector whose settings and credentials are already parsed: after the test
 * connection (addConnector), or for the demo and the benchmark, which have no system to
 * connect to (they record made-up snapshots and set `nextRunAt` so no job calls out).
 */
export async function saveConnector(
  ctx: ServiceContext,
  actor: Actor,
  data: {
    kind: ConnectorKind;
    name: string;
    settings: Record<string, unknown>;
    credentials: Record<string, unknown>;
    intervalMinutes: number;
    nextRunAt?: string;
  },
  now: Date,
): Promise<StoredConnector> {
  authorize(actor, "connector:manage");
  const at = now.toISOString();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    if (nameTaken(await listConnectors(tx, scope), data.name)) {
      throw invalidField("name", `a connector is already named "${data.name}"`);
    }
    const id = newId();
    const connector: StoredConnector = {
      id,
      number: await nextConnectorNumber(tx, scope),
      kind: data.kind,
      name: data.name,
      settings: data.settings,
      credentials: seal(ctx, id, data.credentials),
      intervalMinutes: data.intervalMinutes,
      // Due at once unless told: the first run follows on the next pass of the checks job.
      nextRunAt: data.nextRunAt ?? at,
      consecutiveFailures: 0,
      lastRunId: null,
      createdBy: actor.email ?? actor.name,
      createdAt: at,
      updatedAt: at,
      removedAt: null,
    };
    await insertConnector(tx, scope, connector);
    await recordEvent(
      tx,
      actor,
      "connector.added",
      connectorRef(connector.number),
      {
        kind: connector.kind,
        name: connector.name,
        settings: connector.settings,
        intervalMinutes: connector.intervalMinutes,
      },
      now,
    );
    return connector;
  });
}

export async function listConnectorsOf(
  ctx: ServiceContext,
  actor: Actor,
): Promise<ConnectorView[]> {
  authorize(actor, "check:read");
  return read(ctx.db, async (tx) => {
    const views: ConnectorView[] = [];
    for (const c of await listConnectors(tx, scopeOf(actor)))
      views.push(await toView(tx, actor, c));
    return views;
  });
}

export async function showConnector(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
): Promise<ConnectorView> {
  authorize(actor, "check:read");
  return read(ctx.db, async (tx) => toView(tx, actor, await loadConnector(tx, actor, key)));
}

/** Connects with the stored settings and credentials; refused with the connector's error. */
export async function testConnector(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
): Promise<{ connector: string; ok: true }> {
  authorize(actor, "connector:manage");
  const connector = await read(ctx.db, (tx) => loadConnector(tx, actor, key));
  const definition = definitionOf(connector.kind);
  await testWith(definition, connector.settings, openCredentials(ctx, connector));
  return { connector: connectorRef(connector.number), ok: true };
}

export async function updateConnectorOf(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  input: UpdateConnectorInput,
): Promise<ConnectorView> {
  authorize(actor, "connector:manage");
  const data = parseInput(updateConnectorInput, input);
  const before = await read(ctx.db, (tx) => loadConnector(tx, actor, key));
  const definition = definitionOf(before.kind);
  const configuration = parseConfiguration(
    definition,
    data.settings ?? before.settings,
    data.credentials ?? openCredentials(ctx, before),
  );
  if (data.settings !== undefined || data.credentials !== undefined) {
    await testWith(definition, configuration.settings, configuration.credentials);
  }
  const at = ctx.now().toISOString();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const current = await loadConnector(tx, actor, before.id);
    const name = data.name ?? current.name;
    if (nameTaken(await listConnectors(tx, scope), name, current.id)) {
      throw invalidField("name", `a connector is already named "${name}"`);
    }
    const updated: StoredConnector = {
      ...current,
      name,
      settings: configuration.settings,
      credentials:
        data.credentials === undefined
          ? current.credentials
          : seal(ctx, current.id, configuration.credentials),
      intervalMinutes: data.intervalMinutes ?? current.intervalMinutes,
      // New settings or credentials deserve a run at once, and forget earlier failures.
      ...(data.settings !== undefined || data.credentials !== undefined
        ? { nextRunAt: at, consecutiveFailures: 0 }
        : {}),
      updatedAt: at,
    };
    await updateConnector(tx, scope, updated);
    await recordEvent(
      tx,
      actor,
      "connector.updated",
      connectorRef(updated.number),
      {
        name: updated.name,
        settings: updated.settings,
        intervalMinutes: updated.intervalMinutes,
        credentialsReplaced: data.credentials !== undefined,
      },
      new Date(at),
    );
    return toView(tx, actor, updated);
  });
}

/** Removes a connector from use; its runs, results and evidence stay on record. */
export async function removeConnector(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
): Promise<ConnectorView> {
  authorize(actor, "connector:manage");
  const at = ctx.now().toISOString();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const connector = await loadConnector(tx, actor, key);
    const removed = { ...connector, removedAt: at, updatedAt: at };
    await updateConnector(tx, scopeOf(actor), removed);
    await recordEvent(
      tx,
      actor,
      "connector.removed",
      connectorRef(connector.number),
      { kind: connector.kind, name: connector.name },
      new Date(at),
    );
    return toView(tx, actor, removed);
  });
}

/** A run's connector, removed or not, for the pages that show runs. */
export async function connectorOfRun(
  tx: Tx,
  actor: Actor,
  connectorId: string,
): Promise<StoredConnector> {
  const connector = await findConnectorById(tx, scopeOf(actor), connectorId);
  if (connector === undefined) throw notFound("connector", connectorId);
  return connector;
}
