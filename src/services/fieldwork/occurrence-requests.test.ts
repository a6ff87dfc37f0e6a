/**
 * Each sampled occurrence of an imported population is a request for its evidence: opened by
 * the draw itself, to the control's owner (else the importer), due in 14 days, never twice.
 */
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assignedAuditor } from "../../../test/support/auditor.ts";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { type2InFieldwork } from "../../../test/support/fieldwork.ts";
import { createOrg } from "../../../test/support/fixtures.ts";
import { addMember } from "../../../test/support/members.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { Actor } from "../../domain/actor.ts";
import type { EngagementSample } from "../../domain/engagement.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { updateControl } from "../program/controls.service.ts";
import { importPopulation, reviewPopulation } from "./populations.service.ts";
import { listEngagementRequests } from "./requests.service.ts";
import { extendControlSample } from "./sample-growth.service.ts";
import { drawEngagementSample, getEngagementSample } from "./sampling.service.ts";
import { recordItemResult } from "./testing.service.ts";

let t: TestContext;
let owner: Actor;
let engagement: string;
beforeEach(async () => {
  // 2 November in London: the requests are due on 16 November.
  t = await createTestContext(new Date("2026-11-02T12:00:00Z"));
  owner = await createOrg(t.ctx, { timeZone: "Europe/London" });
  engagement = await type2InFieldwork(t.ctx, owner, "2026-04-01", "2026-09-30");
});
afterEach(async () => {
  await t.close();
});

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"];
const MONTHS_AFTER = ["September", "October", "November", "December"];
const monthName = (month: number) => [...MONTHS, ...MONTHS_AFTER][month - 1] ?? "?";

/** 40 merged pull requests, one every few days of the period. */
const ROWS = Array.from({ length: 40 }, (_, i) => {
  const month = 4 + (i % 6);
  const day = 1 + ((i * 7) % 28);
  return {
    key: `PR-${5000 + i}`,
    date: `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
    label: `Pull request #${5000 + i}`,
  };
});

async function importAs(actor: Actor): Promise<void> {
  await importPopulation(t.ctx, actor, engagement, {
    control: "CM-02",
    format: "csv",
    content: ["key,date,label", ...ROWS.map((r) => `${r.key},${r.date},${r.label}`)].join("\n"),
    source: "GitHub",
    completeness: "Every pull request merged to main in the period.",
  });
}

async function acceptedAndDrawn(
  seed: string,
): Promise<{ auditor: Actor; sample: EngagementSample }> {
  const auditor = await assignedAuditor(t.ctx, owner, engagement);
  await reviewPopulation(t.ctx, auditor, engagement, { control: "CM-02", decision: "accept" });
  const sample = await drawEngagementSample(t.ctx, auditor, engagement, { seed });
  return { auditor, sample };
}

function cm02(sample: EngagementSample): string[] {
  return sample.controls.find((c) => c.controlRef === "CM-02")?.items ?? [];
}

async function requestsOf(auditor: Actor) {
  return (await listEngagementRequests(t.ctx, auditor, engagement)).items;
}

describe("requests for sampled occurrences of an imported population", () => {
  it("are opened by the draw, one per occurrence, to the control's owner, due in 14 days, in words", async () => {
    const sam = await addMember(t, owner, "control-owner", "sam@acme.test");
    await updateControl(t.ctx, owner, "CM-02", { owner: "sam@acme.test" });
    await importAs(sam);
    const { auditor, sample } = await acceptedAndDrawn("first");
    const items = cm02(sample);
    expect(items).toHaveLength(8);

    const requests = await requestsOf(auditor);
    // Only the imported population's occurrences: calendar controls are asked for by hand.
    expect(requests.map((r) => r.control)).toEqual(items.map(() => "CM-02"));
    expect(requests.map((r) => r.item).sort()).toEqual([...items].sort());
    for (const request of requests) {
      const row = ROWS.find((r) => r.key === request.item);
      if (row === undefined) throw new Error(`${request.item} is not a row`);
      const day = `${Number(row.date.slice(8))} ${monthName(Number(row.date.slice(5, 7)))}`;
      expect(request).toMatchObject({
        addressee: "sam@acme.test",
        dueOn: "2026-11-16",
        status: "open",
        openedBy: auditor.name,
        // In words, within the period: the day without its year.
        itemLabel: `${row.label} (${day})`,
        description: `Evidence that CM-02 operated for ${row.label} (${day} 2026).`,
      });
    }
    // Each with its event, recorded by the auditor who drew.
    const log = await listAuditLog(t.ctx, owner, {
      action: "engagement.request-opened",
      limit: 100,
    });
    expect(log.items).toHaveLength(8);
    expect(log.items.every((e) => e.actor.name === auditor.name)).toBe(true);
    expect(log.items.map((e) => (e.data as { item: string }).item).sort()).toEqual(
      [...items].sort(),
    );
    // The company's side: the owner reads what is asked of them.
    expect((await listEngagementRequests(t.ctx, sam, engagement)).items).toHaveLength(8);
  });

  it("are not opened twice when the sample is drawn again or extended: only new occurrences are asked for, and those left out are withdrawn", async () => {
    const sam = await addMember(t, owner, "control-owner", "sam@acme.test");
    await updateControl(t.ctx, owner, "CM-02", { owner: "sam@acme.test" });
    await importAs(sam);
    const { auditor, sample: first } = await acceptedAndDrawn("first");
    const again = await drawEngagementSample(t.ctx, auditor, engagement, {
      seed: "second",
      redrawReason: "The first seed was typed by the client's staff.",
    });
    const both = new Set([...cm02(first), ...cm02(again)]);
    expect(both.size).toBeGreaterThan(8);
    let requests = await requestsOf(auditor);
    const pairs = requests.map((r) => `${r.control}/${r.item}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(requests.map((r) => r.item).sort()).toEqual([...both].sort());
    expect(again.requests.withdrawn).toHaveLength(both.size - 8);

    // A deviation, then an extension to the next size: the added occurrences only.
    const [deviant] = cm02(again);
    await recordItemResult(t.ctx, auditor, engagement, {
      control: "CM-02",
      item: deviant ?? "",
      result: "exception",
      description: "Merged without an approving review.",
    });
    const extended = await extendControlSample(t.ctx, auditor, engagement, { control: "CM-02" });
    expect(cm02(extended)).toHaveLength(15);
    expect(extended.requests.alreadyAsked).toBe(8);
    expect(extended.requests.opened).toHaveLength(7);
    expect(extended.requests.withdrawn).toEqual([]);
    // The requests still in play are one per item drawn now; the first draw's others were
    // withdrawn by the redraw (an item it brought back was asked for afresh).
    requests = await requestsOf(auditor);
    const live = requests.filter((r) => r.status !== "withdrawn").map((r) => r.item);
    expect([...live].sort()).toEqual([...cm02(extended)].sort());
    const withdrawn = requests.filter((r) => r.status === "withdrawn").map((r) => r.item);
    expect([...withdrawn].sort()).toEqual(
      cm02(first)
        .filter((key) => !cm02(again).includes(key))
        .sort(),
    );
  });

  it("go to whoever imported the rows when the control has no owner, and to nobody rather than a stranger", async () => {
    const ada = await addMember(t, owner, "admin", "ada@acme.test");
    await importAs(ada);
    const { auditor, sample } = await acceptedAndDrawn("first");
    const requests = await requestsOf(auditor);
    expect(requests).toHaveLength(cm02(sample).length);
    expect(new Set(requests.map((r) => r.addressee))).toEqual(new Set(["ada@acme.test"]));
  });

  it("are one transaction with the draw: a request that cannot be recorded leaves no sample", async () => {
    const sam = await addMember(t, owner, "control-owner", "sam@acme.test");
    await updateControl(t.ctx, owner, "CM-02", { owner: "sam@acme.test" });
    await importAs(sam);
    const auditor = await assignedAuditor(t.ctx, owner, engagement);
    await reviewPopulation(t.ctx, auditor, engagement, { control: "CM-02", decision: "accept" });
    // Planted in the database: the first request's event is refused, after the sample's.
    const db = t.ctx.db.kysely;
    if (t.ctx.db.engine === "sqlite") {
      await sql`create trigger planted_failure before insert on audit_events
        when new.action = 'engagement.request-opened'
        begin select raise(abort, 'planted failure'); end`.execute(db);
    } else {
      await sql`create function planted_failure() returns trigger language plpgsql as
        $$ begin if new.action = 'engagement.request-opened' then
          raise exception 'planted failure'; end if; return new; end $$`.execute(db);
      await sql`create trigger planted_failure before insert on audit_events
        for each row execute function planted_failure()`.execute(db);
    }
    const before = await snapshotDatabase(t.ctx.db);
    await expect(
      drawEngagementSample(t.ctx, auditor, engagement, { seed: "first" }),
    ).rejects.toThrow("planted failure");
    expect(await snapshotDatabase(t.ctx.db)).toEqual(before);
    expect(await getEngagementSample(t.ctx, auditor, engagement)).toBeNull();
  });

  it("leave the draw alone when neither owner nor importer can answer", async () => {
    // Imported by the operator acting as owner, who has no account to be asked at.
    await importAs(owner);
    const { auditor, sample } = await acceptedAndDrawn("first");
    expect(cm02(sample)).toHaveLength(8);
    expect(await requestsOf(auditor)).toEqual([]);
  });
});
