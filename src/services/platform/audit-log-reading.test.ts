/**
 * Reading the audit log: pages by cursor, filters in the database, the events in words, and
 * what an auditor may read (the events about their engagements, nothing organization-wide).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { fileContent } from "../../../test/support/evidence.ts";
import { as, createOrg, expectAppError } from "../../../test/support/fixtures.ts";
import type { Actor } from "../../domain/actor.ts";
import type { EvidenceItem } from "../../domain/evidence.ts";
import type { Engagement } from "../../domain/engagement.ts";
import { advanceEngagement, createEngagement } from "../fieldwork/engagements.service.ts";
import { updateControl } from "../program/controls.service.ts";
import { addEvidence, linkEvidenceToControl, removeEvidence } from "../program/evidence.service.ts";
import { listAuditLog, verifyAuditLog } from "./audit-log.service.ts";
import type { AuditLogEntry, AuditLogQuery } from "./audit-log.service.ts";

const DAY = 24 * 60 * 60 * 1000;

let t: TestContext;
let owner: Actor;
let recent: EvidenceItem;
let old: EvidenceItem;
let e1: Engagement;
let e2: Engagement;

// Day 1 (2 March, New York): the organization and its library. Day 2: a control implemented
// and evidence added. Day 3: two engagements, one of them at fieldwork.
beforeEach(async () => {
  t = await createTestContext(new Date("2026-03-02T15:00:00Z"));
  owner = await createOrg(t.ctx, { name: "Acme", timeZone: "America/New_York" });
  t.advance(DAY);
  await updateControl(t.ctx, owner, "AC-04", { status: "implemented" });
  recent = await addEvidence(t.ctx, owner, fileContent("q1 review"), {
    title: "Access review Q1",
    controls: ["AC-04"],
    forDate: "2026-02-15",
  });
  old = await addEvidence(t.ctx, owner, fileContent("old policy"), {
    title: "Old policy",
    forDate: "2024-01-10",
  });
  await linkEvidenceToControl(t.ctx, owner, old.id, "AC-05");
  t.advance(DAY);
  const firm = { auditFirm: "Ledger & Co" };
  e1 = await createEngagement(t.ctx, owner, { type: 1, asOf: "2026-02-28", ...firm });
  e2 = await createEngagement(t.ctx, owner, { type: 1, asOf: "2024-01-31", ...firm });
  await removeEvidence(t.ctx, owner, old.id, { reason: "Superseded by the 2026 policy." });
});
afterEach(async () => {
  await t.close();
});

async function everything(actor: Actor, query: AuditLogQuery = {}): Promise<AuditLogEntry[]> {
  const all: AuditLogEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAuditLog(t.ctx, actor, { ...query, limit: 500, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return all;
}

const sentences = (entries: AuditLogEntry[]) => entries.map((e) => e.sentence);

describe("the audit log, a page at a time", () => {
  it("pages through every event once, newest first, by cursor", async () => {
    const { events } = await verifyAuditLog(t.ctx, owner);
    expect(events).toBeGreaterThan(50);
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditLog(t.ctx, owner, { limit: 7, cursor });
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBe(Math.ceil(events / 7));
    // Events recorded at the same instant come in chain order too.
    expect(seen).toEqual(Array.from({ length: events }, (_, i) => events - i));
  });

  it("words events with their targets as people know them, and changes from → to", async () => {
    const [implemented] = (await listAuditLog(t.ctx, owner, { action: "control.updated" })).items;
    expect(implemented).toMatchObject({
      target: { type: "control", id: "AC-04", label: "AC-04" },
      sentence: "Control AC-04 marked implemented",
      changes: [{ field: "status", from: "not started", to: "implemented" }],
      data: { changes: { status: { from: "not-started", to: "implemented" } } },
    });
    const aboutOld = await listAuditLog(t.ctx, owner, { targetType: "evidence", target: old.id });
    expect(sentences(aboutOld.items)).toEqual([
      "Evidence “Old policy” removed: Superseded by the 2026 policy.",
      "Evidence “Old policy” linked to control AC-05",
      "Evidence “Old policy” added, covering 2024-01-10",
    ]);
    const engagements = await listAuditLog(t.ctx, owner, { action: "engagement.created" });
    expect(engagements.items.map((e) => e.target.label)).toEqual(["E-2", "E-1"]);
    for (const entry of await everything(owner)) {
      expect(entry.sentence).not.toMatch(/[{}[\]"]|undefined|\bnull\b/);
    }
  });

  it("filters by action, target, actor and the organization's local dates", async () => {
    const count = async (query: AuditLogQuery) => (await everything(owner, query)).length;
    expect(await count({ action: "evidence.added" })).toBe(2);
    expect(await count({ action: "Evidence.Added" })).toBe(2);
    expect(await count({ targetType: "engagement" })).toBe(2);
    // A control by its ref, in any case; evidence by title or by the start of its id.
    expect(sentences(await everything(owner, { target: "ac-04" }))).toContain(
      "Control AC-04 marked implemented",
    );
    expect(await count({ targetType: "evidence", target: "access review q1" })).toBe(1);
    expect(await count({ target: recent.id.slice(0, 8) })).toBe(1);
    expect(await count({ target: "Old policy" })).toBe(3);
    // An engagement by its label, with its report's events; the control of that name too.
    expect(sentences(await everything(owner, { target: "E-2" }))).toEqual([
      "Engagement E-2 created: Type 1, as of 2024-01-31, Ledger & Co",
    ]);
    expect(await count({ target: "E-9" })).toBe(0);
    expect(await count({ target: "nothing by that name" })).toBe(0);
    // The command line's operator by name or id; a person by email or name.
    const all = await count({});
    expect(await count({ actor: "ana" })).toBe(all);
    expect(await count({ actor: "operator:ana" })).toBe(all);
    expect(await count({ actor: "someone else" })).toBe(0);
    // Dates are the organization's (New York): 2 March runs to 05:00 UTC on 3 March.
    const first = await everything(owner, { to: "2026-03-02" });
    expect(first.every((e) => e.at < "2026-03-03T05:00:00.000Z")).toBe(true);
    expect(first.at(-1)?.action).toBe("organization.created");
    expect(await count({ from: "2026-03-03", to: "2026-03-03" })).toBe(4);
    expect(await count({ from: "2026-03-04" })).toBe(3);
    expect(await count({ from: "2026-03-03", action: "evidence.added", target: "AC-04" })).toBe(0);
    expect(
      sentences(await everything(owner, { from: "2026-03-03", actor: "ana", target: old.id })),
    ).toHaveLength(3);
    // Filters combine with paging: one event a page, each page still filtered.
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditLog(t.ctx, owner, { action: "evidence.added", limit: 1, cursor });
      paged.push(...page.items.map((e) => e.target.label));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(paged).toEqual(["Old policy", "Access review Q1"]);
  });

  it("refuses a filter it cannot read, naming the field", async () => {
    const field = async (query: Record<string, unknown>) =>
      (await expectAppError(() => listAuditLog(t.ctx, owner, query), "VALIDATION_FAILED"))
        .fieldErrors[0]?.field;
    expect(await field({ action: "control.deleted" })).toBe("action");
    expect(await field({ targetType: "planet" })).toBe("targetType");
    expect(await field({ from: "2026-02-30" })).toBe("from");
    expect(await field({ from: "2026-03-04", to: "2026-03-03" })).toBe("to");
    expect(await field({ cursor: "not-a-cursor" })).toBe("cursor");
    expect(await field({ limit: 0 })).toBe("limit");
    expect(await field({ actor: "" })).toBe("actor");
    expect(await field({ since: "2026-03-01" })).toBe("since");
  });
});

describe("an auditor's audit log", () => {
  it("holds the events about their engagement, its controls and its evidence, nothing else", async () => {
    const auditor = as(owner, "auditor", "user:kim", { engagements: [e1.id] });
    const seen = await everything(auditor);
    const kinds = new Set(seen.map((e) => e.target.type));
    expect([...kinds].sort()).toEqual(["control", "engagement", "evidence"]);
    expect(seen.filter((e) => e.target.type === "engagement").map((e) => e.target.label)).toEqual([
      "E-1",
    ]);
    // Evidence dated inside E-1's year, not the 2024 item (inside E-2's).
    expect(
      new Set(seen.filter((e) => e.target.type === "evidence").map((e) => e.target.id)),
    ).toEqual(new Set([recent.id]));
    // The controls of E-1's categories, as adopted and since.
    expect(sentences(seen)).toContain("Control AC-04 marked implemented");
    expect(seen.some((e) => e.action === "control.adopted")).toBe(true);
    // Nothing organization-wide: not its creation, not its signing key.
    expect(seen.some((e) => e.target.type === "organization")).toBe(false);
    // Filters narrow within the same reach.
    expect((await everything(auditor, { target: "E-2" })).length).toBe(0);
    expect((await everything(auditor, { target: old.id })).length).toBe(0);
    expect((await everything(auditor, { action: "organization.created" })).length).toBe(0);

    const both = as(owner, "auditor", "user:kim", { engagements: [e1.id, e2.id] });
    const wider = await everything(both);
    expect(wider.filter((e) => e.target.id === old.id).map((e) => e.action)).toEqual([
      "evidence.removed",
      "evidence.linked",
      "evidence.added",
    ]);
    expect(await everything(as(owner, "auditor", "user:kim", { engagements: [] }))).toEqual([]);
  });

  it("follows the frozen control set once fieldwork began", async () => {
    let engagement = e1;
    for (let step = 0; step < 3; step += 1) {
      engagement = await advanceEngagement(t.ctx, owner, e1.id);
    }
    expect(engagement.status).toBe("fieldwork");
    const frozen = new Set(engagement.snapshot?.controls.map((c) => c.ref));
    expect(frozen.size).toBeGreaterThan(0);
    const auditor = as(owner, "auditor", "user:kim", { engagements: [e1.id] });
    const controls = (await everything(auditor)).filter((e) => e.target.type === "control");
    expect(controls.length).toBeGreaterThan(0);
    for (const entry of controls) expect(frozen.has(entry.target.id)).toBe(true);
    const moved = (await everything(auditor, { target: "E-1" })).map((e) => e.sentence);
    expect(moved[0]).toMatch(/^Engagement E-1 moved to fieldwork \(\d+ controls frozen\)$/);
  });
});
