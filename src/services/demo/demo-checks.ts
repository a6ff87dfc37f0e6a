/**
 * The demo's automated checks: Northwind's GitHub organization as a connector, with a run
 * over the GitHub connector's synthetic snapshot (no API is called: the demo has no GitHub),
 * so the checks page, readiness and tasks show real results, and `attest checks replay` agrees.
 * The connector's token is a placeholder and its schedule weekly, so the job does not call
 * github.com with it before someone replaces it.
 */
import { connectorRef, insertConnector, nextConnectorNumber } from "../../db/connectors.repo.ts";
import type { StoredConnector } from "../../db/connectors.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { authorize } from "../../domain/permissions.ts";
import { githubConnector } from "../../integrations/github/connector.ts";
import { recordSnapshotRun } from "../checks/runs.service.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { secretContext } from "../platform/secret-box.ts";

export interface DemoChecks {
  connector: string;
  run: string;
  checks: number;
  failing: number;
}

const WEEK_MINUTES = 7 * 24 * 60;
/** About 60 repositories and members: enough for every check to have passes and failures. */
const SNAPSHOT_RESOURCES = 120;

export async function loadDemoChecks(ctx: ServiceContext, actor: Actor): Promise<DemoChecks> {
  authorize(actor, "connector:manage");
  const at = ctx.now();
  const settings = { organization: "northwind", repositories: "all" };
  const connector = await inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const id = newId();
    const made: StoredConnector = {
      id,
      number: await nextConnectorNumber(tx, scopeOf(actor)),
      kind: "github",
      name: "GitHub northwind",
      settings,
      credentials: ctx.secrets.seal(
        JSON.stringify({ token: "demo-placeholder-replace-me" }),
        secretContext.connectorCredentials(id),
      ),
      intervalMinutes: WEEK_MINUTES,
      nextRunAt: new Date(at.getTime() + WEEK_MINUTES * 60_000).toISOString(),
      consecutiveFailures: 0,
      lastRunId: null,
      createdBy: actor.email ?? actor.name,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      removedAt: null,
    };
    await insertConnector(tx, scopeOf(actor), made);
    await recordEvent(
      tx,
      actor,
      "connector.added",
      connectorRef(made.number),
      { kind: "github", name: made.name, settings, intervalMinutes: WEEK_MINUTES },
      at,
    );
    return made;
  });
  const summary = await recordSnapshotRun(
    ctx,
    actor,
    connector,
    "manual",
    at,
    githubConnector.syntheticSnapshot(SNAPSHOT_RESOURCES),
  );
  return {
    connector: connectorRef(connector.number),
    run: summary.run,
    checks: summary.results.length,
    failing: summary.results.filter((r) => r.status === "fail").length,
  };
}
