/**
 * A final version whose stored package was changed by direct SQL is not served: the download
 * refuses it (verify names it too, see the tampering suite), while an untouched one is served.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { as, expectAppError } from "../../../test/support/fixtures.ts";
import { TEST_OPINION, useReportEngagement } from "../../../test/support/report.ts";
import type { Actor } from "../../domain/actor.ts";
import { approveAssertion, recordOpinion, showReportDraft } from "./report-draft.service.ts";
import { finalizeReport, loadReportPackage } from "./report-versions.service.ts";

let t: TestContext;
let owner: Actor;
let handle: string;
useReportEngagement((s) => ({ t, owner, handle } = s));

describe("serving a final version", () => {
  it("serves it as finalized, and refuses it once its stored package was altered", async () => {
    const { engagement } = await showReportDraft(t.ctx, owner, handle);
    const auditor = as(owner, "auditor", "user:dana", {
      name: "Dana Whitfield",
      engagements: [engagement.id],
    });
    await approveAssertion(t.ctx, owner, handle);
    await recordOpinion(t.ctx, auditor, handle, TEST_OPINION);
    await finalizeReport(t.ctx, auditor, handle, {});
    expect((await loadReportPackage(t.ctx, owner, handle, "latest")).opinion?.type).toBe(
      "unmodified",
    );

    await sql`update report_versions set package = replace(package, '"unmodified"', '"adverse"')`.execute(
      t.ctx.db.kysely,
    );
    const refused = await expectAppError(
      () => loadReportPackage(t.ctx, owner, handle, "latest"),
      "INVALID_STATE",
    );
    expect(refused.message).toContain("does not match what its audit trail recorded");
    // The draft is not a final version: it is assembled afresh and still served.
    expect((await loadReportPackage(t.ctx, owner, handle, "draft")).opinion?.type).toBe(
      "unmodified",
    );
  });
});
