/**
 * A final report's sign-offs proved against the trail: an opinion or an approval edited in the
 * draft by direct SQL before finalizing is finalized as edited, so its package hash holds;
 * verify still names it, because no event recorded that sign-off.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { as } from "../../../test/support/fixtures.ts";
import { TEST_OPINION, useReportEngagement } from "../../../test/support/report.ts";
import { recordLines } from "../../../test/support/tampering.ts";
import type { Actor } from "../../domain/actor.ts";
import { verifyAuditLog } from "../platform/audit-log.service.ts";
import {
  approveAssertion,
  recordOpinion,
  showReportDraft,
  updateAssertion,
} from "./report-draft.service.ts";
import { finalizeReport } from "./report-versions.service.ts";

let t: TestContext;
let owner: Actor;
let handle: string;
useReportEngagement((s) => ({ t, owner, handle } = s));

const OPINION = TEST_OPINION;

const tamper = (statement: ReturnType<typeof sql>) => statement.execute(t.ctx.db.kysely);

let dana: Actor;

async function signOff(): Promise<void> {
  const { engagement } = await showReportDraft(t.ctx, owner, handle);
  dana = as(owner, "auditor", "user:dana", {
    name: "Dana Whitfield",
    engagements: [engagement.id],
  });
  await approveAssertion(t.ctx, owner, handle);
  await recordOpinion(t.ctx, dana, handle, OPINION);
}

async function problems(): Promise<string[]> {
  const result = await verifyAuditLog(t.ctx, owner);
  expect(result.chain).toBeNull();
  return recordLines(result.records);
}

describe("a final report's sign-offs against the trail", () => {
  it("passes sign-offs the trail recorded", async () => {
    await signOff();
    await finalizeReport(t.ctx, dana, handle);
    expect(await problems()).toEqual([]);
  });

  it("names an opinion changed in the draft before it was finalized", async () => {
    // A hand-written assertion: the template's would change with the opinion's form, and the
    // changed content alone would then stop the finalization.
    await updateAssertion(t.ctx, owner, handle, {
      text: "We, the management of Acme, assert that the description presents the system fairly.",
    });
    await signOff();
    await tamper(
      sql`update report_drafts set opinion = replace(opinion, '"unmodified"', '"adverse"')`,
    );
    await finalizeReport(t.ctx, dana, handle);
    expect(await problems()).toEqual([
      "report E-1 version 1: its adverse opinion by Dana Whitfield is not one the trail records",
    ]);
  });

  it("names an opinion's wording changed in the draft before it was finalized", async () => {
    await signOff();
    await tamper(sql`update report_drafts
      set opinion = replace(opinion, 'Boston', 'Paris')`);
    await finalizeReport(t.ctx, dana, handle);
    expect(await problems()).toEqual([
      "report E-1 version 1: its unmodified opinion by Dana Whitfield is not one the trail records",
    ]);
  });

  it("names an approval put in someone else's name before it was finalized", async () => {
    await signOff();
    await tamper(sql`update report_drafts
      set assertion = replace(assertion, ${`"name":"${owner.name}"`}, '"name":"Olivia Owner"')`);
    await finalizeReport(t.ctx, dana, handle);
    expect(await problems()).toEqual([
      "report E-1 version 1: its assertion's approval by Olivia Owner is not one the trail records",
    ]);
  });
});
