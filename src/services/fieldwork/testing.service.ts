/**
 * The auditor's work in fieldwork: how each control was tested, the result for each sampled
 * item, management's response to an exception, and the conclusions that follow.
 */
import { z } from "zod";
import {
  currentSample,
  listItemResults,
  saveControlTest,
  saveItemResult,
} from "../../db/engagements.repo.ts";
import { listRequests } from "../../db/audit-requests.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { engagementLabel } from "../../domain/engagement.ts";
import type { Engagement, EngagementSample, SnapshotControl } from "../../domain/engagement.ts";
import { AppError, invalidField } from "../../domain/errors.ts";
import { localDate } from "../../domain/periods.ts";
import { authorize } from "../../domain/permissions.ts";
import {
  DESIGN_CONCLUSIONS,
  ITEM_RESULTS,
  TEST_METHODS,
  inquiryOnly,
} from "../../domain/test-results.ts";
import type { ControlTest, ItemResult } from "../../domain/test-results.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { loadEngagement } from "./engagements.service.ts";
import { resultsOf } from "./results.ts";
import type { EngagementResults } from "./results.ts";
import { recorderOf } from "./test-recorders.ts";

export { resultsOf } from "./results.ts";
export type { EngagementResults } from "./results.ts";
import { calendarDate, email, oneOf, requiredText } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";

export const testInput = z
  .object({
    control: z.string().trim().min(1),
    methods: z.array(oneOf(TEST_METHODS, "test method")).min(1, "name at least one method"),
    /** Default: the frozen control's own test procedure. */
    procedure: requiredText(4000).optional(),
    /** The assigned auditor whose test this is; an auditor recording their own leaves it out. */
    auditor: email.optional(),
    /** Default: today in the organization's time zone. */
    testedOn: calendarDate.optional(),
    design: oneOf(DESIGN_CONCLUSIONS, "design conclusion").optional(),
    designNotes: requiredText(4000).optional(),
  })
  .strict();

export const resultInput = z
  .object({
    control: z.string().trim().min(1),
    item: z.string().trim().min(1),
    result: oneOf(ITEM_RESULTS, "result"),
    description: requiredText(4000).optional(),
    /** The assigned auditor whose result this is; an auditor recording their own leaves it out. */
    auditor: email.optional(),
  })
  .strict()
  .refine((r) => r.result !== "exception" || r.description !== undefined, {
    path: ["description"],
    error: "an exception needs a description of what was found",
  });

export const responseInput = z
  .object({
    control: z.string().trim().min(1),
    item: z.string().trim().min(1),
    response: requiredText(4000),
  })
  .strict();

function inFieldwork(
  engagement: Engagement,
  also: readonly Engagement["status"][] = [],
): NonNullable<Engagement["snapshot"]> {
  if (![...also, "fieldwork"].includes(engagement.status) || engagement.snapshot === null) {
    throw new AppError(
      "INVALID_STATE",
      `${engagementLabel(engagement)} is in ${engagement.status}; ` +
        (also.length > 0
          ? "responses are recorded in fieldwork or the draft report"
          : "tests are recorded in fieldwork"),
    );
  }
  return engagement.snapshot;
}

export function frozenControl(
  engagement: Engagement,
  ref: string,
  also: readonly Engagement["status"][] = [],
): SnapshotControl {
  const control = inFieldwork(engagement, also).controls.find(
    (c) => c.ref === ref.trim().toUpperCase(),
  );
  if (control === undefined) {
    throw invalidField(
      "control",
      `"${ref}" is not among the controls ${engagementLabel(engagement)} tests`,
    );
  }
  return control;
}

async function sampleOf(tx: Tx, actor: Actor, engagement: Engagement): Promise<EngagementSample> {
  if (engagement.type === 1) {
    throw new AppError(
      "INVALID_STATE",
      `${engagementLabel(engagement)} is a Type 1: it has no samples`,
    );
  }
  const sample = await currentSample(tx, scopeOf(actor), engagement.id);
  if (sample === undefined) {
    throw new AppError(
      "INVALID_STATE",
      `${engagementLabel(engagement)} has no sample yet; draw one first`,
    );
  }
  return sample;
}

/**
 * Inquiry alone cannot show that a control operated (see INQUIRY_ALONE_WORDING), so a Type 2
 * test of a control in place with occurrences to inspect must use another method too. Inquiry
 * alone stays open where no operating-effectiveness test is possible: a control not in place
 * at the freeze, or one whose population for the period is empty.
 */
async function refuseInquiryAlone(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  control: SnapshotControl,
): Promise<void> {
  if (control.status !== "implemented") return;
  const sample = await currentSample(tx, scopeOf(actor), engagement.id);
  const drawn = sample?.controls.find((c) => c.controlRef === control.ref);
  if (sample !== undefined && (drawn?.population.length ?? 0) === 0) return;
  throw invalidField(
    "methods",
    `inquiry alone cannot show that ${control.ref} operated effectively; add observation, ` +
      "inspection or re-performance",
  );
}

export async function recordControlTest(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof testInput>,
): Promise<ControlTest> {
  authorize(actor, "engagement:test");
  const data = parseInput(testInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    const control = frozenControl(engagement, data.control);
    const today = localDate(at, (await getOrganization(tx, scopeOf(actor))).timeZone);
    const testedOn = data.testedOn ?? today;
    if (testedOn > today) throw invalidField("testedOn", `${testedOn} is in the future`);
    if (data.design === "suitably-designed" && control.status !== "implemented") {
      throw invalidField(
        "design",
        `${control.ref} was ${control.status} when the scope was frozen; a control not in place ` +
          "cannot be concluded suitably designed and implemented",
      );
    }
    if (engagement.type === 1 && data.design === undefined) {
      throw invalidField(
        "design",
        "a Type 1 test concludes on design: suitably-designed or design-deficiency",
      );
    }
    if (engagement.type === 2 && data.design !== undefined) {
      throw invalidField(
        "design",
        "a Type 2 concludes from the sampled items, not a design conclusion",
      );
    }
    const methods = [...new Set(data.methods)];
    if (engagement.type === 2 && inquiryOnly(methods)) {
      await refuseInquiryAlone(tx, actor, engagement, control);
    }
    const recorder = await recorderOf(tx, actor, engagement, data.auditor);
    const test: ControlTest = {
      controlRef: control.ref,
      methods,
      procedure: data.procedure ?? control.testProcedure,
      tester: recorder.name,
      testerEmail: recorder.email,
      enteredBy: recorder.enteredBy,
      testedOn,
      design: data.design ?? null,
      designNotes: data.designNotes ?? null,
    };
    await saveControlTest(tx, scopeOf(actor), engagement.id, test);
    await recordEvent(tx, actor, "engagement.test-recorded", engagement.id, { ...test }, at);
    return test;
  });
}

export async function recordItemResult(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof resultInput>,
): Promise<ItemResult> {
  authorize(actor, "engagement:test");
  const data = parseInput(resultInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) =>
    writeItemResult(tx, actor, await loadEngagement(tx, actor, handle), data, at),
  );
}

/**
 * Records one sampled item's result inside the caller's transaction, with its event: the item
 * must be in the control's current sample, and an item with no evidence cannot pass. The
 * workpaper's attribute results come through here too, so both ways agree.
 */
export async function writeItemResult(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  data: z.output<typeof resultInput>,
  at: Date,
): Promise<ItemResult> {
  const control = frozenControl(engagement, data.control);
  const sample = await sampleOf(tx, actor, engagement);
  const drawn = sample.controls.find((c) => c.controlRef === control.ref);
  if (drawn === undefined || !drawn.items.includes(data.item)) {
    throw invalidField(
      "item",
      `"${data.item}" is not in ${control.ref}'s sample (${drawn?.items.join(", ") || "empty"})`,
    );
  }
  const occurrence = drawn.population.find((p) => p.key === data.item);
  // Evidence the company supplied since the draw, through an accepted request for the item,
  // counts as the item's evidence (the sample keeps what was found when it was drawn).
  const supplied = (
    await listRequests(tx, scopeOf(actor), {
      engagementId: engagement.id,
      statuses: ["accepted"],
    })
  ).some((r) => r.control === control.ref && r.item === data.item && r.evidence.length > 0);
  if (data.result === "pass" && (occurrence?.evidence.length ?? 0) === 0 && !supplied) {
    throw invalidField(
      "result",
      `no evidence was found for ${control.ref} ${data.item}: it cannot pass; record an exception`,
    );
  }
  const recorder = await recorderOf(tx, actor, engagement, data.auditor);
  const result: ItemResult = {
    controlRef: control.ref,
    itemKey: data.item,
    result: data.result,
    description: data.description ?? null,
    recordedBy: recorder.name,
    recordedByEmail: recorder.email,
    enteredBy: recorder.enteredBy,
    recordedAt: at.toISOString(),
    managementResponse: null,
    respondedBy: null,
    respondedAt: null,
  };
  await saveItemResult(tx, scopeOf(actor), engagement.id, sample.id, result);
  await recordEvent(tx, actor, "engagement.result-recorded", engagement.id, { ...result }, at);
  return result;
}

export async function respondToException(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof responseInput>,
): Promise<ItemResult> {
  authorize(actor, "engagement:respond");
  const data = parseInput(responseInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    const control = frozenControl(engagement, data.control, ["draft-report"]);
    const sample = await sampleOf(tx, actor, engagement);
    const existing = (await listItemResults(tx, scopeOf(actor), sample.id)).find(
      (r) => r.controlRef === control.ref && r.itemKey === data.item,
    );
    if (existing?.result !== "exception") {
      throw invalidField("item", `${control.ref} "${data.item}" has no exception to respond to`);
    }
    const responded: ItemResult = {
      ...existing,
      managementResponse: data.response,
      respondedBy: actor.name,
      respondedAt: at.toISOString(),
    };
    await saveItemResult(tx, scopeOf(actor), engagement.id, sample.id, responded);
    await recordEvent(
      tx,
      actor,
      "engagement.exception-response",
      engagement.id,
      { control: control.ref, item: data.item, response: data.response },
      at,
    );
    return responded;
  });
}

export async function engagementResults(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<EngagementResults> {
  authorize(actor, "engagement:read");
  return read(ctx.db, async (tx) => resultsOf(tx, actor, await loadEngagement(tx, actor, handle)));
}
