/**
 * The request list follows the sample: a redraw withdraws the requests whose item it left out
 * (audited, out of the open counts and the owner's tasks, never answered again), and each
 * draw answers with what it opened, withdrew, and which imported controls it could not ask for.
 */
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assignedAuditor } from "../../../test/support/auditor.ts";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { type2InFieldwork } from "../../../test/support/fieldwork.ts";
import { createOrg, expectAppError } from "../../../test/support/fixtures.ts";
import { addMember } from "../../../test/support/members.ts";
import type { Actor } from "../../domain/actor.ts";
import type { EngagementSample } from "../../domain/engagement.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { updateControl } from "../program/controls.service.ts";
import { listTasks } from "../program/tasks.service.ts";
import { importPopulation, reviewPopulation } from "./populations.service.ts";
import { acceptRequest, answerRequest } from "./request-answers.service.ts";
import { listEngagementRequests } from "./requests.service.ts";
import { drawEngagementSample } from "./sampling.service.ts";

let t: TestContext;
let owner: Actor;
let engagement: string;
beforeEach(async () => {
  t = await createTestContext(new Date("2026-11-02T12:00:00Z"));
  owner = await createOrg(t.ctx, { timeZone: "Europe/London" });
  engagement = await type2InFieldwork(t.ctx, owner, "2026-04-01", "2026-09-30");
});
afterEach(async () => {
  await t.close();
});

/** 40 merged pull requests over the period. */
const CSV = [
  "key,date,label",
  ...Array.from({ length: 40 }, (_, i) => {
    const month = String(4 + (i % 6)).padStart(2, "0");
    const day = String(1 + ((i * 7) % 28)).padStart(2, "0");
    return `PR-${5000 + i},2026-${month}-${day},Pull request #${5000 + i}`;
  }),
].join("\n");

async function importAndAccept(importer: Actor): Promise<Actor> {
  await importPopulation(t.ctx, importer, engagement, {
    control: "CM-02",
    format: "csv",
    content: CSV,
    source: "GitHub",
    completeness: "Every pull request merged to main in the period.",
  });
  const auditor = await assignedAuditor(t.ctx, owner, engagement);
  await reviewPopulation(t.ctx, auditor, engagement, { control: "CM-02", decision: "accept" });
  return auditor;
}

const cm02 = (sample: EngagementSample) =>
  sample.controls.find((c) => c.controlRef === "CM-02")?.items ?? [];

function file(text: string) {
  return { content: Readable.from([Buffer.from(text)]), fileName: "pr.txt" };
}

describe("a redraw and the requests of the items it leaves out", () => {
  it("withdraws those still in play, keeps what was accepted, and asks afresh for what comes back", async () => {
    const sam = await addMember(t, owner, "control-owner", "sam@acme.test");
    await updateControl(t.ctx, owner, "CM-02", { owner: "sam@acme.test" });
    const auditor = await importAndAccept(sam);
    const first = await drawEngagementSample(t.ctx, auditor, engagement, { seed: "first" });
    // The answer names the sampled items in words too, in the order of their keys.
    const drawn = first.controls.find((c) => c.controlRef === "CM-02");
    expect(drawn?.itemLabels).toHaveLength(8);
    drawn?.items.forEach((key, i) =>
      expect(drawn.itemLabels[i]).toMatch(
        new RegExp(`^Pull request #${key.slice(3)} \\(\\d+ \\w+\\)$`),
      ),
    );
    expect(first.requests).toEqual({
      opened: ["R-1", "R-2", "R-3", "R-4", "R-5", "R-6", "R-7", "R-8"],
      alreadyAsked: 0,
      withdrawn: [],
      unasked: [],
    });
    // R-1 accepted, R-2 answered and waiting on the auditor, the rest open.
    await answerRequest(t.ctx, sam, engagement, "R-1", {}, file("approved by lee"));
    await acceptRequest(t.ctx, auditor, engagement, "R-1");
    await answerRequest(t.ctx, sam, engagement, "R-2", {}, file("approved by kim"));
    const before = (await listEngagementRequests(t.ctx, auditor, engagement)).items;
    const itemOf = new Map(before.map((r) => [r.ref, r.item ?? ""]));

    const again = await drawEngagementSample(t.ctx, auditor, engagement, {
      seed: "second",
      redrawReason: "The first seed was typed by the client's staff.",
    });
    const kept = new Set(cm02(again));
    const left = before.filter((r) => !kept.has(r.item ?? ""));
    expect(left.length).toBeGreaterThan(0);
    const leftInPlay = left.filter((r) => r.ref !== "R-1").map((r) => r.ref);
    expect(again.requests.withdrawn).toEqual(leftInPlay);
    const stayed = before.filter((r) => kept.has(r.item ?? "")).length;
    expect(again.requests.alreadyAsked).toBe(stayed);
    expect(again.requests.opened).toHaveLength(cm02(again).length - stayed);

    const list = await listEngagementRequests(t.ctx, auditor, engagement);
    const status = new Map(list.items.map((r) => [r.ref, r.status]));
    for (const ref of leftInPlay) expect(status.get(ref)).toBe("withdrawn");
    expect(status.get("R-1")).toBe("accepted");
    // Still named in words: the occurrence is in the population, only not drawn.
    const withdrawn = list.items.find((r) => r.ref === leftInPlay[0]);
    expect(withdrawn?.itemLabel).toMatch(/^Pull request #50\d\d \(\d+ \w+\)$/);
    expect(withdrawn).toMatchObject({ decidedBy: auditor.name });
    expect(list.counts.withdrawn).toBe(leftInPlay.length);
    expect(list.counts.open + list.counts.submitted).toBe(
      list.items.filter((r) => r.status === "open" || r.status === "submitted").length,
    );
    // Each item now drawn has one request: R-1 accepted and R-2 submitted if kept, else open.
    const decidedKept = ["R-1", "R-2"].filter((ref) => kept.has(itemOf.get(ref) ?? "")).length;
    expect(list.counts.open).toBe(cm02(again).length - decidedKept);
    // Nobody owes a withdrawn request anything: no task, no answer.
    const tasks = await listTasks(t.ctx, sam, { mine: true });
    const asked = tasks
      .filter((task) => task.source === "audit-request")
      .map((task) => task.subject);
    for (const ref of leftInPlay) expect(asked.filter((a) => a.endsWith(` ${ref}`))).toEqual([]);
    expect(asked).toHaveLength(list.counts.open);
    await expectAppError(
      () => answerRequest(t.ctx, sam, engagement, leftInPlay[0] ?? "", {}, file("late")),
      "INVALID_STATE",
    );
    // Each withdrawal is audited, by the auditor who redrew.
    const log = await listAuditLog(t.ctx, owner, {
      action: "engagement.request-withdrawn",
      limit: 100,
    });
    expect(log.items.map((e) => (e.data as { request: string }).request).sort()).toEqual(
      [...leftInPlay].sort(),
    );
    expect(log.items.every((e) => e.actor.name === auditor.name)).toBe(true);
    for (const event of log.items) {
      const data = event.data as { request: string; from: string; item: string };
      expect(data.from).toBe(data.request === "R-2" ? "submitted" : "open");
      expect(data.item).toBe(itemOf.get(data.request));
    }

    // Back to the first seed: the items that return are asked for again, once.
    const back = await drawEngagementSample(t.ctx, auditor, engagement, {
      seed: "first",
      redrawReason: "The second seed was a mistake too.",
    });
    expect(new Set(cm02(back))).toEqual(new Set(cm02(first)));
    const returned = leftInPlay.length;
    expect(back.requests.opened).toHaveLength(returned);
    const after = (await listEngagementRequests(t.ctx, auditor, engagement)).items;
    const pending = after.filter((r) => r.status !== "withdrawn" && r.status !== "accepted");
    const pairs = pending.map((r) => r.item);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(new Set([...pairs, itemOf.get("R-1")])).toEqual(new Set(cm02(back)));
  });
});

describe("the draw's answer about requests", () => {
  it("names an imported control nobody can be asked for, and why", async () => {
    // Imported by the operator acting as owner, who has no account; CM-02 has no owner.
    const auditor = await importAndAccept(owner);
    const sample = await drawEngagementSample(t.ctx, auditor, engagement, { seed: "first" });
    expect(sample.requests).toEqual({
      opened: [],
      alreadyAsked: 0,
      withdrawn: [],
      unasked: [
        {
          control: "CM-02",
          items: 8,
          reason:
            "has no owner, and import 1 was made without an account (no importer email): " +
            "open its requests by hand, naming whom to ask",
        },
      ],
    });
  });

  it("says when the owner set on the control cannot answer and the import has no importer", async () => {
    const eve = await addMember(t, owner, "employee", "eve@acme.test");
    await updateControl(t.ctx, owner, "CM-02", { owner: eve.email ?? "" });
    const auditor = await importAndAccept(owner);
    const sample = await drawEngagementSample(t.ctx, auditor, engagement, { seed: "first" });
    expect(sample.requests.unasked).toEqual([
      {
        control: "CM-02",
        items: 8,
        reason:
          "its owner eve@acme.test is not a member who can supply evidence, and import 1 was " +
          "made without an account (no importer email): open its requests by hand, naming whom to ask",
      },
    ]);
  });
});
