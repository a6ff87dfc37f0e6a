/**
 * The conclusions an engagement's tests support, per control and per criterion, and what
 * fieldwork still lacks before it may end. Kept apart from the recording service so the
 * engagement's steps can check the work without importing the service that records it.
 */
import { criteriaInCategories } from "../../catalog/index.ts";
import { currentSample, listControlTests, listItemResults } from "../../db/engagements.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { engagementLabel } from "../../domain/engagement.ts";
import type { Engagement, EngagementSample } from "../../domain/engagement.ts";
import { AppError } from "../../domain/errors.ts";
import { concludeControl, concludeCriteria, inquiryOnly } from "../../domain/test-results.ts";
import type { ControlOutcome, ControlTest, CriterionOutcome } from "../../domain/test-results.ts";

export type ControlResult = ControlOutcome & { title: string; test: ControlTest | null };

export interface EngagementResults {
  engagement: Engagement;
  seed: string | null;
  controls: ControlResult[];
  criteria: CriterionOutcome[];
  totals: Record<string, number>;
  progress: TestingProgress;
}

/** How far testing has come: "52 of 87 controls concluded, 412 of 530 items tested". */
export interface TestingProgress {
  controls: number;
  concluded: number;
  items: number;
  tested: number;
  sentence: string;
}

/** Still open: no conclusion can be drawn yet. Everything else is concluded, either way. */
const OPEN_CONCLUSIONS = new Set(["not-tested", "not-evaluated"]);

export function progressOf(
  type: Engagement["type"],
  controls: readonly Pick<ControlResult, "conclusion" | "sampleSize" | "tested">[],
): TestingProgress {
  // A control not in place at the freeze is left out of the controls tested: nothing to count.
  const inPlace = controls.filter((c) => c.conclusion !== "not-implemented");
  const concluded = inPlace.filter((c) => !OPEN_CONCLUSIONS.has(c.conclusion)).length;
  const items = inPlace.reduce((sum, c) => sum + c.sampleSize, 0);
  const tested = inPlace.reduce((sum, c) => sum + c.tested, 0);
  const head = `${concluded} of ${count(inPlace.length, "control", "controls")} concluded`;
  return {
    controls: inPlace.length,
    concluded,
    items,
    tested,
    sentence: type === 1 ? head : `${head}, ${tested} of ${count(items, "item", "items")} tested`,
  };
}

/** Conclusions per control and criterion, with the sample they rest on. */
export async function resultsOf(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
): Promise<EngagementResults & { sample: EngagementSample | null }> {
  const snapshot = engagement.snapshot;
  if (snapshot === null) {
    const progress = progressOf(engagement.type, []);
    return {
      engagement,
      seed: null,
      controls: [],
      criteria: [],
      totals: {},
      progress,
      sample: null,
    };
  }
  const sample = await currentSample(tx, scopeOf(actor), engagement.id);
  const tests = new Map(
    (await listControlTests(tx, scopeOf(actor), engagement.id)).map((t) => [t.controlRef, t]),
  );
  const results = sample === undefined ? [] : await listItemResults(tx, scopeOf(actor), sample.id);
  const tested = snapshot.controls.filter((c) => c.status !== "not-applicable");
  const outcomes = tested.map((control): ControlResult => {
    const test = tests.get(control.ref);
    const drawn =
      sample === undefined
        ? undefined
        : (sample.controls.find((c) => c.controlRef === control.ref) ?? {
            // A control the sample left out has nothing drawn for it: no occurrences.
            items: [],
            population: [],
            missing: [],
          });
    return {
      ...concludeControl({ type: engagement.type, control, sample: drawn, test, results }),
      title: control.title,
      test: test ?? null,
    };
  });
  const excluded = new Set(snapshot.exclusions.map((e) => e.criterionId));
  const criteria = criteriaInCategories(snapshot.categories)
    .map((c) => c.id)
    .filter((id) => !excluded.has(id));
  const criterionOutcomes = concludeCriteria(
    engagement.type,
    tested,
    new Map(outcomes.map((o) => [o.controlRef, o])),
    criteria,
  );
  const totals: Record<string, number> = {};
  for (const outcome of outcomes)
    totals[outcome.conclusion] = (totals[outcome.conclusion] ?? 0) + 1;
  return {
    engagement,
    seed: sample?.seed ?? null,
    controls: outcomes,
    criteria: criterionOutcomes,
    totals,
    progress: progressOf(engagement.type, outcomes),
    sample: sample ?? null,
  };
}

function refs(controls: readonly string[]): string {
  return `${controls.slice(0, 8).join(", ")}${controls.length > 8 ? ", …" : ""}`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What keeps fieldwork open, one clause per kind of gap: every control in place needs its
 * test, and a Type 2 a result for every sampled item and a test that is more than inquiry.
 * Controls not in place at the freeze, and controls with no occurrences, need nothing more.
 */
export function fieldworkGaps(
  type: Engagement["type"],
  controls: readonly ControlResult[],
): string[] {
  const inPlace = controls.filter(
    (c) => c.conclusion !== "not-implemented" && c.conclusion !== "no-occurrences",
  );
  const withItems = inPlace.filter((c) => type === 1 || c.sampleSize > 0);
  const noTest = withItems.filter((c) => c.test === null).map((c) => c.controlRef);
  const awaiting = inPlace.filter((c) => c.awaitingResult.length > 0);
  const inquiry = withItems
    .filter((c) => type === 2 && c.test !== null && inquiryOnly(c.test.methods))
    .map((c) => c.controlRef);
  const gaps: string[] = [];
  if (awaiting.length > 0) {
    const each = awaiting.map(
      (c) => `${c.controlRef} lacks ${c.awaitingResult.length} of ${c.sampleSize}`,
    );
    gaps.push(
      `${count(awaiting.length, "control has", "controls have")} sampled items without a ` +
        `result (${refs(each)})`,
    );
  }
  if (noTest.length > 0) {
    gaps.push(
      `${count(noTest.length, "control has", "controls have")} no test recorded (${refs(noTest)})`,
    );
  }
  if (inquiry.length > 0) {
    gaps.push(
      `${count(inquiry.length, "control was", "controls were")} tested by inquiry alone, which ` +
        `cannot show a control operated (${refs(inquiry)})`,
    );
  }
  return gaps;
}

/** Leaving fieldwork needs the work done: a Type 2 sampled, every item given a result. */
export async function checkFieldworkComplete(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
): Promise<void> {
  const label = engagementLabel(engagement);
  const results = await resultsOf(tx, actor, engagement);
  if (engagement.type === 2 && results.sample === null) {
    throw new AppError(
      "INVALID_STATE",
      `${label} has no sample yet: draw one before leaving fieldwork`,
    );
  }
  const gaps = fieldworkGaps(engagement.type, results.controls);
  if (gaps.length > 0) {
    throw new AppError("INVALID_STATE", `${label} cannot leave fieldwork: ${gaps.join("; ")}`);
  }
}
