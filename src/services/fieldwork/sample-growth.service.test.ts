import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import {
  assignedAuditor,
  evidenceOn,
  sampledControl,
  type2InFieldwork,
} from "../../../test/support/fieldwork.ts";
import { as, createOrg, expectAppError } from "../../../test/support/fixtures.ts";
import type { Actor } from "../../domain/actor.ts";
import { canonicalJson } from "../../domain/audit-chain.ts";
import { sha256Hex } from "../../domain/digest.ts";
import { drawSample } from "../../domain/sampling.ts";
import { listAuditLog, verifyAuditLog } from "../platform/audit-log.service.ts";
import { extendControlSample, rollForwardSample } from "./sample-growth.service.ts";
import { drawEngagementSample, getEngagementSample } from "./sampling.service.ts";
import { recordItemResult } from "./testing.service.ts";

const DAY = 24 * 60 * 60 * 1000;

let t: TestContext;
let owner: Actor;
beforeEach(async () => {
  t = await createTestContext(new Date("2026-11-02T12:00:00Z"));
  owner = await createOrg(t.ctx, { timeZone: "America/New_York" });
});
afterEach(async () => {
  await t.close();
});

/** Thirty changes (CM-01) and every month of GV-11 evidenced over April–September 2026. */
async function evidencedHalfYear(): Promise<void> {
  await evidenceOn(
    t.ctx,
    owner,
    "CM-01",
    Array.from({ length: 30 }, (_, i) => `2026-0${4 + (i % 6)}-${String(1 + i).padStart(2, "0")}`),
  );
  await evidenceOn(t.ctx, owner, "GV-11", [
    "2026-04-30",
    "2026-05-29",
    "2026-06-30",
    "2026-07-31",
    "2026-08-31",
    "2026-09-30",
  ]);
}

async function eventCount(): Promise<number> {
  return (await listAuditLog(t.ctx, owner, { limit: 500 })).items.length;
}

describe("who draws", () => {
  it("refuses the owner and an admin, changing nothing, and lets the assigned auditor draw", async () => {
    const id = await type2InFieldwork(t.ctx, owner, "2026-04-01", "2026-09-30");
    const before = await eventCount();
    for (const company of [owner, as(owner, "admin", "user:adam")]) {
      const refused = await expectAppError(
        () => drawEngagementSample(t.ctx, company, id, { seed: "we-like-this-one" }),
        "FORBIDDEN",
      );
      expect(refused.message).toContain("engagement:sample");
    }
    const elsewhere = as(owner, "auditor", "user:other", { engagements: ["another-engagement"] });
    await expectAppError(() => drawEngagementSample(t.ctx, elsewhere, id), "NOT_FOUND");
    expect(await getEngagementSample(t.ctx, owner, id)).toBeNull();
    expect(await eventCount()).toBe(before);

    const auditor = await assignedAuditor(t.ctx, owner, id);
    const sample = await drawEngagementSample(t.ctx, auditor, id);
    expect(sample).toMatchObject({ drawnBy: "Kim Park", redrawReason: null });
    expect(sample.seed).toMatch(/^[0-9a-f]{16}$/);
  });

  it("records the SHA-256 of the population drawn from, per control and in the event", async () => {
    await evidencedHalfYear();
    const id = await type2InFieldwork(t.ctx, owner, "2026-04-01", "2026-09-30");
    const auditor = await assignedAuditor(t.ctx, owner, id);
    const sample = await drawEngagementSample(t.ctx, auditor, id, { seed: "hash" });
    const rows = sample.controls.map((c) => ({ control: c.controlRef, population: c.population }));
    expect(sample.populationSha256).toBe(sha256Hex(canonicalJson(rows)));
    const cm01 = sampledControl(sample, "CM-01");
    expect(cm01.populationSha256).toBe(sha256Hex(canonicalJson(cm01.population)));
    expect(sample.draws).toEqual([
      {
        kind: "period",
        at: sample.drawnAt,
        by: "Kim Park",
        populationTo: "2026-09-30",
        populationSha256: sample.populationSha256,
        items: sample.controls.reduce((sum, c) => sum + c.items.length, 0),
      },
    ]);
    const [event] = (await listAuditLog(t.ctx, owner, { action: "engagement.sampled" })).items;
    expect(event?.data).toMatchObject({
      populationSha256: sample.populationSha256,
      kind: "period",
      populationTo: "2026-09-30",
    });
    expect(event?.sentence).toContain("Sample drawn for engagement E-1");
    expect(event?.actor.name).toBe("Kim Park");
  });
});

describe("sample extension after a deviation", () => {
  it("grows the control to the next size, keeping its items and results, re-derivably", async () => {
    await evidencedHalfYear();
    const id = await type2InFieldwork(t.ctx, owner, "2026-04-01", "2026-09-30");
    const auditor = await assignedAuditor(t.ctx, owner, id);
    const sample = await drawEngagementSample(t.ctx, auditor, id, { seed: "extend" });
    const before = sampledControl(sample, "CM-01");
    expect(before.sampleSize).toBe(8);

    const noDeviation = await expectAppError(
      () => extendControlSample(t.ctx, auditor, id, { control: "CM-01" }),
      "INVALID_STATE",
    );
    expect(noDeviation.message).toContain("no exception is recorded on CM-01");
    const [failed, passed] = before.items;
    await recordItemResult(t.ctx, auditor, id, {
      control: "CM-01",
      item: failed!,
      result: "exception",
      description: "Merged without a linked ticket.",
    });
    await recordItemResult(t.ctx, auditor, id, {
      control: "CM-01",
      item: passed!,
      result: "pass",
    });
    await expectAppError(
      () => extendControlSample(t.ctx, owner, id, { control: "CM-01" }),
      "FORBIDDEN",
    );
    const elsewhere = as(owner, "auditor", "user:other", { engagements: ["another-engagement"] });
    for (const grow of [
      () => extendControlSample(t.ctx, elsewhere, id, { control: "CM-01" }),
      () => rollForwardSample(t.ctx, elsewhere, id),
    ]) {
      await expectAppError(grow, "NOT_FOUND");
    }
    const unknown = await expectAppError(
      () => extendControlSample(t.ctx, auditor, id, { control: "XX-99" }),
      "VALIDATION_FAILED",
    );
    expect(unknown.fieldErrors[0]?.field).toBe("control");

    const extended = await extendControlSample(t.ctx, auditor, id, { control: "CM-01" });
    expect(extended.id).toBe(sample.id);
    const after = sampledControl(extended, "CM-01");
    expect(after.sampleSize).toBe(15);
    expect(before.items.every((key) => after.items.includes(key))).toBe(true);
    expect(after.extensions).toEqual([
      expect.objectContaining({ from: 8, to: 15, deviations: 1, by: "Kim Park" }),
    ]);
    expect(after.extensions[0]?.added).toHaveLength(7);
    expect(after.basis).toContain("extended from 8 to 15 after 1 deviation in this period");
    // Anyone re-derives the extended sample by drawing again at the larger size.
    const again = drawSample(after.population, 15, extended.seed, "CM-01").map((i) => i.key);
    expect(after.items).toEqual(again);
    // Other controls are untouched, and both results are still there.
    expect(sampledControl(extended, "GV-11")).toEqual(sampledControl(sample, "GV-11"));
    const stored = await getEngagementSample(t.ctx, owner, id);
    expect(sampledControl(stored!, "CM-01").items).toEqual(after.items);
    const verified = await verifyAuditLog(t.ctx, owner);
    expect(verified.records).toEqual([]);
    const [event] = (await listAuditLog(t.ctx, owner, { action: "engagement.sample-extended" }))
      .items;
    expect(event?.sentence).toBe(
      "Sample of CM-01 extended for engagement E-1 from 8 to 15 after 1 deviation",
    );
  });

  it("refuses, saying why, when the population changed since the draw", async () => {
    await evidencedHalfYear();
    const id = await type2InFieldwork(t.ctx, owner, "2026-04-01", "2026-09-30");
    const auditor = await assignedAuditor(t.ctx, owner, id);
    const sample = await drawEngagementSample(t.ctx, auditor, id, { seed: "moved" });
    const [item] = sampledControl(sample, "CM-01").items;
    await recordItemResult(t.ctx, auditor, id, {
      control: "CM-01",
      item: item!,
      result: "exception",
      description: "No ticket.",
    });
    // A change recorded late, inside the period: the population the draw came from moved.
    await evidenceOn(t.ctx, owner, "CM-01", ["2026-05-20"]);
    const moved = await expectAppError(
      () => extendControlSample(t.ctx, auditor, id, { control: "CM-01" }),
      "CONFLICT",
    );
    expect(moved.message).toContain("the population of CM-01 through 2026-09-30 has changed");
    expect(moved.message).toContain("1 added (ev-");
    expect(sampledControl((await getEngagementSample(t.ctx, owner, id))!, "CM-01").sampleSize).toBe(
      8,
    );
  });
});

describe("interim draw and roll-forward", () => {
  it("samples nothing after today, then rolls forward only the occurrences ended since", async () => {
    // The period runs to the end of the year; today is 2 November 2026.
    const id = await type2InFieldwork(t.ctx, owner, "2026-07-01", "2026-12-31");
    const auditor = await assignedAuditor(t.ctx, owner, id);
    const interim = await drawEngagementSample(t.ctx, auditor, id, { seed: "interim" });
    const today = "2026-11-02";
    for (const c of interim.controls) {
      expect(
        c.population.every((p) => p.to <= today),
        c.controlRef,
      ).toBe(true);
    }
    expect(interim.draws.map((d) => [d.kind, d.populationTo])).toEqual([["interim", today]]);
    const daily = sampledControl(interim, "BC-04");
    expect(daily.population.at(-1)?.key).toBe("2026-11-02");

    const nothingYet = await expectAppError(
      () => rollForwardSample(t.ctx, auditor, id),
      "INVALID_STATE",
    );
    expect(nothingYet.message).toContain("nothing to roll forward in E-1");

    t.advance(75 * DAY); // 16 January 2027: the period is over.
    await expectAppError(() => rollForwardSample(t.ctx, owner, id), "FORBIDDEN");
    const rolled = await rollForwardSample(t.ctx, auditor, id);
    expect(rolled.id).toBe(interim.id);
    expect(rolled.draws.map((d) => [d.kind, d.populationTo])).toEqual([
      ["interim", today],
      ["roll-forward", "2026-12-31"],
    ]);
    expect(rolled.draws[1]?.populationSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rolled.draws[1]?.populationSha256).not.toBe(rolled.draws[0]?.populationSha256);
    for (const c of rolled.controls) {
      const before = sampledControl(interim, c.controlRef);
      const added = c.items.filter((key) => !before.items.includes(key));
      expect(c.items.slice(0, before.items.length), c.controlRef).toEqual(before.items);
      const old = new Set(before.population.map((p) => p.key));
      for (const key of added) {
        expect(old.has(key), `${c.controlRef} ${key}`).toBe(false);
        expect(c.population.find((p) => p.key === key)!.to > today).toBe(true);
      }
    }
    const rolledDaily = sampledControl(rolled, "BC-04");
    const fresh = rolledDaily.draws[1]!;
    expect(fresh.keys[0]).toBe("2026-11-03");
    expect(fresh.items.length).toBeGreaterThan(0);
    expect(
      drawSample(
        rolledDaily.population.filter((p) => fresh.keys.includes(p.key)),
        fresh.size,
        rolled.seed,
        fresh.stream,
      ).map((i) => i.key),
    ).toEqual(fresh.items);
    // Q4 ended after the interim draw: the quarterly control's roll-forward takes it.
    expect(sampledControl(rolled, "AC-06").draws[1]?.keys).toEqual(["2026-Q4"]);
    expect((await verifyAuditLog(t.ctx, owner)).records).toEqual([]);
    await expectAppError(() => rollForwardSample(t.ctx, auditor, id), "INVALID_STATE");
  });
});

describe("a test of one only when it is earned", () => {
  it("relies on the ITGCs the auditor names as tested, and refuses them after an exception", async () => {
    const id = await type2InFieldwork(t.ctx, owner, "2026-07-01", "2026-12-31");
    const auditor = await assignedAuditor(t.ctx, owner, id);
    const sample = await drawEngagementSample(t.ctx, auditor, id, {
      seed: "itgc",
      itgcTested: true,
    });
    const backups = sampledControl(sample, "BC-04"); // automated, daily
    expect(backups.sampleSize).toBe(1);
    expect(backups.reliesOn).toContain("CM-02");
    expect(backups.reliesOn).toContain("AC-02");
    expect(backups.reliesOn.every((ref) => /^(CM|AC)-/.test(ref))).toBe(true);
    expect(backups.basis).toContain("a test of one, relying on the IT general controls");
    expect(sampledControl(sample, "CM-03").reliesOn).not.toContain("CM-03");
    expect(sampledControl(sample, "GV-11").reliesOn).toEqual([]);

    const cm01 = sampledControl(sample, "CM-03");
    await recordItemResult(t.ctx, auditor, id, {
      control: "CM-03",
      item: cm01.items[0]!,
      result: "exception",
      description: "Branch protection was off for a day.",
    });
    t.advance(75 * DAY);
    const refused = await expectAppError(
      () => rollForwardSample(t.ctx, auditor, id, { itgcTested: true }),
      "VALIDATION_FAILED",
    );
    expect(refused.message).toContain("the IT general controls CM-03 have exceptions in E-1");
    // Without the reliance, the roll-forward sizes the automated control by its frequency.
    const rolled = await rollForwardSample(t.ctx, auditor, id);
    const daily = sampledControl(rolled, "BC-04");
    expect(daily.sampleSize).toBe(25);
    expect(daily.basis).toContain("sized by frequency");
  });
});
