/**
 * The demo's automated checks: Northwind's GitHub organization as a connector, with a run
 * over the GitHub connector's synthetic snapshot (no API is called: the demo has no GitHub),
 * so the checks page, readiness and tasks show real results, and `attest checks replay` agrees.
 * The connector's token is a placeholder and its schedule weekly, so the job does not call
 * github.com with it before someone replaces it.
 */
import { connectorRef } from "../../db/connectors.repo.ts";
import type { Actor } from "../../domain/actor.ts";
import { githubConnector } from "../../integrations/github/connector.ts";
import { saveConnector } from "../checks/connectors.service.ts";
import { recordSnapshotRun } from "../checks/runs.service.ts";
import type { ServiceContext } from "../platform/context.ts";

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
  const at = ctx.now();
  const connector = await saveConnector(
    ctx,
    actor,
    {
      kind: "github",
      name: "GitHub northwind",
      settings: { organization: "northwind", repositories: "all" },
      credentials: { token: "demo-placeholder-replace-me" },
      intervalMinutes: WEEK_MINUTES,
      nextRunAt: new Date(at.getTime() + WEEK_MINUTES * 60_000).toISOString(),
    },
    at,
  );
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
