/**
 * The demo's imported population: Lee, who owns change management, exports the period's merged
 * pull requests from GitHub as CM-02's population, and the auditor accepts it before she draws.
 * The draw then asks Lee for each sampled pull request; he answers each with the pull request
 * already filed as evidence, and she accepts it, so each sampled item has its evidence when
 * she tests it (testing.service.ts: evidence supplied through an accepted request counts).
 */
import type { Actor } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import type { ServiceContext } from "../platform/context.ts";
import { listEvidence } from "../program/evidence.service.ts";
import { importPopulation, reviewPopulation } from "../fieldwork/populations.service.ts";
import { acceptRequest, answerRequest } from "../fieldwork/request-answers.service.ts";
import { listEngagementRequests } from "../fieldwork/requests.service.ts";
import type { SampleRequests } from "../fieldwork/sample-requests.ts";

export const DEMO_IMPORTED_CONTROL = "CM-02";

export interface DemoPopulation {
  control: string;
  rows: number;
  /** The evidence filed for each row, by the row's key ("PR-3412"). */
  evidenceByKey: ReadonlyMap<string, string>;
}

/** Lee imports the period's pull requests; the auditor accepts them as the population. */
export async function importDemoPopulation(
  ctx: ServiceContext,
  lee: Actor,
  dana: Actor,
  handle: string,
  period: { from: string; to: string },
): Promise<DemoPopulation> {
  const merged = (await listEvidence(ctx, lee, { control: DEMO_IMPORTED_CONTROL })).filter(
    (e) => e.forFrom >= period.from && e.forTo <= period.to && /^Pull request #\d+$/.test(e.title),
  );
  const evidenceByKey = new Map<string, string>();
  const lines = ["key,date,label"];
  for (const item of merged) {
    const key = `PR-${item.title.slice("Pull request #".length)}`;
    evidenceByKey.set(key, item.id);
    lines.push(`${key},${item.forFrom},${item.title}`);
  }
  await importPopulation(ctx, lee, handle, {
    control: DEMO_IMPORTED_CONTROL,
    format: "csv",
    content: lines.join("\n"),
    fileName: "merged-pull-requests.csv",
    source: "GitHub (northwind-analytics/insights)",
    query: `is:pr is:merged base:main merged:${period.from}..${period.to}`,
    completeness:
      "Every pull request merged to main in the period: branch protection allows no other way " +
      "into main, and the export was taken from GitHub's API without filters.",
  });
  await reviewPopulation(ctx, dana, handle, { control: DEMO_IMPORTED_CONTROL, decision: "accept" });
  return { control: DEMO_IMPORTED_CONTROL, rows: merged.length, evidenceByKey };
}

/**
 * Lee answers each request the draw opened with the pull request already filed, and the
 * auditor accepts each answer. Returns how many were answered and accepted.
 */
export async function answerDemoOccurrences(
  ctx: ServiceContext,
  lee: Actor,
  dana: Actor,
  handle: string,
  population: DemoPopulation,
  requests: SampleRequests,
): Promise<number> {
  if (requests.unasked.length > 0 || requests.opened.length === 0) {
    throw new AppError("INTERNAL", "the demo draw asked Lee for no pull request");
  }
  const opened = new Set(requests.opened);
  const asked = (await listEngagementRequests(ctx, dana, handle)).items.filter((r) =>
    opened.has(r.ref),
  );
  for (const request of asked) {
    const evidence = population.evidenceByKey.get(request.item ?? "");
    if (evidence === undefined) {
      throw new AppError("INTERNAL", `no pull request filed for ${request.item ?? "?"}`);
    }
    await answerRequest(ctx, lee, handle, request.ref, {
      evidence: [evidence],
      comment: "The pull request, with its review and approval.",
    });
    await acceptRequest(ctx, dana, handle, request.ref);
  }
  return asked.length;
}
