/** Loads what the readiness engine needs in one snapshot and runs it. */
import { loadMonitorSignals } from "./monitors/monitor-readiness.ts";
import { listControlSummaries } from "../../db/controls.repo.ts";
import type { ControlSummary } from "../../db/controls.repo.ts";
import { evidencePeriodsByControl } from "../../db/evidence.repo.ts";
import { settleAll } from "../../db/pipelined.ts";
import { read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { computeFreshness, freshnessSignal } from "../../domain/freshness.ts";
import type { Freshness } from "../../domain/freshness.ts";
import { authorize } from "../../domain/permissions.ts";
import { computeReadiness } from "../../domain/readiness.ts";
import type { ControlSignal, ReadinessReport } from "../../domain/readiness.ts";
import { riskSignals } from "../../domain/risk-readiness.ts";
import { lastAssessmentDate, listRisks } from "../../db/risks.repo.ts";
import { auditorReach, reachCoversControl } from "../platform/auditor-reach.ts";
import type { ServiceContext } from "../platform/context.ts";
import { organizationDay, organizationToday } from "../platform/organization-day.ts";
import type { OrganizationDay } from "../platform/organization-day.ts";
import { loadFindingSignals } from "./findings/findings-readiness.ts";
// Automated checks (issue 17).
import { loadCheckSignals } from "../checks/check-readiness.ts";
import { loadPeopleSignals } from "./people-readiness.ts";
import { loadPolicySignals } from "./policy-readiness.ts";
import { loadTrainingSignals } from "./training-readiness.ts";
import { loadScope } from "./scope-read.ts";
import { loadVendorSignals } from "./vendor-readiness.ts";
// Access reviews (issue 16 part 3).
import { loadAccessReviewSignals } from "./access-review-readiness.ts";

export interface ControlFreshness extends Freshness {
  ref: string;
  title: string;
  frequency: ControlSummary["frequency"];
  status: ControlSummary["status"];
}

/** Freshness of every control, as of `today` (the organization's date). */
export async function loadFreshness(
  tx: Tx,
  actor: Actor,
  today: string,
  loaded?: ControlSummary[],
): Promise<ControlFreshness[]> {
  const controls = loaded ?? (await listControlSummaries(tx, scopeOf(actor)));
  const periods = await evidencePeriodsByControl(tx, scopeOf(actor));
  return controls.map((c) => ({
    ref: c.ref,
    title: c.title,
    frequency: c.frequency,
    status: c.status,
    ...computeFreshness(c.frequency, periods.get(c.id) ?? [], today),
  }));
}

/** What the risk register says about RM-01 and RM-02 (domain/risk-readiness.ts). */
async function loadRiskSignals(
  tx: Tx,
  actor: Actor,
  day: OrganizationDay,
): Promise<Map<string, ControlSignal[]>> {
  return riskSignals({
    today: day.today,
    lastAssessmentOn: await lastAssessmentDate(tx, scopeOf(actor)),
    risks: await listRisks(tx, scopeOf(actor)),
  });
}

/**
 * Everything beyond freshness that readiness reads, one loader per module: each gives its
 * signals by control ref (a module that holds no data of the organization gives none).
 */
const SIGNAL_LOADERS: readonly ((
  tx: Tx,
  actor: Actor,
  day: OrganizationDay,
) => Promise<Map<string, ControlSignal[]>>)[] = [
  loadPolicySignals,
  loadRiskSignals,
  loadTrainingSignals,
  loadVendorSignals,
  loadPeopleSignals,
  loadFindingSignals,
  loadCheckSignals,
  // The availability monitor (issue 17).
  loadMonitorSignals,
  // Access reviews (issue 16 part 3).
  loadAccessReviewSignals,
];

export async function getReadiness(ctx: ServiceContext, actor: Actor): Promise<ReadinessReport> {
  authorize(actor, "readiness:read");
  const now = ctx.now();
  // The loaders start together: on PostgreSQL their queries share round trips (read()).
  const { scope, controls, freshness, signalMaps } = await read(ctx.db, async (tx) => {
    const [summaries, day, scope] = await settleAll([
      listControlSummaries(tx, scopeOf(actor)),
      // The organization's zone and date, read once for every loader.
      organizationDay(tx, actor, now),
      loadScope(tx, actor),
    ]);
    const [freshness, signalMaps] = await settleAll([
      loadFreshness(tx, actor, day.today, summaries),
      settleAll(SIGNAL_LOADERS.map((load) => load(tx, actor, day))),
    ]);
    return { scope, controls: summaries, freshness, signalMaps };
  });
  const byRef = new Map(freshness.map((f) => [f.ref, f]));
  return computeReadiness({
    categories: scope.categories,
    exclusions: scope.exclusions,
    controls: controls.map((control) => {
      const fresh = byRef.get(control.ref);
      const signals = [
        ...(fresh === undefined ? [] : [freshnessSignal(fresh)]),
        ...signalMaps.flatMap((map) => map.get(control.ref) ?? []),
      ];
      return signals.length === 0 ? control : { ...control, signals };
    }),
  });
}

/**
 * Implemented controls whose evidence is overdue or missing today; to an auditor, only among
 * the controls their engagements cover.
 */
export async function listOverdueControls(
  ctx: ServiceContext,
  actor: Actor,
): Promise<ControlFreshness[]> {
  authorize(actor, "evidence:read");
  const now = ctx.now();
  const freshness = await read(ctx.db, async (tx) => {
    const today = await organizationToday(tx, actor, now);
    const reach = await auditorReach(tx, actor);
    if (reach === undefined) return loadFreshness(tx, actor, today);
    const controls = await listControlSummaries(tx, scopeOf(actor));
    const covered = controls.filter((c) => reachCoversControl(reach, c));
    return loadFreshness(tx, actor, today, covered);
  });
  return freshness.filter((f) => f.status === "implemented" && f.state !== "current");
}
