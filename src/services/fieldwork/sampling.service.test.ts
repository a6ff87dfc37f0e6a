import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { createOrg, expectAppError } from "../../../test/support/fixtures.ts";
import type { Actor } from "../../domain/actor.ts";
import type { EngagementSample } from "../../domain/engagement.ts";
import { drawSample } from "../../domain/sampling.ts";
import { advanceEngagement, createEngagement } from "./engagements.service.ts";
import { addEvidence } from "../program/evidence.service.ts";
import { drawEngagementSample } from "./sampling.service.ts";
import type { SampleInput } from "./sampling.service.ts";
import { assignedAuditor } from "../../../test/support/fieldwork.ts";
import { recordItemResult } from "./testing.service.ts";

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
    const auditor = await assignedAuditor(t.ctx, owner, first);
    await recordItemResult(t.ctx, auditor, first, {
      control: "GV-11",
      item: item!,
      result: "exception",
      description: "No sign-off on the deficiency log for that month.",
    });
    t.advance(1000);
    const next = await engagementInFieldwork("2026-04-01", "2026-09-30");
    const grown = control(await drawAsAuditor(next, { seed: "b" }), "GV-11");
    expect(grown.sampleSize).toBe(5);
    expect(grown.basis).toContain("exception in the prior engagement");
  });
});
