/** Loads what the readiness engine needs in one read and runs it. */
import { listControlSummaries } from "../db/controls.repo.ts";
import { read } from "../db/transaction.ts";
import { scopeOf } from "../domain/actor.ts";
import type { Actor } from "../domain/actor.ts";
import { authorize } from "../domain/permissions.ts";
import { computeReadiness } from "../domain/readiness.ts";
import type { ReadinessReport } from "../domain/readiness.ts";
import type { ServiceContext } from "./context.ts";
import { loadScope } from "./scope.service.ts";

export async function getReadiness(ctx: ServiceContext, actor: Actor): Promise<ReadinessReport> {
  authorize(actor, "readiness:read");
  const { scope, controls } = await read(ctx.db, async (tx) => ({
    scope: await loadScope(tx, actor),
    controls: await listControlSummaries(tx, scopeOf(actor)),
  }));
  return computeReadiness({
    categories: scope.categories,
    exclusions: scope.exclusions,
    controls,
  });
}
