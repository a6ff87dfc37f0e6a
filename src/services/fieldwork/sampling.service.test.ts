import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { as, createOrg, expectAppError } from "../../../test/support/fixtures.ts";
import type { Actor } from "../../domain/actor.ts";
import type { EngagementSample } from "../../domain/engagement.ts";
import { drawSample } from "../../domain/sampling.ts";
import { updateControl } from "../program/controls.service.ts";
import { advanceEngagement, createEngagement, showEngagement } from "./engagements.service.ts";
import { addEvidence } from "../program/evidence.service.ts";
import { drawEngagementSample } from "./sampling.service.ts";
import type { SampleInput } from "./sampling.service.ts";
import { assignedAuditor } from "../../../test/support/fieldwork.ts";
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

const link = (n: number | string) => ({ kind: "link" as const, url: `https://tickets.test/${n}` });

async function evidence(control: string, dates: string[]): Promise<void> {
  for (const date of dates) {
    await addEvidence(t.ctx, owner, link(`${control}-${date}`), {
      title: `${control} ${date}`,
      controls: [control],
      forDate: date,
    });
  }
}

async function engagementInFieldwork(from: string, to: string): Promise<string> {
  const e = await createEngagement(t.ctx, owner, { type: 2, from, to, auditFirm: "Ledger & Co" });
  for (let i = 0; i < 3; i += 1) await advanceEngagement(t.ctx, owner, `E-${e.number}`);
  return `E-${e.number}`;
}

/** Only the assigned auditor draws (owners and admins are refused: sample-growth tests). */
async function drawAsAuditor(handle: string, input?: SampleInput): Promise<EngagementSample> {
  return drawEngagementSample(t.ctx, await assignedAuditor(t.ctx, owner, handle), handle, input);
}

const control = (sample: EngagementSample, ref: string) => {
  const found = sample.controls.find((c) => c.controlRef === ref);
  if (found === undefined) throw new Error(`${ref} not in sample`);
  return found;
};

describe("populations and samples", () => {
  it("derives each population from the frequency and the evidence, and lists what is missing", async () => {
    // GV-11 is monthly: evidence for April–August, none for September.
    await evidence("GV-11", ["2026-04-30", "2026-05-29", "2026-06-30", "2026-07-31", "2026-08-31"]);
    // CM-01 is event-driven: twelve changes in the period, one before it.
    await evidence("CM-01", [
      "2026-03-31",
      ...Array.from({ length: 12 }, (_, i) => `2026-0${4 + (i % 6)}-1${i % 9}`),
    ]);
    const id = await engagementInFieldwork("2026-04-01", "2026-09-30");
    const sample = await drawAsAuditor(id, { seed: "fixed-seed" });

    const gv11 = control(sample, "GV-11");
    expect(gv11.population.map((p) => p.key)).toEqual([
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
    ]);
    expect(gv11.missing).toEqual(["2026-09"]);
    expect(gv11).toMatchObject({ sampleSize: 2, basis: "monthly control: 2 items" });

    const cm01 = control(sample, "CM-01");
    expect(cm01.population).toHaveLength(12);
    expect(cm01.sampleSize).toBe(8);
    expect(cm01.basis).toContain("(11–50)");

    // ISO weeks due in the period: W14 (from 03-30) ends inside it; W40 (to 10-04) is not due yet.
    const weeks = control(sample, "OP-03").population.map((p) => p.key);
    expect(weeks).toHaveLength(26);
    expect([weeks[0], weeks.at(-1)]).toEqual(["2026-W14", "2026-W39"]);
    expect(control(sample, "AC-06").population.map((p) => p.key)).toEqual(["2026-Q2", "2026-Q3"]);
    // AC-01 is automated and continuous: its population is the quarters, and without the
    // auditor's word that the IT general controls were tested, no test of one.
    expect(control(sample, "AC-01")).toMatchObject({
      populationSource: "calendar",
      sampleSize: 2,
      items: ["2026-Q2", "2026-Q3"],
    });
    expect(control(sample, "AC-01").basis).toContain("sized by frequency");
    expect(control(sample, "CM-01").populationSource).toBe("events");
  });

  it("can be re-derived by anyone from the recorded seed and population", async () => {
    await evidence(
      "CM-01",
      Array.from(
        { length: 30 },
        (_, i) => `2026-0${4 + (i % 6)}-${String(1 + i).padStart(2, "0")}`,
      ),
    );
    const id = await engagementInFieldwork("2026-04-01", "2026-09-30");
    const sample = await drawAsAuditor(id);
    expect(sample.seed).toMatch(/^[0-9a-f]{16}$/);
    for (const c of sample.controls) {
      const again = drawSample(c.population, c.sampleSize, sample.seed, c.controlRef).map(
        (i) => i.key,
      );
      expect(again, c.controlRef).toEqual(c.items);
    }
  });

  it("refuses a second draw without a reason, and records the redraw", async () => {
    const id = await engagementInFieldwork("2026-04-01", "2026-09-30");
    const first = await drawAsAuditor(id, { seed: "one" });
    const error = await expectAppError(() => drawAsAuditor(id), "CONFLICT");
    expect(error.message).toContain(
      "already sampled (seed one); drawing again needs --redraw-reason",
    );
    const second = await drawAsAuditor(id, {
      seed: "two",
      redrawReason: "The population was incomplete: September tickets were imported late.",
    });
    expect(second.id).not.toBe(first.id);
    expect(second.redrawReason).toContain("September tickets");
  });

  it("draws only for a Type 2 in fieldwork", async () => {
    const e = await createEngagement(t.ctx, owner, {
      type: 2,
      from: "2026-04-01",
      to: "2026-09-30",
      auditFirm: "X",
    });
    const planning = await expectAppError(() => drawAsAuditor("E-1"), "INVALID_STATE");
    expect(planning.message).toBe("E-1 is in planning; samples are drawn in fieldwork");
    const type1 = await createEngagement(t.ctx, owner, {
      type: 1,
      asOf: "2026-10-31",
      auditFirm: "X",
    });
    for (let i = 0; i < 3; i += 1) await advanceEngagement(t.ctx, owner, `E-${type1.number}`);
    const design = await expectAppError(() => drawAsAuditor("E-2"), "INVALID_STATE");
    expect(design.message).toContain("Type 1");
    expect(e.number).toBe(1);
  });

  it("grows the sample of a control with an exception in the prior engagement", async () => {
    await evidence("GV-11", [
      "2026-04-30",
      "2026-05-29",
      "2026-06-30",
      "2026-07-31",
      "2026-08-31",
      "2026-09-30",
    ]);
    const first = await engagementInFieldwork("2026-04-01", "2026-09-30");
    const sample = await drawAsAuditor(first, { seed: "a" });
    const [item] = control(sample, "GV-11").items;
    await recordItemResult(t.ctx, owner, first, {
      control: "GV-11",
      item: item!,
      result: "exception",
      description: "No sign-off on the deficiency log for that month.",
      tester: "Kim Park",
    });
    t.advance(1000);
    const next = await engagementInFieldwork("2026-04-01", "2026-09-30");
    const grown = control(await drawAsAuditor(next, { seed: "b" }), "GV-11");
    expect(grown.sampleSize).toBe(5);
    expect(grown.basis).toContain("exception in the prior engagement");
  });
});

describe("tests and results", () => {
  it("concludes per control and per criterion, with exceptions and management's response", async () => {
    await evidence("GV-11", [
      "2026-04-30",
      "2026-05-29",
      "2026-06-30",
      "2026-07-31",
      "2026-08-31",
      "2026-09-30",
    ]);
    await evidence("AC-06", ["2026-06-30", "2026-09-30"]);
    const id = await engagementInFieldwork("2026-04-01", "2026-09-30");
    const sample = await drawAsAuditor(id, { seed: "s" });
    const engagementId = (await showEngagement(t.ctx, owner, id)).id;
    const auditor = as(owner, "auditor", "user:kim", { engagements: [engagementId] });
    const base = { tester: "Kim Park" };
    for (const ref of ["GV-11", "AC-06"]) {
      await recordControlTest(t.ctx, auditor, id, {
        control: ref,
        methods: ["inspection", "inquiry"],
        procedure: "Inspected the sampled records.",
        testedOn: "2026-10-20",
        ...base,
      });
    }
    const [a, b] = control(sample, "AC-06").items;
    await recordItemResult(t.ctx, auditor, id, {
      control: "AC-06",
      item: a!,
      result: "pass",
      ...base,
    });
    await recordItemResult(t.ctx, auditor, id, {
      control: "AC-06",
      item: b!,
      result: "pass",
      ...base,
    });
    const [g1, g2] = control(sample, "GV-11").items;
    await recordItemResult(t.ctx, auditor, id, {
      control: "GV-11",
      item: g1!,
      result: "pass",
      ...base,
    });

    const notInSample = await expectAppError(
      () =>
        recordItemResult(t.ctx, auditor, id, {
          control: "GV-11",
          item: "2031-01",
          result: "pass",
          ...base,
        }),
      "VALIDATION_FAILED",
    );
    expect(notInSample.message).toContain(`"2031-01" is not in GV-11's sample`);
    const noDescription = await expectAppError(
      () =>
        recordItemResult(t.ctx, auditor, id, {
          control: "GV-11",
          item: g2!,
          result: "exception",
          ...base,
        }),
      "VALIDATION_FAILED",
    );
    expect(noDescription.fieldErrors[0]?.field).toBe("description");
    await recordItemResult(t.ctx, auditor, id, {
      control: "GV-11",
      item: g2!,
      result: "exception",
      description: "The month's deficiency review was not signed off.",
      ...base,
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
    expect(results.controls.find((c) => c.controlRef === "GV-01")?.conclusion).toBe("not-tested");
    expect(results.criteria.find((c) => c.criterionId === "CC4.2")?.conclusion).toBe(
      "exception-noted",
    );
    expect(results.seed).toBe("s");
  });

  it("records design conclusions only for a Type 1", async () => {
    await updateControl(t.ctx, owner, "AC-01", { status: "implemented" });
    const e = await createEngagement(t.ctx, owner, { type: 1, asOf: "2026-10-31", auditFirm: "X" });
    for (let i = 0; i < 3; i += 1) await advanceEngagement(t.ctx, owner, `E-${e.number}`);
    const test = {
      control: "AC-01",
      methods: ["inspection"],
      procedure: "Inspected the SSO configuration.",
      tester: "Kim",
      testedOn: "2026-10-31",
    };
    await expectAppError(() => recordControlTest(t.ctx, owner, "E-1", test), "VALIDATION_FAILED");
    await recordControlTest(t.ctx, owner, "E-1", { ...test, design: "suitably-designed" });
    const results = await engagementResults(t.ctx, owner, "E-1");
    expect(results.controls.find((c) => c.controlRef === "AC-01")?.conclusion).toBe(
      "suitably-designed",
    );
    expect(results.controls.find((c) => c.controlRef === "AC-02")?.conclusion).toBe(
      "not-evaluated",
    );
    expect(results.controls.every((c) => c.sampleSize === 0)).toBe(true);
    const notInPlace = await expectAppError(
      () =>
        recordControlTest(t.ctx, owner, "E-1", {
          ...test,
          control: "AC-02",
          design: "suitably-designed",
        }),
      "VALIDATION_FAILED",
    );
    expect(notInPlace.message).toContain("AC-02 was not-started when the scope was frozen");
    await expectAppError(
      () =>
        recordItemResult(t.ctx, owner, "E-1", {
          control: "AC-01",
          item: "period",
          result: "pass",
          tester: "Kim",
        }),
      "INVALID_STATE",
    );
  });

  it("guards the results: no pass without evidence, no future dates, no redraw once tested", async () => {
    // One month of six has evidence, and two are sampled: at least one has none, whatever the seed.
    await evidence("GV-11", ["2026-04-30"]);
    const id = await engagementInFieldwork("2026-04-01", "2026-09-30");
    const sample = await drawAsAuditor(id, { seed: "g" });
    const gv11 = control(sample, "GV-11");
    const unevidenced = gv11.items.find((key) => gv11.missing.includes(key));
    const base = { control: "GV-11", tester: "Kim" };
    expect(unevidenced).toBeDefined();
    const error = await expectAppError(
      () => recordItemResult(t.ctx, owner, id, { ...base, item: unevidenced!, result: "pass" }),
      "VALIDATION_FAILED",
    );
    expect(error.message).toContain("it cannot pass; record an exception");
    await expectAppError(
      () =>
        recordControlTest(t.ctx, owner, id, {
          ...base,
          methods: ["inspection"],
          procedure: "p",
          testedOn: "2027-01-01",
        }),
      "VALIDATION_FAILED",
    );
    await recordItemResult(t.ctx, owner, id, {
      ...base,
      item: unevidenced!,
      result: "exception",
      description: "Late.",
    });
    const redraw = await expectAppError(
      () =>
        drawAsAuditor(id, {
          redrawReason: "We would like a different sample.",
        }),
      "INVALID_STATE",
    );
    expect(redraw.message).toContain("a sample with results cannot be redrawn");

    // Without a date or procedure, a test is dated today (in the organization's zone) and
    // follows the frozen control's own procedure.
    const recorded = await recordControlTest(t.ctx, owner, id, { ...base, methods: ["inquiry"] });
    expect(recorded.testedOn).toBe("2026-11-02");
    expect(recorded.procedure).toBe(
      (await showEngagement(t.ctx, owner, id)).snapshot?.controls.find((c) => c.ref === "GV-11")
        ?.testProcedure,
    );
    expect(recorded.procedure.length).toBeGreaterThan(20);
  });

  it("leaves fieldwork only when tested; responses are still taken on the draft", async () => {
    await evidence("GV-11", [
      "2026-04-30",
      "2026-05-29",
      "2026-06-30",
      "2026-07-31",
      "2026-08-31",
      "2026-09-30",
    ]);
    const id = await engagementInFieldwork("2026-04-01", "2026-09-30");
    const unsampled = await expectAppError(
      () => advanceEngagement(t.ctx, owner, id),
      "INVALID_STATE",
    );
    expect(unsampled.message).toContain("has no sample yet");
    const sample = await drawAsAuditor(id, { seed: "f" });
    const untested = await expectAppError(
      () => advanceEngagement(t.ctx, owner, id),
      "INVALID_STATE",
    );
    expect(untested.message).toContain("controls have no test recorded");
    for (const drawn of sample.controls.filter((c) => c.items.length > 0)) {
      await recordControlTest(t.ctx, owner, id, {
        control: drawn.controlRef,
        methods: ["inquiry"],
        procedure: "Asked.",
        tester: "Kim",
        testedOn: "2026-10-30",
      });
    }
    const [item] = control(sample, "GV-11").items;
    await recordItemResult(t.ctx, owner, id, {
      control: "GV-11",
      item: item!,
      result: "exception",
      description: "Missed.",
      tester: "Kim",
    });
    expect((await advanceEngagement(t.ctx, owner, id)).status).toBe("draft-report");
    const responded = await respondToException(t.ctx, owner, id, {
      control: "GV-11",
      item: item!,
      response: "Now automated.",
    });
    expect(responded.managementResponse).toBe("Now automated.");
    const back = await advanceEngagement(t.ctx, owner, id, {
      to: "remediation",
      reason: "The auditor reopened scoping.",
    });
    expect(back.snapshot).toBeNull();
    expect((await engagementResults(t.ctx, owner, id)).controls).toEqual([]);
  });
});
