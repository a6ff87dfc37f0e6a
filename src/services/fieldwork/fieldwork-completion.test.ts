import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assignedAuditor } from "../../../test/support/auditor.ts";
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
import { updateControl } from "../program/controls.service.ts";
import { advanceEngagement, createEngagement, showEngagement } from "./engagements.service.ts";
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

describe("leaving fieldwork", () => {
  it("needs a result for every sampled item, naming the controls and how many each lacks", async () => {
    await addDatedEvidence(t.ctx, owner, "GV-11", MONTHS);
    await addDatedEvidence(t.ctx, owner, "AC-06", ["2026-06-30", "2026-09-30"]);
    for (const ref of ["GV-11", "AC-06"]) {
      await updateControl(t.ctx, owner, ref, { status: "implemented" });
    }
    const e = await createEngagement(t.ctx, owner, {
      type: 2,
      from: "2026-04-01",
      to: "2026-09-30",
      auditFirm: "Ledger & Co",
    });
    const id = `E-${e.number}`;
    for (let i = 0; i < 3; i += 1) await advanceEngagement(t.ctx, owner, id);
    const unsampled = await expectAppError(
      () => advanceEngagement(t.ctx, owner, id),
      "INVALID_STATE",
    );
    expect(unsampled.message).toContain("has no sample yet");
    const auditor = await assignedAuditor(t.ctx, owner, id);
    const sample = await drawEngagementSample(t.ctx, auditor, id, { seed: "f" });
    for (const ref of ["GV-11", "AC-06"]) {
      await recordControlTest(t.ctx, auditor, id, {
        control: ref,
        ...INSPECTED,
        testedOn: "2026-10-30",
      });
    }
    // One test record per control and one result: the old rule let this leave fieldwork.
    const [g1, g2] = itemsOf(sample, "GV-11");
    await recordItemResult(t.ctx, auditor, id, {
      control: "GV-11",
      item: g1!,
      result: "exception",
      description: "Missed.",
    });
    const open = await expectAppError(() => advanceEngagement(t.ctx, owner, id), "INVALID_STATE");
    expect(open.message).toBe(
      "E-1 cannot leave fieldwork: 2 controls have sampled items without a result " +
        "(AC-06 lacks 2 of 2, GV-11 lacks 1 of 2)",
    );
    expect((await showEngagement(t.ctx, owner, id)).status).toBe("fieldwork");

    await recordItemResult(t.ctx, auditor, id, { control: "GV-11", item: g2!, result: "pass" });
    for (const item of itemsOf(sample, "AC-06")) {
      await recordItemResult(t.ctx, auditor, id, { control: "AC-06", item, result: "pass" });
    }
    expect((await advanceEngagement(t.ctx, owner, id)).status).toBe("draft-report");
    const responded = await respondToException(t.ctx, owner, id, {
      control: "GV-11",
      item: g1!,
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

  it("needs a test record for each control with sampled items", async () => {
    await addDatedEvidence(t.ctx, owner, "GV-11", MONTHS);
    const { id, auditor, sample } = await sampledEngagement(t.ctx, owner, ["GV-11"]);
    for (const item of itemsOf(sample, "GV-11")) {
      await recordItemResult(t.ctx, auditor, id, { control: "GV-11", item, result: "pass" });
    }
    const error = await expectAppError(() => advanceEngagement(t.ctx, owner, id), "INVALID_STATE");
    expect(error.message).toBe(
      "E-1 cannot leave fieldwork: 1 control has no test recorded (GV-11)",
    );
  });
});

describe("Type 1", () => {
  it("records design conclusions only for a Type 1, entered for the assigned auditor", async () => {
    await updateControl(t.ctx, owner, "AC-01", { status: "implemented" });
    const e = await createEngagement(t.ctx, owner, { type: 1, asOf: "2026-10-31", auditFirm: "X" });
    for (let i = 0; i < 3; i += 1) await advanceEngagement(t.ctx, owner, `E-${e.number}`);
    await assignedAuditor(t.ctx, owner, "E-1");
    const test = {
      control: "AC-01",
      methods: ["inspection"],
      procedure: "Inspected the SSO configuration.",
      auditor: "dana@ledger.example",
      testedOn: "2026-10-31",
    };
    await expectAppError(() => recordControlTest(t.ctx, owner, "E-1", test), "VALIDATION_FAILED");
    await recordControlTest(t.ctx, owner, "E-1", { ...test, design: "suitably-designed" });
    const results = await engagementResults(t.ctx, owner, "E-1");
    expect(results.controls.find((c) => c.controlRef === "AC-01")?.conclusion).toBe(
      "suitably-designed",
    );
    // Not in place at the freeze: left out, not "not evaluated".
    expect(results.controls.find((c) => c.controlRef === "AC-02")?.conclusion).toBe(
      "not-implemented",
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
          auditor: "dana@ledger.example",
        }),
      "INVALID_STATE",
    );
    // Only AC-01 was in place, and it is tested: the Type 1 may leave fieldwork.
    expect((await advanceEngagement(t.ctx, owner, "E-1")).status).toBe("draft-report");
  });
});
