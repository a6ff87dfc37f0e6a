/**
 * Reading checks and their results: every check with its latest status (exceptions as of
 * today applied), one check in full (what it reads, its controls and criteria, its source,
 * failing resources with reasons, exceptions), runs, and replay: a stored result re-derived
 * from its snapshot, loaded by hash and verified, and compared resource by resource.
 */
import { createHash } from "node:crypto";
import {
  findRun,
  findRunsById,
  latestResults,
  listExceptions,
  listRunResults,
  listRuns,
  resultRef,
} from "../../db/checks.repo.ts";
import type { CheckResult, CheckRun } from "../../db/checks.repo.ts";
import { connectorRef, findConnectorById, listConnectors } from "../../db/connectors.repo.ts";
import { read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import type { ConnectorKind } from "../../domain/checks/check.ts";
import { compareResults, outcomeToday } from "../../domain/checks/outcome.ts";
import type {
  CheckException,
  CheckStatus,
  ResourceDifference,
  StoredResourceResult,
} from "../../domain/checks/outcome.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { allChecks, checkById } from "../../integrations/checks.ts";
import type { RegisteredCheck } from "../../integrations/checks.ts";
import type { ServiceContext } from "../platform/context.ts";
import { checkSourceFile } from "./check-sources.ts";
import { organizationToday } from "../platform/organization-day.ts";

/** A check as the catalogue lists it (`attest checks list`): no organization data. */
export interface CheckInfo {
  id: string;
  title: string;
  connector: ConnectorKind;
  reads: string[];
  controls: string[];
  criteria: string[];
}

function infoOf(check: RegisteredCheck): CheckInfo {
  return {
    id: check.id,
    title: check.title,
    connector: check.connector,
    reads: [...check.reads],
    controls: [...check.controls],
    criteria: [...check.criteria],
  };
}

/** Every check Attest ships. Public knowledge: anyone may read the rules. */
export function listCheckCatalog(): CheckInfo[] {
  return allChecks().map(infoOf);
}

export function describeCheck(id: string): CheckInfo & { source: string } {
  const check = checkById(id.trim());
  if (check === undefined) throw notFound("check", id);
  return { ...infoOf(check), source: checkSourceFile(check.id, check.connector) };
}

/** A check's latest result on one connector, with today's exceptions applied. */
export interface LatestResult {
  ref: string;
  checkId: string;
  connector: string;
  connectorName: string;
  run: string;
  recordedAt: string;
  status: CheckStatus;
  passing: number;
  failing: number;
  excepted: number;
  notApplicable: number;
  resources: StoredResourceResult[];
  evidenceId: string | null;
  /** When the connector's runs have failed since this result: its results are not current. */
  connectorFailing: { failure: string; since: string } | null;
}

export interface CheckStatusView extends CheckInfo {
  /** Worst over the connectors that ran it; null when no connector of its kind has run. */
  status: CheckStatus | null;
  results: LatestResult[];
}

interface Loaded {
  today: string;
  exceptions: CheckException[];
  latest: CheckResult[];
  runs: Map<string, CheckRun>;
  connectors: Map<string, { ref: string; name: string; failing: LatestResult["connectorFailing"] }>;
}

/** The latest results, judged against the exceptions in force on `today` (the organization's date). */
async function loadLatest(tx: Tx, actor: Actor, today: string): Promise<Loaded> {
  const scope = scopeOf(actor);
  const latest = await latestResults(tx, scope);
  const listed = await listConnectors(tx, scope);
  // The results' runs and each connector's last run, in one statement rather than one each.
  const runs = await findRunsById(tx, scope, [
    ...new Set([
      ...latest.map((r) => r.runId),
      ...listed.flatMap((c) => (c.lastRunId === null ? [] : [c.lastRunId])),
    ]),
  ]);
  const connectors: Loaded["connectors"] = new Map();
  for (const c of listed) {
    const last = c.lastRunId === null ? undefined : runs.get(c.lastRunId);
    const failing =
      last === undefined || last.outcome === "ok"
        ? null
        : { failure: last.outcome, since: last.finishedAt };
    connectors.set(c.id, { ref: connectorRef(c.number), name: c.name, failing });
  }
  return {
    today,
    exceptions: await listExceptions(tx, scope),
    latest,
    runs,
    connectors,
  };
}

function latestView(loaded: Loaded, result: CheckResult): LatestResult {
  const outcome = outcomeToday(result.checkId, result.resources, loaded.exceptions, loaded.today);
  const run = loaded.runs.get(result.runId);
  const connector = loaded.connectors.get(result.connectorId);
  return {
    ref: resultRef(run?.ref ?? "", result.checkId),
    checkId: result.checkId,
    connector: connector?.ref ?? "",
    connectorName: connector?.name ?? "",
    run: run?.ref ?? "",
    recordedAt: result.recordedAt,
    status: outcome.status,
    passing: outcome.passing,
    failing: outcome.failing,
    excepted: outcome.excepted,
    notApplicable: outcome.notApplicable,
    resources: outcome.resources,
    evidenceId: result.evidenceId,
    connectorFailing: connector?.failing ?? null,
  };
}

const WORST: readonly CheckStatus[] = ["fail", "pass", "not-applicable"];

function worst(results: readonly LatestResult[]): CheckStatus | null {
  for (const status of WORST) if (results.some((r) => r.status === status)) return status;
  return null;
}

/** The latest results with today's exceptions, for readiness and tasks (no authorization). */
export async function latestOutcomes(tx: Tx, actor: Actor, today: string): Promise<LatestResult[]> {
  const loaded = await loadLatest(tx, actor, today);
  return loaded.latest.map((r) => latestView(loaded, r));
}

/** The checks page: every check of a connected kind with its latest status per connector. */
export async function listCheckStatuses(
  ctx: ServiceContext,
  actor: Actor,
): Promise<CheckStatusView[]> {
  authorize(actor, "check:read");
  const loaded = await read(ctx.db, async (tx) =>
    loadLatest(tx, actor, await organizationToday(tx, actor, ctx.now())),
  );
  return allChecks().map((check) => {
    const results = loaded.latest
      .filter((r) => r.checkId === check.id)
      .map((r) => latestView(loaded, r));
    return { ...infoOf(check), status: worst(results), results };
  });
}

export interface CheckDetail extends CheckStatusView {
  source: string;
  exceptions: CheckException[];
}

export async function showCheck(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<CheckDetail> {
  authorize(actor, "check:read");
  const described = describeCheck(id);
  const loaded = await read(ctx.db, async (tx) =>
    loadLatest(tx, actor, await organizationToday(tx, actor, ctx.now())),
  );
  const results = loaded.latest
    .filter((r) => r.checkId === described.id)
    .map((r) => latestView(loaded, r));
  return {
    ...described,
    status: worst(results),
    results,
    exceptions: loaded.exceptions.filter((e) => e.checkId === described.id),
  };
}

export interface RunView {
  id: string;
  ref: string;
  connector: string;
  connectorName: string;
  trigger: CheckRun["trigger"];
  startedBy: string;
  startedAt: string;
  finishedAt: string;
  outcome: CheckRun["outcome"];
  message: string | null;
  snapshotSha256: string | null;
  results: { ref: string; checkId: string; status: CheckStatus; failing: number }[];
}

const RUN_REF = /^CR-(\d+)$/i;

async function loadRun(tx: Tx, actor: Actor, key: string): Promise<CheckRun> {
  const match = RUN_REF.exec(key.trim());
  const run =
    match === null
      ? await findRun(tx, scopeOf(actor), { id: key.trim() })
      : await findRun(tx, scopeOf(actor), { number: Number(match[1]) });
  if (run === undefined) throw notFound("check run", key);
  return run;
}

async function runView(
  tx: Tx,
  actor: Actor,
  run: CheckRun,
  withResults: boolean,
): Promise<RunView> {
  const connector = await findConnectorById(tx, scopeOf(actor), run.connectorId);
  const results = withResults ? await listRunResults(tx, scopeOf(actor), run.id) : [];
  return {
    id: run.id,
    ref: run.ref,
    connector: connector === undefined ? "" : connectorRef(connector.number),
    connectorName: connector?.name ?? "",
    trigger: run.trigger,
    startedBy: run.startedBy,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    outcome: run.outcome,
    message: run.message,
    snapshotSha256: run.snapshotSha256,
    results: results.map((r) => ({
      ref: resultRef(run.ref, r.checkId),
      checkId: r.checkId,
      status: r.status,
      failing: r.failing,
    })),
  };
}

export async function listRunsOf(
  ctx: ServiceContext,
  actor: Actor,
  options: { connector?: string | undefined; limit?: number | undefined } = {},
): Promise<RunView[]> {
  authorize(actor, "check:read");
  return read(ctx.db, async (tx) => {
    let connectorId: string | undefined;
    if (options.connector !== undefined) {
      const wanted = options.connector.trim().toLowerCase();
      const found = (await listConnectors(tx, scopeOf(actor))).find(
        (c) => connectorRef(c.number).toLowerCase() === wanted || c.name.toLowerCase() === wanted,
      );
      if (found === undefined) throw notFound("connector", options.connector);
      connectorId = found.id;
    }
    const runs = await listRuns(tx, scopeOf(actor), { connectorId, limit: options.limit ?? 50 });
    const views: RunView[] = [];
    for (const run of runs) views.push(await runView(tx, actor, run, false));
    return views;
  });
}

export async function showRun(ctx: ServiceContext, actor: Actor, key: string): Promise<RunView> {
  authorize(actor, "check:read");
  return read(ctx.db, async (tx) => runView(tx, actor, await loadRun(tx, actor, key), true));
}

export interface ReplayedResult {
  ref: string;
  checkId: string;
  snapshotSha256: string;
  agrees: boolean;
  /** Resources whose replayed result differs from the stored one. */
  differences: ResourceDifference[];
}

export interface Replay {
  run: string;
  snapshotSha256: string;
  agrees: boolean;
  results: ReplayedResult[];
}

/** The snapshot of a run, read by its hash and hashed again before it is trusted. */
async function loadSnapshot(ctx: ServiceContext, run: CheckRun): Promise<unknown> {
  if (run.outcome !== "ok" || run.snapshotSha256 === null) {
    throw new AppError(
      "INVALID_STATE",
      `${run.ref} failed (${run.outcome}): it read no snapshot and recorded no result`,
    );
  }
  // Asked for here: readiness and the task list load this module and never read a snapshot.
  const { text } = process.getBuiltinModule("node:stream/consumers");
  const content = await text(await ctx.blobs.get(run.snapshotSha256));
  const actual = createHash("sha256").update(content, "utf8").digest("hex");
  if (actual !== run.snapshotSha256) {
    throw new AppError(
      "INVALID_STATE",
      `the snapshot of ${run.ref} does not match its hash ${run.snapshotSha256} (it hashes to ${actual})`,
    );
  }
  return JSON.parse(content) as unknown;
}

function replayOne(run: CheckRun, result: CheckResult, snapshot: unknown): ReplayedResult {
  const check = checkById(result.checkId);
  const ref = resultRef(run.ref, result.checkId);
  if (check === undefined) {
    throw new AppError(
      "INVALID_STATE",
      `${ref}: this version of Attest has no check ${result.checkId} to replay it with`,
    );
  }
  const stored = result.resources.map(({ exception: _exception, ...r }) => r);
  const differences = compareResults(stored, check.evaluate(snapshot));
  return {
    ref,
    checkId: result.checkId,
    snapshotSha256: run.snapshotSha256 ?? "",
    agrees: differences.length === 0,
    differences,
  };
}

/**
 * `attest checks replay CR-7:github.two-factor` or `--run CR-7`: re-evaluates stored results
 * offline from their snapshot. Agreement is the point: the same snapshot and the same rule
 * give the same result, so a result can be checked by anyone holding the snapshot.
 */
export async function replay(
  ctx: ServiceContext,
  actor: Actor,
  target: { result: string } | { run: string },
): Promise<Replay> {
  authorize(actor, "check:read");
  const { run, results } = await read(ctx.db, async (tx) => {
    if ("run" in target) {
      const found = await loadRun(tx, actor, target.run);
      return { run: found, results: await listRunResults(tx, scopeOf(actor), found.id) };
    }
    const [runKey = "", ...rest] = target.result.trim().split(":");
    const checkId = rest.join(":");
    if (checkId === "") {
      throw invalidField("result", "name a result as RUN:CHECK, such as CR-7:github.two-factor");
    }
    const found = await loadRun(tx, actor, runKey);
    const result = (await listRunResults(tx, scopeOf(actor), found.id)).find(
      (r) => r.checkId === checkId,
    );
    if (result === undefined) throw notFound("check result", target.result);
    return { run: found, results: [result] };
  });
  const snapshot = await loadSnapshot(ctx, run);
  const replayed = results.map((r) => replayOne(run, r, snapshot));
  return {
    run: run.ref,
    snapshotSha256: run.snapshotSha256 ?? "",
    agrees: replayed.every((r) => r.agrees),
    results: replayed,
  };
}
