import { describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { as, expectAppError } from "../../../test/support/fixtures.ts";
import {
  REPORT_TEST_DAY,
  TEST_OPINION,
  engagementAtDraftReport,
  finalizeAsAuditor,
  recordTestOpinion,
  useReportEngagement,
} from "../../../test/support/report.ts";
import { expectValid, validators } from "../../../test/support/oscal-schemas.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import { findReportVersionByNumber, insertReportVersion } from "../../db/reports.repo.ts";
import { newId, toDbJson } from "../../db/portable.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { canonicalJson } from "../../domain/audit-chain.ts";
import { sha256Hex } from "../../domain/digest.ts";
import { READINESS_NOTICE } from "../../domain/report.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { toOscalAssessmentResults, toOscalSsp } from "./render/oscal.ts";
import { escapeHtml } from "./render/render-html.ts";
import { renderReport } from "./report-output.ts";
import {
  approveAssertion,
  recordOpinion,
  showReportDraft,
  updateAssertion,
  updateSystemDescription,
} from "./report-draft.service.ts";
import { listReviewThreads, openReviewThread, replyToThread } from "./report-review.service.ts";
import {
  currentReportStanding,
  finalizeReport,
  loadReportPackage,
} from "./report-versions.service.ts";

let t: TestContext;
let owner: Actor;
let handle: string;
useReportEngagement((s) => ({ t, owner, handle } = s));

const auditorOf = (engagementId: string) =>
  as(owner, "auditor", "user:dana", { name: "Dana Whitfield", engagements: [engagementId] });

const OPINION = TEST_OPINION;

describe("the system description", () => {
  it("lists what each DC item lacks, and merges partial edits", async () => {
    const fresh = await createTestContext(REPORT_TEST_DAY);
    try {
      const setup = await engagementAtDraftReport(fresh.ctx, { describe: false });
      const empty = (await showReportDraft(fresh.ctx, setup.owner, setup.handle)).package;
      const items = new Set(empty.descriptionGaps.map((g) => g.criterion));
      expect([...items].sort()).toEqual(["DC1", "DC2", "DC3", "DC4", "DC6", "DC7"]);
      const after = await updateSystemDescription(fresh.ctx, setup.owner, setup.handle, {
        services: "Dashboards",
        noIncidents: true,
      });
      const left = new Set(after.package.descriptionGaps.map((g) => g.criterion));
      expect(left.has("DC1")).toBe(false);
      expect(left.has("DC4")).toBe(false);
      expect(left.has("DC3")).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it("refuses bad input naming the field, and changes nothing", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const error = await expectAppError(
      () =>
        updateSystemDescription(t.ctx, owner, handle, {
          subservices: [{ name: "AWS", services: "Hosting", method: "sideways", csocs: [] }],
        }),
      "VALIDATION_FAILED",
    );
    expect(error.fieldErrors[0]?.field).toBe("subservices.0.method");
    await expectAppError(
      () =>
        updateSystemDescription(t.ctx, owner, handle, {
          incidents: [{ date: "2026-02-30" }],
        } as never),
      "VALIDATION_FAILED",
    );
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });
});

describe("assertion and opinion", () => {
  it("starts from the template, and an edit clears the owner's approval", async () => {
    const draft = (await showReportDraft(t.ctx, owner, handle)).package;
    expect(draft.assertion.generated).toBe(true);
    expect(draft.assertion.text).toContain("Acme Dashboards");
    expect(draft.assertion.text).toContain("as of 31 October 2026");
    const approved = await approveAssertion(t.ctx, as(owner, "owner", owner.id), handle);
    expect(approved.package.assertion.approval?.name).toBe(owner.name);
    const edited = await updateAssertion(t.ctx, owner, handle, {
      text: `${draft.assertion.text}\n\nAn added paragraph that changes what management asserts.`,
    });
    expect(edited.package.assertion.approval).toBeNull();
    expect(edited.package.assertion.generated).toBe(false);
  });

  it("lets only an owner approve, and only the assigned auditor record the opinion", async () => {
    const { engagement } = await showReportDraft(t.ctx, owner, handle);
    await expectAppError(() => approveAssertion(t.ctx, as(owner, "admin"), handle), "FORBIDDEN");
    await expectAppError(() => recordOpinion(t.ctx, owner, handle, OPINION), "FORBIDDEN");
    await expectAppError(
      () =>
        recordOpinion(t.ctx, as(owner, "auditor", "user:x", { engagements: [] }), handle, OPINION),
      "NOT_FOUND",
    );
    const withOpinion = await recordOpinion(t.ctx, auditorOf(engagement.id), handle, OPINION);
    expect(withOpinion.package.opinion).toMatchObject({
      type: "unmodified",
      recordedByName: "Dana Whitfield",
    });
  });

  it("shows the readiness notice only while no opinion is recorded", async () => {
    const { engagement } = await showReportDraft(t.ctx, owner, handle);
    const html = async () =>
      (await renderReport(await loadReportPackage(t.ctx, owner, handle), "html")).body.toString();
    expect(await html()).toContain(escapeHtml(READINESS_NOTICE));
    await recordOpinion(t.ctx, auditorOf(engagement.id), handle, OPINION);
    const withOpinion = await html();
    expect(withOpinion).not.toContain(escapeHtml(READINESS_NOTICE));
    expect(withOpinion).toContain("In our opinion, in all material respects:");
    expect(withOpinion).toContain("Boston, Massachusetts");
  });
});

describe("sign-offs cover exactly what was read", () => {
  it("voids the opinion and the approval when the content changes after them", async () => {
    const { engagement, package: read } = await showReportDraft(t.ctx, owner, handle);
    const dana = auditorOf(engagement.id);
    await recordOpinion(t.ctx, dana, handle, { ...OPINION, contentSha256: read.contentSha256 });
    await approveAssertion(t.ctx, owner, handle, { contentSha256: read.contentSha256 });
    const signed = (await showReportDraft(t.ctx, owner, handle)).package;
    expect(signed.contentSha256).toBe(read.contentSha256);
    expect(signed.voidedSignOffs).toEqual([]);

    await updateSystemDescription(t.ctx, as(owner, "admin"), handle, { boundaries: "Changed." });
    const edited = (await showReportDraft(t.ctx, owner, handle)).package;
    expect(edited.contentSha256).not.toBe(read.contentSha256);
    expect(edited.opinion).toBeNull();
    expect(edited.assertion.approval).toBeNull();
    expect(edited.voidedSignOffs).toHaveLength(2);
    const error = await expectAppError(
      () => finalizeAsAuditor(t.ctx, owner, handle),
      "INVALID_STATE",
    );
    expect(error.message).toContain("the auditor's opinion recorded by Dana Whitfield");
    expect(error.message).toContain("an owner must approve it again");
  });

  it("refuses a sign-off on a draft that changed since the signer read it", async () => {
    const read = (await showReportDraft(t.ctx, owner, handle)).package;
    await updateSystemDescription(t.ctx, owner, handle, { boundaries: "Changed meanwhile." });
    const before = await snapshotDatabase(t.ctx.db);
    const error = await expectAppError(
      () => approveAssertion(t.ctx, owner, handle, { contentSha256: read.contentSha256 }),
      "INVALID_STATE",
    );
    expect(error.message).toContain("changed since you read it");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("lets only the side that opened a thread resolve it", async () => {
    const { engagement } = await showReportDraft(t.ctx, owner, handle);
    const dana = auditorOf(engagement.id);
    await openReviewThread(t.ctx, dana, handle, { section: "IV", body: "Where is the test?" });
    const refused = await expectAppError(
      () => replyToThread(t.ctx, owner, handle, "T-1", { action: "resolved", body: "Done." }),
      "FORBIDDEN",
    );
    expect(refused.message).toContain("opened by the auditor");
    await replyToThread(t.ctx, as(owner, "admin"), handle, "T-1", {
      action: "disputed",
      body: "No.",
    });
    await replyToThread(t.ctx, dana, handle, "T-1", { action: "resolved", body: "Fine." });
    expect((await listReviewThreads(t.ctx, owner, handle))[0]?.status).toBe("resolved");
  });
});

describe("OSCAL exports of an assembled package", () => {
  it("validate against NIST's schemas, for the draft and the final version", async () => {
    const draft = await loadReportPackage(t.ctx, owner, handle, "draft");
    expectValid(validators().ssp, toOscalSsp(draft));
    expectValid(validators().ar, toOscalAssessmentResults(draft));
    await approveAssertion(t.ctx, owner, handle);
    await recordTestOpinion(t.ctx, owner, handle);
    await finalizeAsAuditor(t.ctx, owner, handle);
    const final = await loadReportPackage(t.ctx, owner, handle);
    expect(final.state).toBe("final");
    expectValid(validators().ssp, toOscalSsp(final));
    expectValid(validators().ar, toOscalAssessmentResults(final));
  });
});

describe("review and finalization", () => {
  it("refuses to finalize with open threads and an unapproved assertion, listing both, changing nothing", async () => {
    const { engagement } = await showReportDraft(t.ctx, owner, handle);
    const dana = auditorOf(engagement.id);
    await openReviewThread(t.ctx, dana, handle, {
      section: "iii",
      item: "DC3",
      body: "Name the database engine.",
    });
    const before = await snapshotDatabase(t.ctx.db);
    const error = await expectAppError(
      () => finalizeAsAuditor(t.ctx, owner, handle),
      "INVALID_STATE",
    );
    expect(error.message).toContain("review thread T-1 on section III (DC3) is open");
    expect(error.message).toContain("assertion is not approved");
    expect(error.message).toContain("the auditor's opinion is not recorded");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);

    await replyToThread(t.ctx, owner, handle, "T-1", {
      action: "disputed",
      body: "It is listed under software.",
    });
    await approveAssertion(t.ctx, owner, handle);
    const disputed = await expectAppError(
      () => finalizeAsAuditor(t.ctx, owner, handle),
      "INVALID_STATE",
    );
    expect(disputed.message).toContain("T-1");
    expect(disputed.message).toContain("disputed");
    await replyToThread(t.ctx, dana, handle, "T-1", { action: "resolved", body: "Agreed." });
    await recordOpinion(t.ctx, dana, handle, OPINION);
    const threads = await listReviewThreads(t.ctx, owner, handle);
    expect(threads[0]?.comments.map((c) => c.action)).toEqual(["comment", "disputed", "resolved"]);

    const v1 = await finalizeAsAuditor(t.ctx, owner, handle);
    expect(v1).toMatchObject({ version: 1, issueDate: "2026-11-20" });
    expect((await showReportDraft(t.ctx, owner, handle)).engagement.status).toBe("final-report");
  });

  it("refuses finalization of an incomplete description with the list, though the draft allows it", async () => {
    const fresh = await createTestContext(REPORT_TEST_DAY);
    try {
      const setup = await engagementAtDraftReport(fresh.ctx, { describe: false });
      await approveAssertion(fresh.ctx, setup.owner, setup.handle);
      const error = await expectAppError(
        () => finalizeAsAuditor(fresh.ctx, setup.owner, setup.handle),
        "INVALID_STATE",
      );
      for (const item of ["DC1", "DC2", "DC3", "DC4", "DC6", "DC7"]) {
        expect(error.message).toContain(`system description ${item}`);
      }
    } finally {
      await fresh.close();
    }
  });

  it("locks the final version: later edits make version 2 and leave version 1 as issued", async () => {
    await approveAssertion(t.ctx, owner, handle);
    await recordTestOpinion(t.ctx, owner, handle);
    await finalizeAsAuditor(t.ctx, owner, handle);
    await expectAppError(() => finalizeAsAuditor(t.ctx, owner, handle), "INVALID_STATE");
    await updateSystemDescription(t.ctx, owner, handle, { services: "A changed service line." });
    const draft = await loadReportPackage(t.ctx, owner, handle, "draft");
    expect(draft).toMatchObject({ version: 2, state: "draft" });
    const v1 = await loadReportPackage(t.ctx, owner, handle, 1);
    expect(v1).toMatchObject({ version: 1, state: "final", issueDate: "2026-11-20" });
    expect(v1.description.services).toContain("Hosted analytics");
    expect(v1.assertion.approval).not.toBeNull();
    // The owner approved version 1's content, not the edit: the approval is void until renewed.
    expect(draft.assertion.approval).toBeNull();
    expect(draft.voidedSignOffs[0]).toContain("approved by ana");
    const stale = await expectAppError(
      () => finalizeAsAuditor(t.ctx, owner, handle),
      "INVALID_STATE",
    );
    expect(stale.message).toContain("on an earlier draft: an owner must approve it again");
    await approveAssertion(t.ctx, owner, handle);
    await recordTestOpinion(t.ctx, owner, handle);
    const v2 = await finalizeAsAuditor(t.ctx, owner, handle);
    expect(v2.version).toBe(2);
    expect((await loadReportPackage(t.ctx, owner, handle)).description.services).toBe(
      "A changed service line.",
    );
    const finalized = await listAuditLog(t.ctx, owner, { action: "report.finalized" });
    expect(finalized.items).toHaveLength(2);
  });

  it("refuses an opinion dated before the coverage ends or in the future, naming the date", async () => {
    await approveAssertion(t.ctx, owner, handle);
    const before = await snapshotDatabase(t.ctx.db);
    for (const date of ["2026-10-30", "2026-12-01"]) {
      const error = await expectAppError(
        () => recordTestOpinion(t.ctx, owner, handle, { date }),
        "VALIDATION_FAILED",
      );
      expect(error.fieldErrors[0]?.field).toBe("date");
    }
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("is finalized by the assigned auditor only, and issued on the opinion's date", async () => {
    await approveAssertion(t.ctx, owner, handle);
    await recordTestOpinion(t.ctx, owner, handle, { date: "2026-11-18" });
    const before = await snapshotDatabase(t.ctx.db);
    await expectAppError(() => finalizeReport(t.ctx, owner, handle), "FORBIDDEN");
    await expectAppError(() => finalizeReport(t.ctx, as(owner, "admin"), handle), "FORBIDDEN");
    const other = as(owner, "auditor", "user:x", { engagements: [] });
    await expectAppError(() => finalizeReport(t.ctx, other, handle), "NOT_FOUND");
    const moved = await expectAppError(
      () => finalizeAsAuditor(t.ctx, owner, handle, { issueDate: "2026-11-19" }),
      "VALIDATION_FAILED",
    );
    expect(moved.fieldErrors[0]?.field).toBe("issueDate");
    expect(moved.message).toContain("dated by the auditor's opinion (2026-11-18)");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
    const v1 = await finalizeAsAuditor(t.ctx, owner, handle);
    expect(v1).toMatchObject({
      version: 1,
      issueDate: "2026-11-18",
      finalizedBy: "Dana Whitfield",
    });
    const pdf = await renderReport(await loadReportPackage(t.ctx, owner, handle), "html");
    expect(pdf.body.toString()).toContain("18 November 2026");
  });

  it("never stands on a final version without the auditor's opinion (older data)", async () => {
    await approveAssertion(t.ctx, owner, handle);
    await recordTestOpinion(t.ctx, owner, handle);
    const v1 = await finalizeAsAuditor(t.ctx, owner, handle);
    const { engagement } = await showReportDraft(t.ctx, owner, handle);
    const pkg = await loadReportPackage(t.ctx, owner, handle, 1);
    // A version finalized before an opinion was required: newer, and without one.
    const bare = { ...pkg, version: 2, opinion: null };
    await insertReportVersion(
      t.ctx.db.kysely,
      scopeOf(owner),
      {
        ...v1,
        id: newId(),
        engagementId: engagement.id,
        version: 2,
        sha256: sha256Hex(canonicalJson(bare)),
        finalizedAt: "2026-11-20T13:00:00.000Z",
      },
      bare,
    );
    expect(await currentReportStanding(t.ctx, owner)).toMatchObject({
      engagement: handle,
      version: 1,
    });
  });

  it("names no report when no final version carries an opinion", async () => {
    await approveAssertion(t.ctx, owner, handle);
    await recordTestOpinion(t.ctx, owner, handle);
    await finalizeAsAuditor(t.ctx, owner, handle);
    const { engagement } = await showReportDraft(t.ctx, owner, handle);
    const db = t.ctx.db.kysely;
    const found = await findReportVersionByNumber(db, scopeOf(owner), engagement.id, 1);
    if (found === undefined) throw new Error("version 1 is missing");
    // As a version finalized before an opinion was required would be stored.
    await db
      .updateTable("report_versions")
      .set({ package: toDbJson({ ...found.pkg, opinion: null }) })
      .where("id", "=", found.version.id)
      .execute();
    expect(await currentReportStanding(t.ctx, owner)).toBeNull();
  });

  it("ages the newest final report: current, renew soon, aging, expired", async () => {
    expect(await currentReportStanding(t.ctx, owner)).toBeNull();
    await approveAssertion(t.ctx, owner, handle);
    await recordTestOpinion(t.ctx, owner, handle);
    await finalizeAsAuditor(t.ctx, owner, handle);
    const standing = await currentReportStanding(t.ctx, owner);
    expect(standing).toMatchObject({ engagement: handle, coverageEnd: "2026-10-31" });
    expect(standing?.age).toEqual({ months: 0, status: "current" });
    const later = (iso: string) => ({ ...t.ctx, now: () => new Date(iso) });
    expect((await currentReportStanding(later("2027-09-01T12:00:00Z"), owner))?.age.status).toBe(
      "renew-soon",
    );
    expect((await currentReportStanding(later("2027-11-01T12:00:00Z"), owner))?.age.status).toBe(
      "aging",
    );
    expect((await currentReportStanding(later("2028-05-01T12:00:00Z"), owner))?.age.status).toBe(
      "expired",
    );
  });
});
