import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
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
import { as, createOrg, expectAppError } from "../../../test/support/fixtures.ts";
import type { Actor } from "../../domain/actor.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { listEvidence } from "../program/evidence.service.ts";
import { engagementResults, recordControlTest, recordItemResult } from "./testing.service.ts";
import {
  attachToWorkpaper,
  listWorkpaperAttachments,
  readWorkpaperAttachment,
} from "./workpaper-attachments.service.ts";
import {
  engagementWorkpapers,
  recordItemAttributes,
  setWorkpaperSteps,
  showWorkpaper,
} from "./workpapers.service.ts";

let t: TestContext;
let owner: Actor;
beforeEach(async () => {
  t = await createTestContext(new Date("2026-11-02T12:00:00Z"));
  owner = await createOrg(t.ctx, { timeZone: "America/New_York" });
});
afterEach(async () => {
  await t.close();
});

const STEPS = ["Tracker entry has an owner", "Due date set by severity", "Reviewed in the month"];

function file(content: string, fileName = "re-performance.txt") {
  return { content: Readable.from([Buffer.from(content)]), fileName, mediaType: "text/plain" };
}

describe("test steps and attribute results", () => {
  it("derives each item's result from its attributes, as the conclusion rules read it", async () => {
    await addDatedEvidence(t.ctx, owner, "GV-11", MONTHS);
    const { id, auditor, sample } = await sampledEngagement(t.ctx, owner, ["GV-11"]);
    const [first, second] = itemsOf(sample, "GV-11");
    await recordControlTest(t.ctx, auditor, id, { control: "GV-11", ...INSPECTED });
    const steps = await setWorkpaperSteps(t.ctx, auditor, id, { control: "gv-11", steps: STEPS });
    expect(steps.map((s) => s.id)).toEqual([1, 2, 3]);

    await recordItemAttributes(t.ctx, auditor, id, {
      control: "GV-11",
      item: first!,
      attributes: ["met", "met", "not-applicable"],
      note: "Owner named in the tracker export.",
    });
    await recordItemAttributes(t.ctx, auditor, id, {
      control: "GV-11",
      item: second!,
      attributes: ["met", "not-met", "met"],
    });
    const results = await engagementResults(t.ctx, auditor, id);
    const gv11 = results.controls.find((c) => c.controlRef === "GV-11")!;
    expect(gv11.conclusion).toBe("exception-noted");
    expect(gv11.exceptions).toHaveLength(1);
    expect(gv11.exceptions[0]).toMatchObject({
      itemKey: second,
      description: "Attribute not met: 2. Due date set by severity.",
      recordedBy: "Dana Whitfield",
    });

    const paper = await showWorkpaper(t.ctx, auditor, id, "GV-11");
    const one = paper.items.find((i) => i.key === first)!;
    expect(one).toMatchObject({
      result: "pass",
      attributes: ["met", "met", "not-applicable"],
      note: "Owner named in the tracker export.",
      description: "Owner named in the tracker export.",
    });
    // Labels in words: a monthly item is its month.
    expect(one.label).toMatch(/^(April|May|June|July|August|September) 2026$/);
    expect(one.evidence[0]?.title).toMatch(/GV-11|2026/);

    // Turning the deviation into a pass records a pass: nothing is left of the exception.
    await recordItemAttributes(t.ctx, auditor, id, {
      control: "GV-11",
      item: second!,
      attributes: ["met", "met", "met"],
    });
    const after = await engagementResults(t.ctx, auditor, id);
    expect(after.controls.find((c) => c.controlRef === "GV-11")?.exceptions).toEqual([]);

    const log = await listAuditLog(t.ctx, owner, { limit: 200 });
    const actions = log.items.map((e) => e.action);
    expect(actions).toContain("engagement.workpaper-steps-set");
    expect(actions.filter((a) => a === "engagement.workpaper-item-recorded")).toHaveLength(3);
    // Each derived result is a result like any other in the trail.
    expect(actions.filter((a) => a === "engagement.result-recorded")).toHaveLength(3);
  });

  it("keeps a step's results when steps are added or reordered, and refuses dropping one in use", async () => {
    await addDatedEvidence(t.ctx, owner, "GV-11", MONTHS);
    const { id, auditor, sample } = await sampledEngagement(t.ctx, owner, ["GV-11"]);
    const [first] = itemsOf(sample, "GV-11");
    await setWorkpaperSteps(t.ctx, auditor, id, { control: "GV-11", steps: STEPS });
    await recordItemAttributes(t.ctx, auditor, id, {
      control: "GV-11",
      item: first!,
      attributes: ["met", "not-applicable", "met"],
    });
    const moved = await setWorkpaperSteps(t.ctx, auditor, id, {
      control: "GV-11",
      steps: [STEPS[2]!, "Escalation recorded", STEPS[0]!, STEPS[1]!],
    });
    expect(moved.map((s) => s.id)).toEqual([3, 4, 1, 2]);
    const paper = await showWorkpaper(t.ctx, auditor, id, "GV-11");
    expect(paper.items.find((i) => i.key === first)?.attributes).toEqual([
      "met",
      null,
      "met",
      "not-applicable",
    ]);
    const dropped = await expectAppError(
      () => setWorkpaperSteps(t.ctx, auditor, id, { control: "GV-11", steps: [STEPS[0]!] }),
      "VALIDATION_FAILED",
    );
    expect(dropped.fieldErrors[0]?.field).toBe("steps");
    expect(dropped.message).toContain("Reviewed in the month");
  });

  it("names the field and the reason for bad input, and writes nothing", async () => {
    await addDatedEvidence(t.ctx, owner, "GV-11", MONTHS);
    const { id, auditor, sample } = await sampledEngagement(t.ctx, owner, ["GV-11"]);
    const [first] = itemsOf(sample, "GV-11");
    const noSteps = await expectAppError(
      () =>
        recordItemAttributes(t.ctx, auditor, id, {
          control: "GV-11",
          item: first!,
          attributes: ["met"],
        }),
      "VALIDATION_FAILED",
    );
    expect(noSteps.message).toContain("no test steps");
    await setWorkpaperSteps(t.ctx, auditor, id, { control: "GV-11", steps: STEPS });
    const short = await expectAppError(
      () =>
        recordItemAttributes(t.ctx, auditor, id, {
          control: "GV-11",
          item: first!,
          attributes: ["met"],
        }),
      "VALIDATION_FAILED",
    );
    expect(short.message).toContain("one result per step: GV-11 has 3, 1 given");
    const nothing = await expectAppError(
      () =>
        recordItemAttributes(t.ctx, auditor, id, {
          control: "GV-11",
          item: first!,
          attributes: ["not-applicable", "not-applicable", "not-applicable"],
        }),
      "VALIDATION_FAILED",
    );
    expect(nothing.fieldErrors[0]?.field).toBe("attributes");
    const stranger = await expectAppError(
      () =>
        recordItemAttributes(t.ctx, auditor, id, {
          control: "GV-11",
          item: "1999-01",
          attributes: ["met", "met", "met"],
        }),
      "VALIDATION_FAILED",
    );
    expect(stranger.fieldErrors[0]?.field).toBe("item");
    const twice = await expectAppError(
      () => setWorkpaperSteps(t.ctx, auditor, id, { control: "GV-11", steps: ["A", "A"] }),
      "VALIDATION_FAILED",
    );
    expect(twice.message).toContain("each attribute once");
    const paper = await showWorkpaper(t.ctx, auditor, id, "GV-11");
    expect(
      paper.items.every((i) => i.result === null && i.attributes.every((a) => a === null)),
    ).toBe(true);
  });

  it("lets a passed item carry a note alone, and keeps the direct result path as it was", async () => {
    await addDatedEvidence(t.ctx, owner, "GV-11", MONTHS);
    const { id, auditor, sample } = await sampledEngagement(t.ctx, owner, ["GV-11"]);
    const [first] = itemsOf(sample, "GV-11");
    await recordItemResult(t.ctx, auditor, id, { control: "GV-11", item: first!, result: "pass" });
    await recordItemAttributes(t.ctx, auditor, id, {
      control: "GV-11",
      item: first!,
      note: "Checked against the tracker's history too.",
    });
    const item = (await showWorkpaper(t.ctx, auditor, id, "GV-11")).items.find(
      (i) => i.key === first,
    );
    expect(item).toMatchObject({
      result: "pass",
      note: "Checked against the tracker's history too.",
    });
  });

  it("counts progress in controls concluded and items tested", async () => {
    await addDatedEvidence(t.ctx, owner, "GV-11", MONTHS);
    const { id, auditor, sample } = await sampledEngagement(t.ctx, owner, ["GV-11"]);
    const items = itemsOf(sample, "GV-11");
    const before = await engagementWorkpapers(t.ctx, auditor, id);
    expect(before.progress.tested).toBe(0);
    expect(before.progress.sentence).toMatch(/^0 of 1 control concluded, 0 of \d+ items tested$/);
    await recordControlTest(t.ctx, auditor, id, { control: "GV-11", ...INSPECTED });
    for (const item of items) {
      await recordItemResult(t.ctx, auditor, id, { control: "GV-11", item, result: "pass" });
    }
    const after = await engagementWorkpapers(t.ctx, auditor, id);
    expect(after.progress.tested).toBe(items.length);
    expect(after.progress.concluded).toBe(before.progress.concluded + 1);
    expect(after.progress.sentence).toContain(`${items.length} of ${after.progress.items} items`);
    expect(after.progress).toMatchObject({ controls: 1, concluded: 1 });
    // Controls not in place are listed (their conclusion says why) but not counted.
    expect(after.controls.length).toBeGreaterThan(after.progress.controls);
  });
});

describe("the auditor's own files", () => {
  it("are stored apart from evidence and read by the auditor alone", async () => {
    await addDatedEvidence(t.ctx, owner, "GV-11", MONTHS);
    const { id, auditor, sample } = await sampledEngagement(t.ctx, owner, ["GV-11"]);
    const [first] = itemsOf(sample, "GV-11");
    const evidenceBefore = await listEvidence(t.ctx, owner, {});
    const attached = await attachToWorkpaper(
      t.ctx,
      auditor,
      id,
      { control: "GV-11", item: first! },
      file("re-performed the review"),
    );
    await attachToWorkpaper(t.ctx, auditor, id, { control: "GV-11" }, file("whole control"));
    expect(attached).toMatchObject({ controlRef: "GV-11", itemKey: first, size: 23 });

    const listed = await listWorkpaperAttachments(t.ctx, auditor, id, "GV-11");
    expect(listed.map((a) => a.itemKey)).toEqual(expect.arrayContaining([first, null]));
    expect(listed).toHaveLength(2);
    const read = await readWorkpaperAttachment(t.ctx, auditor, id, attached.id);
    expect(await text(read.content)).toBe("re-performed the review");
    const mine = await engagementWorkpapers(t.ctx, auditor, id);
    const control = mine.controls.find((c) => c.controlRef === "GV-11")!;
    expect(control.attachments).toHaveLength(2);
    expect(control.items.find((i) => i.key === first)?.attachments).toBe(1);

    // Not evidence: the company's evidence list is as it was.
    expect((await listEvidence(t.ctx, owner, {})).length).toBe(evidenceBefore.length);
    // Every company role is refused, the owner included, whatever the call.
    for (const role of ["owner", "admin", "control-owner", "employee"] as const) {
      const company = as(owner, role);
      await expectAppError(() => listWorkpaperAttachments(t.ctx, company, id), "FORBIDDEN");
      await expectAppError(
        () => readWorkpaperAttachment(t.ctx, company, id, attached.id),
        "FORBIDDEN",
      );
      await expectAppError(
        () => attachToWorkpaper(t.ctx, company, id, { control: "GV-11" }, file("x")),
        "FORBIDDEN",
      );
    }
    // The owner's workpaper view holds no trace of them, not even a count.
    const theirs = await engagementWorkpapers(t.ctx, owner, id);
    const seen = theirs.controls.find((c) => c.controlRef === "GV-11")!;
    expect(seen.attachments).toEqual([]);
    expect(seen.items.every((i) => i.attachments === 0)).toBe(true);
    // The trail records the upload by hash, without the file's name.
    const log = await listAuditLog(t.ctx, owner, { limit: 200 });
    const event = log.items.find((e) => e.action === "engagement.workpaper-attached");
    expect(JSON.stringify(event)).not.toContain("re-performance.txt");
  });

  it("refuses an item outside the sample and an empty file, and a stranger's id is not found", async () => {
    await addDatedEvidence(t.ctx, owner, "GV-11", MONTHS);
    const { id, auditor } = await sampledEngagement(t.ctx, owner, ["GV-11"]);
    const outside = await expectAppError(
      () => attachToWorkpaper(t.ctx, auditor, id, { control: "GV-11", item: "1999-01" }, file("x")),
      "VALIDATION_FAILED",
    );
    expect(outside.fieldErrors[0]?.field).toBe("item");
    await expectAppError(
      () => attachToWorkpaper(t.ctx, auditor, id, { control: "GV-11" }, file("")),
      "VALIDATION_FAILED",
    );
    await expectAppError(
      () => readWorkpaperAttachment(t.ctx, auditor, id, "00000000-0000-0000-0000-000000000000"),
      "NOT_FOUND",
    );
    expect(await listWorkpaperAttachments(t.ctx, auditor, id)).toEqual([]);
  });
});
