/**
 * The demo auditor's fieldwork, done as her own account: the sample she draws, each
 * control's test and each sampled item's result, with one exception in change management.
 * Between the draw and the tests, the company answers what the draw asked for (`afterDraw`).
 */
import type { Actor } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import { addDays } from "../../domain/periods.ts";
import type { ServiceContext } from "../platform/context.ts";
import { drawEngagementSample } from "../fieldwork/sampling.service.ts";
import type { DrawnSample } from "../fieldwork/sample-requests.ts";
import { recordControlTest, recordItemResult } from "../fieldwork/testing.service.ts";
import { setWorkpaperSteps } from "../fieldwork/workpapers.service.ts";

/** The attributes the demo auditor wrote down for a few controls, in her own words. */
const DEMO_STEPS: Readonly<Record<string, readonly string[]>> = {
  "CM-02": [
    "The pull request was approved by someone other than its author",
    "The approval came before the merge",
    "The change passed the required checks before deployment",
  ],
  "AC-06": [
    "The review covered every system in scope",
    "Each reviewer signed off within the quarter",
    "Access found excessive was removed, with a ticket",
  ],
  "GV-11": [
    "Each open deficiency has an owner, a severity and a due date",
    "The month's review is recorded",
    "Overdue items were escalated to leadership",
  ],
};

export interface DemoFieldwork {
  sampledItems: number;
  exception: { control: string; item: string };
}

/** The auditor's fieldwork: the sample, each control's test and each item's result. */
export async function testAsAuditor(
  ctx: ServiceContext,
  dana: Actor,
  handle: string,
  seed: string,
  periodTo: string,
  today: string,
  notInPlace: ReadonlySet<string>,
  afterDraw: (sample: DrawnSample) => Promise<void>,
): Promise<DemoFieldwork> {
  const sample = await drawEngagementSample(ctx, dana, handle, { seed });
  await afterDraw(sample);
  const testedOn = addDays(periodTo, 20) < today ? addDays(periodTo, 20) : today;
  let sampledItems = 0;
  let exception: DemoFieldwork["exception"] | undefined;
  for (const drawn of sample.controls) {
    if (drawn.items.length === 0) continue;
    if (notInPlace.has(drawn.controlRef)) {
      // A control not yet in operation had no occurrences to inspect: the auditor says so
      // rather than test it, as real reports do, and it carries no conclusion.
      await recordControlTest(ctx, dana, handle, {
        control: drawn.controlRef,
        methods: ["inquiry"],
        procedure:
          "Inquired of management and inspected the control's status: the control was not yet " +
          "in operation during the period, so there were no occurrences to test. No test of " +
          "operating effectiveness was performed.",
        testedOn,
      });
      continue;
    }
    await recordControlTest(ctx, dana, handle, {
      control: drawn.controlRef,
      methods:
        drawn.automation === "automated"
          ? ["inspection", "re-performance"]
          : ["inquiry", "inspection"],
      procedure: `Inspected the sampled ${drawn.frequency} occurrences against the control's test procedure.`,
      testedOn,
    });
    const steps = DEMO_STEPS[drawn.controlRef];
    if (steps !== undefined) {
      await setWorkpaperSteps(ctx, dana, handle, { control: drawn.controlRef, steps: [...steps] });
    }
    for (const item of drawn.items) {
      sampledItems += 1;
      const fails = exception === undefined && drawn.controlRef === "CM-02";
      // A sampled occurrence with no evidence is a deviation, never a pass.
      const unevidenced = drawn.missing.includes(item);
      await recordItemResult(ctx, dana, handle, {
        control: drawn.controlRef,
        item,
        result: fails || unevidenced ? "exception" : "pass",
        ...(fails
          ? {
              description:
                "The change was merged and deployed without a second reviewer's approval on the pull request.",
            }
          : unevidenced
            ? {
                description: "No evidence was found that the control operated for this occurrence.",
              }
            : {}),
      });
      if (fails) exception = { control: drawn.controlRef, item };
    }
  }
  if (exception === undefined)
    throw new AppError("INTERNAL", "the demo sample held no change to test");
  return { sampledItems, exception };
}
