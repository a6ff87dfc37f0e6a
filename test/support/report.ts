/**
 * A small engagement ready for its report: one organization without the control library,
 * one control mapped to every security criterion, a Type 1 as of 2026-10-31 tested for
 * design and moved to the draft-report step, and (optionally) a complete description.
 */
import { afterEach, beforeEach } from "vitest";
import { criteriaInCategories } from "../../src/catalog/index.ts";
import type { Actor } from "../../src/domain/actor.ts";
import type { ServiceContext } from "../../src/services/platform/context.ts";
import { createControl, updateControl } from "../../src/services/program/controls.service.ts";
import {
  advanceEngagement,
  createEngagement,
} from "../../src/services/fieldwork/engagements.service.ts";
import type {
  DescriptionInput,
  OpinionInput,
} from "../../src/services/reporting/report-draft.service.ts";
import type { ReportVersion } from "../../src/db/reports.repo.ts";
import { finalizeReport } from "../../src/services/reporting/report-versions.service.ts";
import {
  recordOpinion,
  showReportDraft,
  updateSystemDescription,
} from "../../src/services/reporting/report-draft.service.ts";
import { recordControlTest } from "../../src/services/fieldwork/testing.service.ts";
import { createTestContext } from "./database.ts";
import type { TestContext } from "./database.ts";
import { as, createOrg } from "./fixtures.ts";

export const COMPLETE_DESCRIPTION: DescriptionInput = {
  services: "Hosted analytics dashboards for retail chains, delivered as a web application.",
  commitments: ["99.9% monthly availability", "Customer data encrypted at rest and in transit"],
  systemRequirements: ["Production access needs MFA", "Backups are restored yearly"],
  components: {
    infrastructure: [
      { name: "AWS eu-west-1", description: "VPC, RDS, S3", owner: "lee@acme.example" },
    ],
    software: [
      { name: "Dashboard app", description: "TypeScript service", owner: "lee@acme.example" },
    ],
    people: [{ name: "Engineering", description: "Eight engineers", owner: "maya@acme.example" }],
    procedures: [
      { name: "Change management", description: "Reviewed PRs", owner: "sam@acme.example" },
    ],
    data: [{ name: "Sales records", description: "Customer uploads", owner: "sam@acme.example" }],
  },
  boundaries: "The production account and the code host; laptops are out of scope.",
  noIncidents: true,
  cuecs: [{ text: "Customers manage their own users' access.", criteria: ["CC6.2"] }],
  subservices: [
    {
      name: "Amazon Web Services",
      services: "Hosting",
      method: "carve-out",
      csocs: [{ text: "Physical access to data centres is restricted.", criteria: ["CC6.4"] }],
    },
  ],
  noChanges: true,
};

export interface ReportSetup {
  owner: Actor;
  handle: string;
}

export async function engagementAtDraftReport(
  ctx: ServiceContext,
  options: { describe?: boolean } = {},
): Promise<ReportSetup> {
  const owner = await createOrg(ctx, {
    categories: ["security"],
    adoptLibrary: false,
    systemName: "Acme Dashboards",
  });
  await createControl(ctx, owner, {
    ref: "GOV-01",
    title: "Security programme reviewed by leadership",
    description: "Leadership reviews the security programme each quarter.",
    kind: "detective",
    automation: "manual",
    frequency: "quarterly",
    criteria: criteriaInCategories(["security"]).map((c) => c.id),
  });
  await updateControl(ctx, owner, "GOV-01", { status: "implemented" });
  const engagement = await createEngagement(ctx, owner, {
    type: 1,
    asOf: "2026-10-31",
    auditFirm: "Ledger & Co",
  });
  const handle = `E-${engagement.number}`;
  for (let step = 0; step < 3; step += 1) await advanceEngagement(ctx, owner, handle);
  // The assigned auditor records the test, acting as recordTestOpinion's auditor does: no
  // account is made, so tests that need an empty user table (first-account setup) still can.
  const auditor = as(owner, "auditor", "user:dana", {
    name: "Dana Whitfield",
    email: "dana@ledger.example",
    engagements: [engagement.id],
  });
  await recordControlTest(ctx, auditor, handle, {
    control: "GOV-01",
    methods: ["inquiry", "inspection"],
    testedOn: "2026-11-05",
    design: "suitably-designed",
  });
  await advanceEngagement(ctx, owner, handle);
  if (options.describe !== false) {
    await updateSystemDescription(ctx, owner, handle, COMPLETE_DESCRIPTION);
  }
  return { owner, handle };
}

/** The day report tests run on: after the Type 1's as-of date, so it can be finalized. */
export const REPORT_TEST_DAY = new Date("2026-11-20T12:00:00Z");

/**
 * Gives each test a fresh database holding `engagementAtDraftReport`, closed afterwards:
 * `useReportEngagement((s) => ({ t, owner, handle } = s))`.
 */
export function useReportEngagement(
  receive: (setup: ReportSetup & { t: TestContext }) => void,
): void {
  let t: TestContext | undefined;
  beforeEach(async () => {
    t = await createTestContext(REPORT_TEST_DAY);
    receive({ t, ...(await engagementAtDraftReport(t.ctx)) });
  });
  afterEach(async () => {
    await t?.close();
  });
}

/** The auditor's part of an unmodified Section I: the firm comes from the engagement. */
export const TEST_OPINION = {
  type: "unmodified",
  city: "Boston, Massachusetts",
} as const;

/** Dana Whitfield, the auditor assigned to the engagement. */
export async function assignedAuditor(
  ctx: ServiceContext,
  owner: Actor,
  handle: string,
): Promise<Actor> {
  const { engagement } = await showReportDraft(ctx, owner, handle);
  return as(owner, "auditor", "user:dana", {
    name: "Dana Whitfield",
    engagements: [engagement.id],
  });
}

/**
 * Records the assigned auditor's unmodified opinion on the draft as it stands (finalizing
 * needs one), as Dana Whitfield assigned to the engagement. Returns that auditor.
 */
export async function recordTestOpinion(
  ctx: ServiceContext,
  owner: Actor,
  handle: string,
  opinion: Partial<OpinionInput> = {},
): Promise<Actor> {
  const auditor = await assignedAuditor(ctx, owner, handle);
  await recordOpinion(ctx, auditor, handle, { ...TEST_OPINION, ...opinion });
  return auditor;
}

/** The auditor dates and releases the report: finalizes it as the assigned auditor. */
export async function finalizeAsAuditor(
  ctx: ServiceContext,
  owner: Actor,
  handle: string,
  input: { issueDate?: string } = {},
): Promise<ReportVersion> {
  return finalizeReport(ctx, await assignedAuditor(ctx, owner, handle), handle, input);
}
