import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { as, expectAppError } from "../../../test/support/fixtures.ts";
import { recordTestOpinion, useReportEngagement } from "../../../test/support/report.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { Actor } from "../../domain/actor.ts";
import {
  approveBridgeLetter,
  draftBridgeLetter,
  editBridgeLetter,
  listBridgeLettersOf,
} from "./bridge-letters.service.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { advanceEngagement, createEngagement } from "../fieldwork/engagements.service.ts";
import { findReportVersionByNumber } from "../../db/reports.repo.ts";
import { toDbJson } from "../../db/portable.ts";
import { scopeOf } from "../../domain/actor.ts";
import { approveAssertion, showReportDraft } from "./report-draft.service.ts";
import {
  acceptSharedReportNda,
  createShareLink,
  downloadSharedReport,
  listShareLinksOf,
  previewSharedReport,
  revokeShareLink,
} from "./report-sharing.service.ts";
import { finalizeReport } from "./report-versions.service.ts";

let t: TestContext;
let owner: Actor;
let handle: string;
useReportEngagement((s) => ({ t, owner, handle } = s));

const client = { address: "203.0.113.7", userAgent: "Mozilla/5.0 test" };
const reader = {
  name: "Priya Shah",
  company: "Retail Co",
  email: "Priya@Retail.example",
  accept: true as const,
};
const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);
const at = (iso: string) => ({ ...t.ctx, now: () => new Date(iso) });

async function finalize(): Promise<void> {
  await approveAssertion(t.ctx, owner, handle);
  const auditor = await recordTestOpinion(t.ctx, owner, handle);
  await finalizeReport(t.ctx, auditor, handle);
}

describe("sharing a final report", () => {
  it("refuses to share a draft, changing nothing", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const error = await expectAppError(
      () => createShareLink(t.ctx, owner, handle, { recipient: "Retail Co" }),
      "INVALID_STATE",
    );
    expect(error.message).toContain("is a draft: finalize it before sharing");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("refuses to share a final version without the auditor's opinion (older data), changing nothing", async () => {
    await finalize();
    const { engagement } = await showReportDraft(t.ctx, owner, handle);
    const found = await findReportVersionByNumber(
      t.ctx.db.kysely,
      scopeOf(owner),
      engagement.id,
      1,
    );
    if (found === undefined) throw new Error("version 1 is missing");
    // As a version finalized before an opinion was required would be stored.
    await t.ctx.db.kysely
      .updateTable("report_versions")
      .set({ package: toDbJson({ ...found.pkg, opinion: null }) })
      .where("id", "=", found.version.id)
      .execute();
    const before = await snapshotDatabase(t.ctx.db);
    const error = await expectAppError(
      () => createShareLink(t.ctx, owner, handle, { recipient: "Retail Co" }),
      "INVALID_STATE",
    );
    expect(error.message).toContain("a readiness report, not a SOC 2 report");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("needs the NDA accepted before the download, and logs who, when and from where", async () => {
    await finalize();
    const { url, link } = await createShareLink(t.ctx, owner, handle, {
      recipient: "Retail Co procurement",
      days: 14,
    });
    expect(url).toMatch(/\/shared\/attest_shr_/);
    expect(link.expiresAt).toBe("2026-12-04T12:00:00.000Z");
    const token = tokenOf(url);

    const preview = await previewSharedReport(t.ctx, token, client);
    // A final report carries the auditor's opinion: it is never shown as a readiness report.
    expect(preview.report).not.toContain("Readiness report");
    t.advance(1000);
    expect(preview.report).toContain("SOC 2 Type 1 as of 31 October 2026, version 1");
    expect(preview.nda).toContain("confidential");

    await expectAppError(
      () => downloadSharedReport(t.ctx, token, "attest_dld_guess", client),
      "FORBIDDEN",
    );
    const refused = await expectAppError(
      () => acceptSharedReportNda(t.ctx, token, { ...reader, accept: false } as never, client),
      "VALIDATION_FAILED",
    );
    expect(refused.fieldErrors[0]?.field).toBe("accept");
    const { downloadToken } = await acceptSharedReportNda(t.ctx, token, reader, client);
    t.advance(1000);
    const download = await downloadSharedReport(t.ctx, token, downloadToken, client);
    expect(download).toMatchObject({ state: "final", version: 1 });
    // The acceptance is good for an hour.
    await expectAppError(
      () => downloadSharedReport(at("2026-11-20T13:30:00Z"), token, downloadToken, client),
      "FORBIDDEN",
    );

    // Newest first.
    const audited = (await listAuditLog(t.ctx, owner, { targetType: "share-link" })).items;
    expect(audited.map((e) => e.action)).toEqual([
      "report.downloaded",
      "report.nda-accepted",
      "report.shared",
    ]);
    expect(audited[1]?.actor.name).toBe(
      "Priya Shah <priya@retail.example> (Retail Co), through a share link",
    );
    const [listed] = await listShareLinksOf(t.ctx, owner, handle);
    expect(listed?.state).toBe("active");
    expect(listed?.access.map((a) => a.event)).toEqual(["viewed", "nda-accepted", "downloaded"]);
    expect(listed?.access[1]).toMatchObject({
      address: "203.0.113.7",
      reader: { name: "Priya Shah", company: "Retail Co", email: "priya@retail.example" },
    });
  });

  it("refuses an expired or revoked link and logs the refusal", async () => {
    await finalize();
    const expiring = await createShareLink(t.ctx, owner, handle, { recipient: "A", days: 1 });
    const revoked = await createShareLink(t.ctx, owner, handle, { recipient: "B" });
    await revokeShareLink(t.ctx, owner, handle, revoked.link.id);
    await expectAppError(
      () => revokeShareLink(t.ctx, owner, handle, revoked.link.id),
      "INVALID_STATE",
    );
    const late = at("2026-11-21T12:00:01Z");
    const gone = await expectAppError(
      () => previewSharedReport(late, tokenOf(expiring.url), client),
      "GONE",
    );
    expect(gone.message).toContain("expired on 2026-11-21");
    const revokedError = await expectAppError(
      () => acceptSharedReportNda(t.ctx, tokenOf(revoked.url), reader, client),
      "GONE",
    );
    expect(revokedError.message).toContain("revoked");
    await expectAppError(
      () => previewSharedReport(t.ctx, "attest_shr_unknown", client),
      "NOT_FOUND",
    );
    const links = await listShareLinksOf(late, owner, handle);
    const byRecipient = new Map(links.map((l) => [l.recipient, l]));
    expect(byRecipient.get("A")?.state).toBe("expired");
    expect(byRecipient.get("A")?.access.map((a) => a.event)).toEqual(["refused-expired"]);
    expect(byRecipient.get("B")?.access.map((a) => a.event)).toEqual(["refused-revoked"]);
  });

  it("lets only owners and admins share", async () => {
    await finalize();
    for (const role of ["auditor", "control-owner", "employee"] as const) {
      await expectAppError(
        () =>
          createShareLink(t.ctx, as(owner, role, "user:x", { engagements: [] }), handle, {
            recipient: "X",
          }),
        "FORBIDDEN",
      );
    }
  });
});

describe("the report steps follow the report", () => {
  it("reaches final-report only by finalizing, and distributed only by sharing", async () => {
    const early = await expectAppError(
      () => advanceEngagement(t.ctx, owner, handle),
      "INVALID_STATE",
    );
    expect(early.message).toContain("has no final report yet");
    await finalize();
    const unshared = await expectAppError(
      () => advanceEngagement(t.ctx, owner, handle),
      "INVALID_STATE",
    );
    expect(unshared.message).toContain("not shared yet");
    await createShareLink(t.ctx, owner, handle, { recipient: "Retail Co" });
    await expectAppError(() => advanceEngagement(t.ctx, owner, handle), "INVALID_STATE");
  });
});

describe("bridge letters", () => {
  it("drafts from the template for the time since the period, approved by an owner and then fixed", async () => {
    await expectAppError(() => draftBridgeLetter(t.ctx, owner, handle), "INVALID_STATE");
    await finalize();
    const later = at("2027-03-15T12:00:00Z");
    const letter = await draftBridgeLetter(later, owner, handle);
    expect(letter).toMatchObject({ number: 1, through: "2027-03-15", version: 1 });
    expect(letter.text).toContain("from 2026-11-01 to 2027-03-15");
    expect(letter.text).toContain("covers its design as of 2026-10-31");
    for (const through of ["2026-10-01", "2027-03-16"]) {
      const error = await expectAppError(
        () => draftBridgeLetter(later, owner, handle, { through }),
        "VALIDATION_FAILED",
      );
      expect(error.fieldErrors[0]?.field).toBe("through");
    }
    await expectAppError(
      () => editBridgeLetter(later, owner, handle, 1, { through: "2026-10-31" }),
      "VALIDATION_FAILED",
    );
    await expectAppError(
      () => approveBridgeLetter(later, as(owner, "admin"), handle, 1),
      "FORBIDDEN",
    );
    await editBridgeLetter(later, as(owner, "admin"), handle, 1, {
      text: `${letter.text}\n\nWe moved our database to a new region in January, with the same controls.`,
    });
    const approved = await approveBridgeLetter(later, owner, handle, 1);
    expect(approved.approval?.name).toBe(owner.name);
    expect(approved.text).toContain("new region");
    const locked = await expectAppError(
      () => editBridgeLetter(later, owner, handle, 1, { text: "x".repeat(60) }),
      "INVALID_STATE",
    );
    expect(locked.message).toContain("approved");
    expect((await listBridgeLettersOf(later, owner, handle))[0]?.approval).not.toBeNull();
  });

  it("starts the gap the day after the report, names the auditor and the next report, and warns past three months", async () => {
    await finalize();
    const soon = await draftBridgeLetter(at("2027-01-31T12:00:00Z"), owner, handle);
    expect(soon).toMatchObject({ coverageEnd: "2026-10-31", gapFrom: "2026-11-01", warnings: [] });
    expect(soon.text).toContain("This letter speaks for the time from 2026-11-01 to 2027-01-31");
    expect(soon.text).not.toContain("from 2026-10-31");
    expect(soon.text).toContain("issued by Ledger & Co");
    expect(soon.text).toContain("Our next report is expected by 2027-10-31");

    await createEngagement(t.ctx, owner, {
      type: 2,
      from: "2026-11-01",
      to: "2027-04-30",
      auditFirm: "Ledger & Co",
    });
    const late = await draftBridgeLetter(at("2027-02-01T12:00:00Z"), owner, handle);
    expect(late.warnings).toEqual([
      expect.stringContaining("2026-11-01 to 2027-02-01, over 3 months after the report"),
    ]);
    expect(late.text).toContain(
      "expected after 2027-04-30, covering 2026-11-01 to 2027-04-30 (E-2, Type 2)",
    );
    const listed = await listBridgeLettersOf(at("2027-02-01T12:00:00Z"), owner, handle);
    expect(listed.map((l) => l.warnings.length).sort()).toEqual([0, 1]);
    const edited = await editBridgeLetter(at("2027-02-01T12:00:00Z"), owner, handle, soon.number, {
      through: "2027-02-01",
    });
    expect(edited.warnings).toHaveLength(1);
  });
});
