/**
 * Running a connector's checks: collect (through the vendor's SDK) → store the snapshot in the
 * blob store under its SHA-256 → evaluate every check (pure) → write the run, its results,
 * their evidence and notices, and the connector's next run, in one transaction. A collection
 * that fails records the failure and no result, so no check is ever marked passed by it; the
 * connector is retried with backoff.
 */
import { Readable } from "node:stream";
import { z } from "zod";
import {
  insertResults,
  insertRun,
  lastEvidenceAt,
  latestResults,
  listExceptions,
  nextRunNumber,
  runRef,
} from "../../db/checks.repo.ts";
import type { CheckResult, CheckRun, RunOutcome, RunTrigger } from "../../db/checks.repo.ts";
import { connectorRef, listConnectors, updateConnector } from "../../db/connectors.repo.ts";
import type { StoredConnector } from "../../db/connectors.repo.ts";
import { listControls } from "../../db/controls.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { listPeople } from "../../db/people.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { ConnectorError } from "../../domain/checks/check.ts";
import type {
  ConnectorFailure,
  RegisterPerson,
  ResourceResult,
} from "../../domain/checks/check.ts";
import { checkOutcome, nextRunAt } from "../../domain/checks/outcome.ts";
import type { CheckOutcome, CheckStatus } from "../../domain/checks/outcome.ts";
import { localDate } from "../../domain/periods.ts";
import { parseInput } from "../platform/validation.ts";
import { authorize } from "../../domain/permissions.ts";
import { hasLeft } from "../../domain/person.ts";
import type { RegisteredCheck } from "../../integrations/checks.ts";
import type { RegisteredConnector } from "../../integrations/registry.ts";
import { sendDueDeliveries } from "../notifications/deliveries.service.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { fileEvidence, recordCheckEvidence } from "./check-evidence.ts";
import { queueCheckNotices } from "./check-notices.ts";
import type { StartedFailing } from "./check-notices.ts";
import { definitionOf, loadConnector, openCredentials } from "./connectors.service.ts";
import { organizationToday } from "../platform/organization-day.ts";

/** What one connector's run came to. */
export interface RunSummary {
  run: string;
  connector: string;
  connectorName: string;
  outcome: RunOutcome;
  message: string | null;
  snapshotSha256: string | null;
  results: {
    ref: string;
    checkId: string;
    title: string;
    status: CheckStatus;
    passing: number;
    failing: number;
    excepted: number;
    notApplicable: number;
  }[];
  startedFailing: string[];
  recovered: string[];
}

/** The people register as a connector compares against it: a leaver once their end date passed. */
async function registerContext(tx: Tx, actor: Actor, today: string): Promise<RegisterPerson[]> {
  return (await listPeople(tx, scopeOf(actor))).map((p) => ({
    email: p.email,
    name: p.name,
    status: hasLeft(p, today) ? "left" : "active",
    startDate: p.startDate,
    endDate: p.endDate,
  }));
}

type Collected =
  | { ok: true; snapshot: unknown }
  | { ok: false; failure: ConnectorFailure; message: string; retryAfterSeconds: number | null };

function clip(text: string): string {
  return text.length <= 500 ? text : `${text.slice(0, 500)}…`;
}

/** Collects, turning any failure into a recorded one: a partial snapshot is never evaluated. */
async function collect(
  definition: RegisteredConnector,
  settings: unknown,
  credentials: unknown,
  people: RegisterPerson[],
): Promise<Collected> {
  try {
    return { ok: true, snapshot: await definition.collect(settings, credentials, { people }) };
  } catch (error) {
    if (error instanceof ConnectorError) {
      return {
        ok: false,
        failure: error.failure,
        message: clip(error.message),
        retryAfterSeconds: error.retryAfterSeconds,
      };
    }
    const name = error instanceof Error ? error.name : "error";
    return {
      ok: false,
      failure: "invalid-answer",
      message: clip(`the ${definition.title} connector failed unexpectedly (${name})`),
      retryAfterSeconds: null,
    };
  }
}

export interface Evaluated {
  check: RegisteredCheck;
  results: ResourceResult[];
}

/** Every check over the snapshot; a check that throws makes the whole evaluation fail. */
export function evaluateAll(
  definition: RegisteredConnector,
  snapshot: unknown,
): { ok: true; evaluated: Evaluated[] } | { ok: false; message: string } {
  const evaluated: Evaluated[] = [];
  for (const check of definition.checks) {
    try {
      evaluated.push({ check, results: check.evaluate(snapshot) });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        message: clip(`check ${check.id} could not read the snapshot: ${detail}`),
      };
    }
  }
  return { ok: true, evaluated };
}

async function storeSnapshot(ctx: ServiceContext, snapshot: unknown) {
  const text = JSON.stringify(snapshot);
  return ctx.blobs.put(Readable.from([Buffer.from(text, "utf8")]), Number.MAX_SAFE_INTEGER);
}

interface Failure {
  failure: ConnectorFailure;
  message: string;
  retryAfterSeconds: number | null;
}

async function recordFailure(
  ctx: ServiceContext,
  actor: Actor,
  connector: StoredConnector,
  trigger: RunTrigger,
  startedAt: Date,
  failed: Failure,
): Promise<RunSummary> {
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const current = await loadConnector(tx, actor, connector.id);
    const run: CheckRun = {
      id: newId(),
      ref: "",
      number: await nextRunNumber(tx, scope),
      connectorId: current.id,
      trigger,
      startedBy: actor.name,
      startedAt: startedAt.toISOString(),
      finishedAt: at.toISOString(),
      outcome: failed.failure,
      message: failed.message,
      snapshotSha256: null,
      snapshotSize: null,
    };
    await insertRun(tx, scope, run);
    const failures = current.consecutiveFailures + 1;
    await updateConnector(tx, scope, {
      ...current,
      consecutiveFailures: failures,
      lastRunId: run.id,
      nextRunAt: nextRunAt(
        at,
        current.intervalMinutes,
        failures,
        failed.retryAfterSeconds,
      ).toISOString(),
    });
    const ref = runRef(run.number);
    await recordEvent(
      tx,
      actor,
      "check.ran",
      ref,
      {
        connector: connectorRef(current.number),
        trigger,
        outcome: failed.failure,
        message: failed.message,
        snapshotSha256: null,
        checks: 0,
        failing: [],
        startedFailing: [],
        recovered: [],
      },
      at,
    );
    return {
      run: ref,
      connector: connectorRef(current.number),
      connectorName: current.name,
      outcome: failed.failure,
      message: failed.message,
      snapshotSha256: null,
      results: [],
      startedFailing: [],
      recovered: [],
    };
  });
}

/** The results, evidence, notices, connector and event of a successful collection. */
async function recordSuccess(
  ctx: ServiceContext,
  actor: Actor,
  connector: StoredConnector,
  trigger: RunTrigger,
  startedAt: Date,
  snapshot: { sha256: string; size: number },
  evaluated: readonly Evaluated[],
): Promise<{ summary: RunSummary; deliveries: string[] }> {
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const current = await loadConnector(tx, actor, connector.id);
    const organization = await getOrganization(tx, scope);
    const today = localDate(at, organization.timeZone);
    const exceptions = await listExceptions(tx, scope);
    const previous = new Map(
      (await latestResults(tx, scope))
        .filter((r) => r.connectorId === current.id)
        .map((r) => [r.checkId, r.status]),
    );
    const filed = await lastEvidenceAt(tx, scope, current.id);
    const controls = await listControls(tx, scope);
    const adopted = new Set(controls.map((c) => c.ref));
    const number = await nextRunNumber(tx, scope);
    const ref = runRef(number);
    const run: CheckRun = {
      id: newId(),
      ref,
      number,
      connectorId: current.id,
      trigger,
      startedBy: actor.name,
      startedAt: startedAt.toISOString(),
      finishedAt: at.toISOString(),
      outcome: "ok",
      message: null,
      snapshotSha256: snapshot.sha256,
      snapshotSize: snapshot.size,
    };
    await insertRun(tx, scope, run);
    const results: CheckResult[] = [];
    const outcomes: { check: RegisteredCheck; outcome: CheckOutcome }[] = [];
    for (const { check, results: resources } of evaluated) {
      const outcome = checkOutcome(check.id, resources, exceptions, today);
      outcomes.push({ check, outcome });
      const before = previous.get(check.id) ?? null;
      const evidenceId = fileEvidence(outcome.status, before, filed.get(check.id) ?? null, at)
        ? await recordCheckEvidence(
            ctx,
            tx,
            actor,
            adopted,
            {
              check,
              connector: current,
              run: ref,
              snapshotSha256: snapshot.sha256,
              outcome,
              today,
            },
            at,
          )
        : null;
      results.push({
        id: newId(),
        runId: run.id,
        connectorId: current.id,
        checkId: check.id,
        status: outcome.status,
        passing: outcome.passing,
        failing: outcome.failing,
        excepted: outcome.excepted,
        notApplicable: outcome.notApplicable,
        resources: outcome.resources,
        evidenceId,
        recordedAt: at.toISOString(),
      });
    }
    await insertResults(tx, scope, results);
    const startedFailing: StartedFailing[] = outcomes.filter(
      ({ check, outcome }) => outcome.status === "fail" && previous.get(check.id) !== "fail",
    );
    const recovered = outcomes
      .filter(
        ({ check, outcome }) => outcome.status !== "fail" && previous.get(check.id) === "fail",
      )
      .map(({ check }) => check.id);
    const deliveries = await queueCheckNotices(
      ctx,
      tx,
      actor,
      current,
      ref,
      startedFailing,
      controls,
      at,
    );
    await updateConnector(tx, scope, {
      ...current,
      consecutiveFailures: 0,
      lastRunId: run.id,
      nextRunAt: nextRunAt(at, current.intervalMinutes, 0, null).toISOString(),
    });
    const failing = outcomes.filter((o) => o.outcome.status === "fail").map((o) => o.check.id);
    await recordEvent(
      tx,
      actor,
      "check.ran",
      ref,
      {
        connector: connectorRef(current.number),
        trigger,
        outcome: "ok",
        message: null,
        snapshotSha256: snapshot.sha256,
        checks: outcomes.length,
        failing,
        startedFailing: startedFailing.map((f) => f.check.id),
        recovered,
      },
      at,
    );
    const summary: RunSummary = {
      run: ref,
      connector: connectorRef(current.number),
      connectorName: current.name,
      outcome: "ok",
      message: null,
      snapshotSha256: snapshot.sha256,
      results: outcomes.map(({ check, outcome }) => ({
        ref: `${ref}:${check.id}`,
        checkId: check.id,
        title: check.title,
        status: outcome.status,
        passing: outcome.passing,
        failing: outcome.failing,
        excepted: outcome.excepted,
        notApplicable: outcome.notApplicable,
      })),
      startedFailing: startedFailing.map((f) => f.check.id),
      recovered,
    };
    return { summary, deliveries };
  });
}

/** One connector's run, whatever its outcome; only a database failure throws. */
export async function runConnector(
  ctx: ServiceContext,
  actor: Actor,
  connector: StoredConnector,
  trigger: RunTrigger,
): Promise<RunSummary> {
  authorize(actor, "check:run");
  const definition = definitionOf(connector.kind);
  const startedAt = ctx.now();
  const people = await read(ctx.db, async (tx) =>
    registerContext(tx, actor, await organizationToday(tx, actor, startedAt)),
  );
  const collected = await collect(
    definition,
    connector.settings,
    openCredentials(ctx, connector),
    people,
  );
  if (!collected.ok) {
    return recordFailure(ctx, actor, connector, trigger, startedAt, collected);
  }
  return recordSnapshotRun(ctx, actor, connector, trigger, startedAt, collected.snapshot);
}

/**
 * A snapshot already read (by collect, or made up for the demo and the benchmark) evaluated
 * and recorded as a run: stored under its hash, every check evaluated, the writes in one
 * transaction, then the notices sent.
 */
export async function recordSnapshotRun(
  ctx: ServiceContext,
  actor: Actor,
  connector: StoredConnector,
  trigger: RunTrigger,
  startedAt: Date,
  snapshot: unknown,
): Promise<RunSummary> {
  authorize(actor, "check:run");
  const definition = definitionOf(connector.kind);
  const evaluation = evaluateAll(definition, snapshot);
  if (!evaluation.ok) {
    return recordFailure(ctx, actor, connector, trigger, startedAt, {
      failure: "invalid-answer",
      message: evaluation.message,
      retryAfterSeconds: null,
    });
  }
  // Content-addressed, so writing it before the transaction leaves at most an unreferenced copy.
  const stored = await storeSnapshot(ctx, snapshot);
  const { summary, deliveries } = await recordSuccess(
    ctx,
    actor,
    connector,
    trigger,
    startedAt,
    stored,
    evaluation.evaluated,
  );
  if (deliveries.length > 0) await sendDueDeliveries(ctx, actor, deliveries);
  return summary;
}

/** `attest checks run [--connector N]` and "Run now": every connector, or the one named. */
export const runChecksInput = z
  .object({ connector: z.string().min(1).max(200).optional() })
  .strict();

export type RunChecksInput = z.input<typeof runChecksInput>;

export async function runChecks(
  ctx: ServiceContext,
  actor: Actor,
  input: RunChecksInput = {},
): Promise<RunSummary[]> {
  authorize(actor, "check:run");
  const options = parseInput(runChecksInput, input);
  const connectors = await read(ctx.db, async (tx) =>
    options.connector === undefined
      ? listConnectors(tx, scopeOf(actor))
      : [await loadConnector(tx, actor, options.connector)],
  );
  const summaries: RunSummary[] = [];
  for (const connector of connectors) {
    summaries.push(await runConnector(ctx, actor, connector, "manual"));
  }
  return summaries;
}

/** The checks job: each connector whose next run (or retry) is due. */
export async function runDueChecks(ctx: ServiceContext, actor: Actor): Promise<RunSummary[]> {
  authorize(actor, "check:run");
  const now = ctx.now().toISOString();
  const due = await read(ctx.db, async (tx) =>
    (await listConnectors(tx, scopeOf(actor))).filter((c) => c.nextRunAt <= now),
  );
  const summaries: RunSummary[] = [];
  for (const connector of due)
    summaries.push(await runConnector(ctx, actor, connector, "schedule"));
  return summaries;
}
