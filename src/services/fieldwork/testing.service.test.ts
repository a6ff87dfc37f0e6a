import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import {
  INSPECTED,
  MONTHS,
  addDatedEvidence,
  itemsOf,
  sampledEngagement,
} from "../../../test/support/fieldwork.ts";
import { createOrg, expectAppError } from "../../../test/support/fixtures.ts";
import type { Actor } from "../../domain/actor.ts";
import { NO_OCCURRENCES_WORDING } from "../../domain/test-results.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { updateControl } from "../program/controls.service.ts";
import { showEngagement } from "./engagements.service.ts";
import { drawEngagementSample } from "./sampling.service.ts";
import {
  engagementResults,
  recordControlTest,
  recordItemResult,
  respondToException,
} from "./testing.service.ts";

let t: TestContext;
let owner: Actor;
beforeEach(async () => {
  t = await createTestContext(new Date("2026-11-02T12:00:00Z"));
  owner = await createOrg(t.ctx, { timeZone: "America/New_York" });
});
afterEach(async () => {
  await t.close();
});

describe("who records a result", () => {
  it("is the assigned auditor, or the owner naming that auditor, marked as entered by the owner", async () => {
    await addDatedEvidence(t.ctx, owner, "GV-11", MONTHS);
    const { id, auditor, sample } = await sampledEngagement(t.ctx, owner, ["GV-11"]);
    const [first, second] = itemsOf(sample, "GV-11");

    const unnamed = await expectAppError(
      () => recordItemResult(t.ctx, owner, id, { control: "GV-11", item: first!, result: "pass" }),
      "VALIDATION_FAILED",
    );
    expect(unnamed.fieldErrors[0]?.field).toBe("auditor");
    const stranger = await expectAppError(
      () =>
        recordItemResult(t.ctx, owner, id, {
          control: "GV-11",
          item: first!,
          result: "pass",
          auditor: "someone@else.example",
        }),
      "VALIDATION_FAILED",
    );
    expect(stranger.message).toContain("someone@else.example is not an auditor assigned to E-1");
    expect(stranger.message).toContain("dana@ledger.example");
    const freeText = await expectAppError(
      () =>
        recordItemResult(t.ctx, owner, id, {
          control: "GV-11",
          item: first!,
          result: "pass",
          // @ts-expect-error: a free-text tester name is no longer taken
          tester: "Anyone At All",
        }),
      "VALIDATION_FAILED",
    );
    expect(freeText.message).toContain("tester");

    const entered = await recordItemResult(t.ctx, owner, id, {
      control: "GV-11",
      item: first!,
      result: "pass",
      auditor: "Dana@Ledger.example",
    });
    expect(entered).toMatchObject({
      recordedBy: "Dana Whitfield",
      recordedByEmail: "dana@ledger.example",
      enteredBy: "ana",
    });
    const own = await recordItemResult(t.ctx, auditor, id, {
      control: "GV-11",
      item: second!,
      result: "pass",
    });
    expect(own).toMatchObject({
      recordedBy: "Dana Whitfield",
      recordedByEmail: "dana@ledger.example",
      enteredBy: null,
    });
    const impersonation = await expectAppError(
      () =>
        recordItemResult(t.ctx, auditor, id, {
          control: "GV-11",
          item: second!,
          result: "pass",
          auditor: "omar@ledger.example",
        }),
      "VALIDATION_FAILED",
    );
    expect(impersonation.fieldErrors[0]?.field).toBe("auditor");

    const test = await recordControlTest(t.ctx, owner, id, {
      control: "GV-11",
      ...INSPECTED,
      auditor: "dana@ledger.example",
    });
    expect(test).toMatchObject({
      tester: "Dana Whitfield",
      testerEmail: "dana@ledger.example",
      enteredBy: "ana",
    });
    await expectAppError(
      () => recordControlTest(t.ctx, owner, id, { control: "GV-11", ...INSPECTED }),
      "VALIDATION_FAILED",
    );

    // Stored and shown: the results answer, and the audit log's sentences.
    const results = await engagementResults(t.ctx, owner, id);
    expect(results.controls.find((c) => c.controlRef === "GV-11")?.test).toMatchObject({
      enteredBy: "ana",
      testerEmail: "dana@ledger.example",
    });
    const log = await listAuditLog(t.ctx, owner, { action: "engagement.result-recorded" });
    expect(log.items.map((e) => e.sentence)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("for Dana Whitfield (entered by ana on the auditor's behalf)"),
        expect.not.stringContaining("entered by"),
      ]),
    );
    const tests = await listAuditLog(t.ctx, owner, { action: "engagement.test-recorded" });
    expect(tests.items[0]?.sentence).toContain(
      "by Dana Whitfield (entered by ana on the auditor's behalf)",
    );
  });
});

describe("conclusions", () => {
  it("concludes per control and per criterion, with exceptions and management's response", async () => {
    await addDatedEvidence(t.ctx, owner, "GV-11", MONTHS);
    await addDatedEvidence(t.ctx, owner, "AC-06", ["2026-06-30", "2026-09-30"]);
    const { id, auditor, sample } = await sampledEngagement(t.ctx, owner, [
      "GV-11",
      "AC-06",
      "GV-01",
    ]);
    for (const ref of ["GV-11", "AC-06"]) {
      await recordControlTest(t.ctx, auditor, id, {
        control: ref,
        ...INSPECTED,
        testedOn: "2026-10-20",
      });
    }
    for (const item of itemsOf(sample, "AC-06")) {
      await recordItemResult(t.ctx, auditor, id, { control: "AC-06", item, result: "pass" });
    }
    const [g1, g2] = itemsOf(sample, "GV-11");
    await recordItemResult(t.ctx, auditor, id, { control: "GV-11", item: g1!, result: "pass" });
    const notInSample = await expectAppError(
      () =>
        recordItemResult(t.ctx, auditor, id, { control: "GV-11", item: "2031-01", result: "pass" }),
      "VALIDATION_FAILED",
    );
    expect(notInSample.message).toContain(`"2031-01" is not in GV-11's sample`);
    const noDescription = await expectAppError(
      () =>
        recordItemResult(t.ctx, auditor, id, { control: "GV-11", item: g2!, result: "exception" }),
      "VALIDATION_FAILED",
    );
    expect(noDescription.fieldErrors[0]?.field).toBe("description");
    await recordItemResult(t.ctx, auditor, id, {
      control: "GV-11",
      item: g2!,
      result: "exception",
      description: "The month's deficiency review was not signed off.",
    });
    await expectAppError(
      () =>
        respondToException(t.ctx, auditor, id, {
          control: "GV-11",
          item: g2!,
          response: "We fixed it.",
        }),
      "FORBIDDEN",
    );
    await respondToException(t.ctx, owner, id, {
      control: "GV-11",
      item: g2!,
      response: "Sign-off is now a required step in the review ticket.",
    });

    const results = await engagementResults(t.ctx, owner, id);
    const gv11 = results.controls.find((c) => c.controlRef === "GV-11");
    expect(gv11).toMatchObject({
      conclusion: "exception-noted",
      deviations: 1,
      sampleSize: 2,
      tested: 2,
    });
    expect(gv11?.exceptions[0]).toMatchObject({
      managementResponse: "Sign-off is now a required step in the review ticket.",
      respondedBy: "ana",
    });
    expect(results.controls.find((c) => c.controlRef === "AC-06")?.conclusion).toBe(
      "operating-effectively",
    );
    // GV-01 is event-driven and nothing was recorded for it in the period.
    expect(results.controls.find((c) => c.controlRef === "GV-01")?.conclusion).toBe(
      "no-occurrences",
    );
    expect(results.criteria.find((c) => c.criterionId === "CC4.2")?.conclusion).toBe(
      "exception-noted",
    );
    expect(results.seed).toBe("s");
  });

  it("counts a sampled occurrence with no evidence as a deviation, not as not tested", async () => {
    // AC-06 is quarterly: two quarters expected, neither evidenced.
    const { id } = await sampledEngagement(t.ctx, owner, ["AC-06"]);
    const ac06 = (await engagementResults(t.ctx, owner, id)).controls.find(
      (c) => c.controlRef === "AC-06",
    );
    expect(ac06).toMatchObject({
      conclusion: "exception-noted",
      deviations: 2,
      sampleSize: 2,
      summary: "2 deviations in 2 items (0 tested)",
    });
    expect(ac06?.missingOccurrences.map((m) => m.itemKey)).toEqual(["2026-Q2", "2026-Q3"]);
  });

  it("says a control with no occurrences was not tested because nothing called for it", async () => {
    // CM-01 is event-driven: no change was recorded in the period, so its population is empty.
    const { id, auditor } = await sampledEngagement(t.ctx, owner, ["CM-01"]);
    const cm01 = (await engagementResults(t.ctx, owner, id)).controls.find(
      (c) => c.controlRef === "CM-01",
    );
    expect(cm01).toMatchObject({ conclusion: "no-occurrences", note: NO_OCCURRENCES_WORDING });
    // Inquiry is all there is to do for it, and it is allowed.
    await recordControlTest(t.ctx, auditor, id, {
      control: "CM-01",
      methods: ["inquiry"],
      procedure: "Inquired whether any change was made; inspected the repository's history.",
    });
    const again = (await engagementResults(t.ctx, owner, id)).controls.find(
      (c) => c.controlRef === "CM-01",
    );
    expect(again?.conclusion).toBe("no-occurrences");
  });

  it("leaves out a control not in place at the freeze and shows what that does to its criteria", async () => {
    // AC-06 is in place; AC-02 is still in progress when fieldwork freezes the scope.
    await updateControl(t.ctx, owner, "AC-02", { status: "in-progress" });
    await addDatedEvidence(t.ctx, owner, "AC-06", ["2026-06-30", "2026-09-30"]);
    const { id } = await sampledEngagement(t.ctx, owner, ["AC-06"]);
    const frozen = (await showEngagement(t.ctx, owner, id)).snapshot?.controls ?? [];
    const ac02 = frozen.find((c) => c.ref === "AC-02");
    expect(ac02?.status).toBe("in-progress");
    const results = await engagementResults(t.ctx, owner, id);
    expect(results.controls.find((c) => c.controlRef === "AC-02")).toMatchObject({
      conclusion: "not-implemented",
      sampleSize: 0,
    });
    const criterion = results.criteria.find((c) => c.notImplemented.includes("AC-02"));
    expect(criterion?.effect).toContain("AC-02");
    expect(criterion?.effect).toContain("not in place when the scope was frozen");
    expect(criterion?.controls).not.toContain("AC-02");
  });

  it("guards the results: no pass without evidence, no future dates, no redraw once tested", async () => {
    // One month of six has evidence, and two are sampled: at least one has none, whatever the seed.
    await addDatedEvidence(t.ctx, owner, "GV-11", ["2026-04-30"]);
    const { id, auditor, sample } = await sampledEngagement(t.ctx, owner, ["GV-11"]);
    const gv11 = sample.controls.find((c) => c.controlRef === "GV-11");
    const unevidenced = gv11?.items.find((key) => gv11.missing.includes(key));
    expect(unevidenced).toBeDefined();
    const base = { control: "GV-11", item: unevidenced! };
    const error = await expectAppError(
      () => recordItemResult(t.ctx, auditor, id, { ...base, result: "pass" }),
      "VALIDATION_FAILED",
    );
    expect(error.message).toContain("it cannot pass; record an exception");
    await expectAppError(
      () =>
        recordControlTest(t.ctx, auditor, id, {
          control: "GV-11",
          ...INSPECTED,
          testedOn: "2027-01-01",
        }),
      "VALIDATION_FAILED",
    );
    await recordItemResult(t.ctx, auditor, id, {
      ...base,
      result: "exception",
      description: "Late.",
    });
    const redraw = await expectAppError(
      () =>
        drawEngagementSample(t.ctx, auditor, id, {
          redrawReason: "We would like a different sample.",
        }),
      "INVALID_STATE",
    );
    expect(redraw.message).toContain("a sample with results cannot be redrawn");

    // Without a date or procedure, a test is dated today (in the organization's zone) and
    // follows the frozen control's own procedure.
    const recorded = await recordControlTest(t.ctx, auditor, id, {
      control: "GV-11",
      methods: ["inspection"],
    });
    expect(recorded.testedOn).toBe("2026-11-02");
    expect(recorded.procedure).toBe(
      (await showEngagement(t.ctx, owner, id)).snapshot?.controls.find((c) => c.ref === "GV-11")
        ?.testProcedure,
    );
    expect(recorded.procedure.length).toBeGreaterThan(20);
  });

  it("refuses a test of operating effectiveness that rests on inquiry alone", async () => {
    await addDatedEvidence(t.ctx, owner, "GV-11", MONTHS);
    const { id, auditor } = await sampledEngagement(t.ctx, owner, ["GV-11"]);
    const refused = await expectAppError(
      () =>
        recordControlTest(t.ctx, auditor, id, {
          control: "GV-11",
          methods: ["inquiry"],
          procedure: "Asked the security lead.",
        }),
      "VALIDATION_FAILED",
    );
    expect(refused.fieldErrors[0]?.field).toBe("methods");
    expect(refused.message).toContain("inquiry alone cannot show that GV-11 operated effectively");
    // A control not in place has no operation to test: inquiry records why.
    const notInPlace = await recordControlTest(t.ctx, auditor, id, {
      control: "GV-12",
      methods: ["inquiry"],
      procedure: "Inquired of management: the control was not yet in operation.",
    });
    expect(notInPlace.methods).toEqual(["inquiry"]);
  });
});
