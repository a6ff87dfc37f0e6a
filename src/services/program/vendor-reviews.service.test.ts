import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { addMember } from "../../../test/support/members.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { Actor } from "../../domain/actor.ts";
import { listEvidence } from "./evidence.service.ts";
import { listTasks } from "./tasks.service.ts";
import type { ReviewInput } from "./vendor-inputs.ts";
import { recordVendorReview } from "./vendor-reviews.service.ts";
import { createVendor, showVendor } from "./vendors.service.ts";
import { updateControl } from "./controls.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

const DAY = 24 * 60 * 60 * 1000;

async function slackOwnedByMaya(): Promise<Actor> {
  const maya = await addMember(t, owner, "admin", "maya@acme.example");
  await createVendor(t.ctx, owner, {
    name: "Slack",
    service: "Team chat",
    tier: 3,
    owner: "maya@acme.example",
  });
  return maya;
}

describe("the yearly vendor review", () => {
  it("is a task of the vendor's owner, overdue past its day, closed by the review", async () => {
    const maya = await slackOwnedByMaya();
    const tasks = await listTasks(t.ctx, maya, { source: "vendor-review" });
    expect(tasks).toEqual([
      expect.objectContaining({
        id: "vendor-review:V-1",
        title: "Review vendor V-1 Slack",
        reason: "the yearly review of this tier 3 (low) vendor is due by 2026-04-01",
        link: "/vendors/V-1",
        dueBy: "2026-04-01",
        status: "open",
      }),
    ]);
    t.advance(31 * DAY);
    expect((await listTasks(t.ctx, maya, { source: "vendor-review" }))[0]?.status).toBe("overdue");

    await recordVendorReview(t.ctx, maya, "V-1", {
      checked: ["still-needed", "data-confirmed"],
      outcome: "approved",
    });
    expect(await listTasks(t.ctx, maya, { source: "vendor-review" })).toEqual([]);
    // A year on, it comes round again.
    t.advance(340 * DAY);
    expect(await listTasks(t.ctx, maya, { source: "vendor-review" })).toHaveLength(1);
  });

  it("files the review as a record of evidence for RM-06 and RM-07", async () => {
    await slackOwnedByMaya();
    const review = await recordVendorReview(t.ctx, owner, "slack", {
      checked: ["still-needed"],
      outcome: "approved-with-actions",
      notes: "The data we share has grown: update the inventory this month.",
    });
    expect(review).toMatchObject({ ref: "VRV-1", tier: 3, reviewedOn: "2026-03-02" });
    const evidence = await listEvidence(t.ctx, owner, { control: "RM-06" });
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({
      id: review.evidenceId,
      kind: "record",
      source: "automated",
      recordKind: "vendor-review",
      controls: ["RM-06", "RM-07"],
      forFrom: "2026-03-02",
    });
    const data = evidence[0]?.recordData as { checklist: { item: string; confirmed: boolean }[] };
    expect(data.checklist).toEqual([
      expect.objectContaining({ item: "still-needed", confirmed: true }),
      expect.objectContaining({ item: "data-confirmed", confirmed: false }),
    ]);
    const detail = await showVendor(t.ctx, owner, "V-1");
    expect(detail.reviews.map((r) => r.ref)).toEqual(["VRV-1"]);
    expect(detail.vendor.reviewDueBy).toBe("2027-03-02");
    expect(detail.history.map((h) => h.sentence)).toContain(
      "Vendor V-1 reviewed on 2026-03-02 as VRV-1 (tier 3): approved-with-actions, 1 check confirmed",
    );
  });

  it("scales by tier and refuses an approval with items left open", async () => {
    await slackOwnedByMaya();
    const notOnList = await expectAppError(
      () =>
        recordVendorReview(t.ctx, owner, "V-1", {
          checked: ["questionnaire"],
          outcome: "approved-with-actions",
          notes: "Questionnaire sent.",
        }),
      "VALIDATION_FAILED",
    );
    expect(notOnList.fieldErrors[0]).toEqual({
      field: "checked.0",
      message:
        '"questionnaire" is not on the review of a tier 3 vendor; its items are still-needed, data-confirmed',
    });
    const open = await expectAppError(
      () =>
        recordVendorReview(t.ctx, owner, "V-1", { checked: ["still-needed"], outcome: "approved" }),
      "VALIDATION_FAILED",
    );
    expect(open.fieldErrors[0]?.field).toBe("outcome");
    const silent = await expectAppError(
      () => recordVendorReview(t.ctx, owner, "V-1", { checked: [], outcome: "replace" }),
      "VALIDATION_FAILED",
    );
    expect(silent.fieldErrors[0]?.field).toBe("notes");
    expect((await showVendor(t.ctx, owner, "V-1")).reviews).toEqual([]);
  });

  describe("who may record it (least privilege: a vendor's owner reviews their own vendor)", () => {
    const review: ReviewInput = {
      checked: ["still-needed", "data-confirmed"],
      outcome: "approved",
    };

    it("a control owner who owns the vendor records its review, filed on RM-06 and RM-07 they do not own", async () => {
      const omar = await addMember(t, owner, "control-owner", "omar@acme.example");
      await addMember(t, owner, "admin", "maya@acme.example");
      await updateControl(t.ctx, owner, "RM-06", { owner: "maya@acme.example" });
      await createVendor(t.ctx, owner, {
        name: "Slack",
        service: "Team chat",
        tier: 3,
        owner: "omar@acme.example",
      });
      expect(await listTasks(t.ctx, omar, { source: "vendor-review" })).toHaveLength(1);
      const recorded = await recordVendorReview(t.ctx, omar, "V-1", review);
      expect(recorded).toMatchObject({ ref: "VRV-1", reviewedBy: "omar" });
      const evidence = await listEvidence(t.ctx, owner, { control: "RM-07" });
      expect(evidence.map((e) => [e.id, e.controls, e.addedBy])).toEqual([
        [recorded.evidenceId, ["RM-06", "RM-07"], "omar"],
      ]);
      expect(await listTasks(t.ctx, omar, { source: "vendor-review" })).toEqual([]);
    });

    it("refuses a control owner a vendor they do not own, an employee and an auditor, writing nothing", async () => {
      const omar = await addMember(t, owner, "control-owner", "omar@acme.example");
      const erin = await addMember(t, owner, "employee", "erin@acme.example");
      const ada = await addMember(t, owner, "auditor", "ada@audit.example");
      await slackOwnedByMaya();
      await createVendor(t.ctx, owner, { name: "Zoom", service: "Calls", tier: 3 });
      const before = await snapshotDatabase(t.ctx.db);
      for (const [actor, vendor] of [
        [omar, "V-1"],
        [omar, "V-2"],
        [erin, "V-1"],
        [ada, "V-1"],
      ] as const) {
        const refused = await expectAppError(
          () => recordVendorReview(t.ctx, actor, vendor, review),
          "FORBIDDEN",
        );
        expect(refused.message).toContain("vendor:review");
      }
      expect(await snapshotDatabase(t.ctx.db)).toBe(before);
    });

    it("lets an admin review a vendor someone else owns", async () => {
      await slackOwnedByMaya();
      const sam = await addMember(t, owner, "admin", "sam@acme.example");
      expect((await recordVendorReview(t.ctx, sam, "V-1", review)).ref).toBe("VRV-1");
    });
  });
});
