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
import { NEXT_ITEMS_SHOWN, auditorHome } from "./auditor-home.service.ts";
import { addMember } from "../../../test/support/members.ts";
import { createEngagement } from "./engagements.service.ts";
import { openRequest } from "./requests.service.ts";
import { recordControlTest, recordItemResult } from "./testing.service.ts";

let t: TestContext;
let owner: Actor;
beforeEach(async () => {
  t = await createTestContext(new Date("2026-11-02T12:00:00Z"));
  owner = await createOrg(t.ctx, { categories: ["security"] });
});
afterEach(async () => {
  await t.close();
});

describe("the auditor's home", () => {
  it("lists their engagements only, with progress and the next items to test", async () => {
    await addDatedEvidence(t.ctx, owner, "GV-11", MONTHS);
    const { id, auditor, sample } = await sampledEngagement(t.ctx, owner, ["GV-11"]);
    await createEngagement(t.ctx, owner, { type: 1, asOf: "2026-10-31", auditFirm: "Other" });
    const items = itemsOf(sample, "GV-11");
    await recordControlTest(t.ctx, auditor, id, { control: "GV-11", ...INSPECTED });
    await recordItemResult(t.ctx, auditor, id, {
      control: "GV-11",
      item: items[0]!,
      result: "pass",
    });

    const home = await auditorHome(t.ctx, auditor);
    expect(home.map((h) => h.label)).toEqual(["E-1"]);
    const [entry] = home;
    expect(entry?.progress).toEqual({
      controls: 1,
      concluded: 0,
      items: items.length,
      tested: 1,
    });
    expect(entry?.openRequests).toBe(0);
    await addMember(t, owner, "control-owner", "dev@acme.test");
    await openRequest(t.ctx, auditor, id, {
      control: "GV-11",
      item: items[2]!,
      to: "dev@acme.test",
      dueOn: "2026-11-09",
    });
    expect((await auditorHome(t.ctx, auditor))[0]?.openRequests).toBe(1);
    expect(entry?.itemsAwaiting).toBe(items.length - 1);
    expect(entry?.nextItems.length).toBe(Math.min(NEXT_ITEMS_SHOWN, items.length - 1));
    expect(entry?.nextItems[0]).toMatchObject({ control: "GV-11", item: items[1] });
    expect(entry?.nextItems[0]?.label).not.toBe(items[1]);
    // In words: a monthly item is its month, as the testing screen reads it.
    const month = new Date(`${items[1]}-01T00:00:00Z`).toLocaleString("en-GB", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    expect(entry?.nextItems[0]?.label).toBe(month);

    // The company's owner reads every engagement: the one in planning has no progress yet.
    const all = await auditorHome(t.ctx, owner);
    expect(all.map((h) => [h.label, h.progress === null])).toEqual([
      ["E-2", true],
      ["E-1", false],
    ]);
    await expectAppError(() => auditorHome(t.ctx, as(owner, "control-owner")), "FORBIDDEN");
    await expectAppError(() => auditorHome(t.ctx, as(owner, "employee")), "FORBIDDEN");
  });
});
