/** The auditor's request list: opening, answering with evidence, deciding, tasks and counts. */
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { createOrg, expectAppError } from "../../../test/support/fixtures.ts";
import { assignedAuditor } from "../../../test/support/auditor.ts";
import { itemsOf, sampledEngagement } from "../../../test/support/fieldwork.ts";
import { addMember } from "../../../test/support/members.ts";
import type { Actor } from "../../domain/actor.ts";
import type { ErrorCode } from "../../domain/errors.ts";
import type { EngagementSample } from "../../domain/engagement.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { updateControl } from "../program/controls.service.ts";
import { addEvidence, listEvidence, showEvidence } from "../program/evidence.service.ts";
import { listTasks } from "../program/tasks.service.ts";
import { createEngagement } from "./engagements.service.ts";
import {
  acceptRequest,
  answerRequest,
  commentOnRequest,
  returnRequest,
} from "./request-answers.service.ts";
import {
  listEngagementRequests,
  openRequest,
  openRequestCounts,
  openRequestsForMissingEvidence,
} from "./requests.service.ts";
import { recordItemResult } from "./testing.service.ts";

let t: TestContext;
let owner: Actor;
let dev: Actor;
let engagement: string;
let auditor: Actor;
let sample: EngagementSample;

beforeEach(async () => {
  t = await createTestContext(new Date("2026-11-02T12:00:00Z"));
  owner = await createOrg(t.ctx, { timeZone: "Europe/London" });
  dev = await addMember(t, owner, "control-owner", "dev@acme.test");
  await updateControl(t.ctx, owner, "GV-11", { owner: "dev@acme.test" });
  ({ id: engagement, auditor, sample } = await sampledEngagement(t.ctx, owner, ["GV-11"]));
});
afterEach(async () => {
  await t.close();
});

/** Refused with this code, and with a message saying why when a pattern is given. */
async function refused(work: () => Promise<unknown>, code: ErrorCode, why?: RegExp) {
  const error = await expectAppError(work, code);
  if (why !== undefined) expect(error.message).toMatch(why);
}

const file = (text: string) => ({
  content: Readable.from([Buffer.from(text)]),
  fileName: "minutes.txt",
  mediaType: "text/plain",
});

describe("requests", () => {
  it("are opened by the auditor for a sampled item, answered by the control's owner with an upload, and accepted", async () => {
    const item = itemsOf(sample, "GV-11")[0] ?? "";
    const request = await openRequest(t.ctx, auditor, engagement, {
      control: "gv-11",
      item,
      to: "Dev@Acme.test",
      dueOn: "2026-11-09",
    });
    expect(request).toMatchObject({
      ref: "R-1",
      control: "GV-11",
      item,
      addressee: "dev@acme.test",
      status: "open",
      evidence: [],
    });
    expect(request.description).toMatch(/^Evidence that GV-11 operated for /);
    // The item in words, as people read it: a monthly item is its month.
    const month = new Date(`${item}-01T00:00:00Z`).toLocaleString("en-GB", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    expect(request.itemLabel).toBe(month);
    const listed = await listEngagementRequests(t.ctx, dev, engagement);
    expect(listed.items.map((r) => [r.ref, r.item, r.itemLabel])).toEqual([["R-1", item, month]]);

    // The addressee's task, overdue once the due day has passed.
    const tasks = await listTasks(t.ctx, dev, { mine: true, source: "audit-request" });
    expect(tasks).toEqual([
      expect.objectContaining({
        id: `audit-request:${engagement}/R-1`,
        title: `Answer the auditor's request R-1 (${engagement}): GV-11 · ${month}`,
        status: "open",
        dueBy: "2026-11-09",
        link: `/engagements/${engagement}/requests`,
      }),
    ]);
    t.advance(10 * 86_400_000);
    expect((await listTasks(t.ctx, dev, { mine: true, source: "audit-request" }))[0]?.status).toBe(
      "overdue",
    );
    expect(await openRequestCounts(t.ctx, auditor, engagement)).toMatchObject({
      open: 1,
      overdue: 1,
      total: 1,
    });

    const answered = await answerRequest(
      t.ctx,
      dev,
      engagement,
      "r-1",
      { comment: "The minutes of that month." },
      file("minutes"),
    );
    expect(answered.status).toBe("submitted");
    expect(answered.itemLabel).toBe(month);
    expect(answered.evidence).toHaveLength(1);
    expect(answered.comments).toEqual([
      expect.objectContaining({ side: "company", body: "The minutes of that month." }),
    ]);
    // Stored through the evidence service: linked to the control, dated for the item.
    const occurrence = sample.controls
      .find((c) => c.controlRef === "GV-11")
      ?.population.find((p) => p.key === item);
    const uploaded = await showEvidence(t.ctx, auditor, answered.evidence[0]?.id ?? "");
    expect(uploaded.evidence).toMatchObject({
      kind: "file",
      controls: ["GV-11"],
      forFrom: occurrence?.from,
      forTo: occurrence?.to,
    });
    expect(await listTasks(t.ctx, dev, { mine: true, source: "audit-request" })).toEqual([]);

    // Until the auditor accepts the answer, the item still has no evidence to pass on.
    await refused(
      () =>
        recordItemResult(t.ctx, auditor, engagement, { control: "GV-11", item, result: "pass" }),
      "VALIDATION_FAILED",
      /cannot pass/,
    );
    const accepted = await acceptRequest(t.ctx, auditor, engagement, "R-1");
    expect(accepted).toMatchObject({ status: "accepted", decidedBy: auditor.name });
    // With the evidence accepted, the item can pass.
    await recordItemResult(t.ctx, auditor, engagement, {
      control: "GV-11",
      item,
      result: "pass",
    });

    const log = await listAuditLog(t.ctx, owner, { limit: 50 });
    expect(
      log.items.map((e) => e.action).filter((a) => a.startsWith("engagement.request")),
    ).toEqual([
      "engagement.request-accepted",
      "engagement.request-answered",
      "engagement.request-opened",
    ]);
    // The auditor reads the same exchange in their log.
    const theirs = await listAuditLog(t.ctx, auditor, { limit: 50 });
    expect(theirs.items.some((e) => e.action === "engagement.request-answered")).toBe(true);
  });

  it("refuses what is not the auditor's to ask, or not the addressee's to answer", async () => {
    const item = itemsOf(sample, "GV-11")[0] ?? "";
    const ask = { control: "GV-11", item, to: "dev@acme.test", dueOn: "2026-11-09" };
    await refused(() => openRequest(t.ctx, owner, engagement, ask), "FORBIDDEN");
    const other = await createEngagement(t.ctx, owner, {
      type: 2,
      from: "2026-04-01",
      to: "2026-09-30",
      auditFirm: "Other LLP",
    });
    const stranger = await assignedAuditor(t.ctx, owner, `E-${other.number}`, {
      name: "Sam Other",
      email: "sam@other.example",
    });
    await refused(() => openRequest(t.ctx, stranger, engagement, ask), "NOT_FOUND");
    await refused(() => listEngagementRequests(t.ctx, stranger, engagement), "NOT_FOUND");
    await refused(
      () => openRequest(t.ctx, auditor, engagement, { ...ask, item: "1999-01" }),
      "VALIDATION_FAILED",
      /not in GV-11's sample/,
    );
    await addMember(t, owner, "employee", "emp@acme.test");
    await refused(
      () => openRequest(t.ctx, auditor, engagement, { ...ask, to: "emp@acme.test" }),
      "VALIDATION_FAILED",
      /employee and cannot supply evidence/,
    );
    await refused(
      () => openRequest(t.ctx, auditor, engagement, { ...ask, to: "nobody@acme.test" }),
      "VALIDATION_FAILED",
      /not the email of a member/,
    );
    await refused(
      () => openRequest(t.ctx, auditor, engagement, { ...ask, dueOn: "2026-11-01" }),
      "VALIDATION_FAILED",
      /in the past/,
    );
    await refused(
      () => openRequest(t.ctx, auditor, engagement, { to: "dev@acme.test", dueOn: "2026-11-09" }),
      "VALIDATION_FAILED",
      /description/,
    );
    await openRequest(t.ctx, auditor, engagement, ask);
    await refused(() => openRequest(t.ctx, auditor, engagement, ask), "CONFLICT", /R-1/);

    // Another control owner neither sees nor answers it.
    const ops = await addMember(t, owner, "control-owner", "ops@acme.test");
    expect((await listEngagementRequests(t.ctx, ops, engagement)).items).toEqual([]);
    await refused(() => answerRequest(t.ctx, ops, engagement, "R-1", {}, file("x")), "NOT_FOUND");
    await refused(
      () => answerRequest(t.ctx, dev, engagement, "R-1", {}),
      "VALIDATION_FAILED",
      /evidence/,
    );
    await refused(() => acceptRequest(t.ctx, auditor, engagement, "R-1"), "INVALID_STATE");
    await refused(() => acceptRequest(t.ctx, owner, engagement, "R-1"), "FORBIDDEN");
    // Nothing was written by the refusals: one request, still open, no evidence.
    const list = await listEngagementRequests(t.ctx, owner, engagement);
    expect(list.items.map((r) => [r.ref, r.status, r.evidence.length])).toEqual([
      ["R-1", "open", 0],
    ]);
  });

  it("links existing evidence from the period, is returned with a reason, and answered again", async () => {
    await addEvidence(
      t.ctx,
      owner,
      { kind: "link", url: "https://wiki.test/handbook" },
      { title: "Handbook", controls: [], forDate: "2026-05-04" },
    );
    await addEvidence(
      t.ctx,
      owner,
      { kind: "link", url: "https://wiki.test/old" },
      { title: "Old handbook", controls: [], forDate: "2025-05-04" },
    );
    const all = await listEvidence(t.ctx, owner);
    const inPeriod = all.find((e) => e.title === "Handbook")?.id ?? "";
    const before = all.find((e) => e.title === "Old handbook")?.id ?? "";
    const request = await openRequest(t.ctx, auditor, engagement, {
      description: "The employee handbook in force during the period.",
      to: "dev@acme.test",
      dueOn: "2026-11-20",
    });
    expect([request.control, request.item, request.itemLabel]).toEqual([null, null, null]);
    await refused(
      () => answerRequest(t.ctx, owner, engagement, request.ref, { evidence: [before] }),
      "VALIDATION_FAILED",
      /outside E-\d+'s period/,
    );
    await answerRequest(t.ctx, owner, engagement, request.ref, { evidence: [inPeriod] });
    await refused(
      () => returnRequest(t.ctx, auditor, engagement, request.ref, { reason: "no" }),
      "VALIDATION_FAILED",
      /reason/,
    );
    const returned = await returnRequest(t.ctx, auditor, engagement, request.ref, {
      reason: "This is the draft; send the approved version.",
    });
    expect(returned).toMatchObject({ status: "returned" });
    await commentOnRequest(t.ctx, auditor, engagement, request.ref, {
      body: "The one signed by the CEO.",
    });
    expect(
      (await listTasks(t.ctx, dev, { mine: true, source: "audit-request" }))[0]?.reason ?? "",
    ).toMatch(/returned your answer/);
    t.advance(3_600_000);
    const again = await answerRequest(
      t.ctx,
      dev,
      engagement,
      request.ref,
      { comment: "Signed copy." },
      file("signed"),
    );
    expect(again.status).toBe("submitted");
    expect(again.evidence.map((e) => e.title)).toEqual([
      "Handbook",
      `${request.ref} answer: minutes.txt`,
    ]);
    expect(again.comments.map((c) => [c.side, c.body])).toEqual([
      ["auditor", "The one signed by the CEO."],
      ["company", "Signed copy."],
    ]);
    expect((await listEngagementRequests(t.ctx, auditor, engagement)).counts).toMatchObject({
      submitted: 1,
      total: 1,
    });
  });

  it("are opened in one action for every sampled item lacking evidence, to each control's owner", async () => {
    await addMember(t, owner, "admin", "ops@acme.test");
    const lacking = sample.controls.flatMap((c) =>
      c.population
        .filter((p) => c.items.includes(p.key) && p.evidence.length === 0)
        .map((p) => `${c.controlRef} ${p.key}`),
    );
    expect(lacking.some((key) => key.startsWith("GV-11 "))).toBe(true);
    expect(lacking.some((key) => !key.startsWith("GV-11 "))).toBe(true);
    // One item is already asked for: it is counted, not asked again.
    const first = itemsOf(sample, "GV-11")[0] ?? "";
    await openRequest(t.ctx, auditor, engagement, {
      control: "GV-11",
      item: first,
      to: "dev@acme.test",
      dueOn: "2026-11-09",
    });
    // The library's controls have no owner among the members: someone must be named.
    await refused(
      () => openRequestsForMissingEvidence(t.ctx, auditor, engagement, { dueOn: "2026-11-16" }),
      "VALIDATION_FAILED",
      /no owner who can answer: name the member to ask/,
    );
    await refused(
      () => openRequestsForMissingEvidence(t.ctx, owner, engagement, { dueOn: "2026-11-16" }),
      "FORBIDDEN",
    );
    const opened = await openRequestsForMissingEvidence(t.ctx, auditor, engagement, {
      dueOn: "2026-11-16",
      to: "ops@acme.test",
    });
    const rest = lacking.filter((key) => key !== `GV-11 ${first}`);
    expect(opened.opened.map((r) => `${r.control ?? ""} ${r.item ?? ""}`)).toEqual(rest);
    expect(opened.alreadyRequested).toBe(1);
    // GV-11's go to its owner; the rest to the member named.
    for (const request of opened.opened) {
      expect(request.addressee).toBe(
        request.control === "GV-11" ? "dev@acme.test" : "ops@acme.test",
      );
    }
    const again = await openRequestsForMissingEvidence(t.ctx, auditor, engagement, {
      dueOn: "2026-11-16",
    });
    expect(again).toEqual({ opened: [], alreadyRequested: lacking.length });
    const log = await listAuditLog(t.ctx, owner, {
      action: "engagement.request-opened",
      limit: 500,
    });
    expect(log.items).toHaveLength(lacking.length);
  });
});
