/**
 * The report's working draft per engagement: the system description (DC 200), management's
 * assertion and its approval, the auditor's opinion, and management's other information.
 * Every edit is one transaction with its audit event. A finalized version never changes: the
 * draft goes on as the next version.
 */
import { z } from "zod";
import { saveDraft } from "../../db/reports.repo.ts";
import type { ReportDraft } from "../../db/reports.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import type { AuditEventData } from "../../domain/audit-events.ts";
import { engagementLabel, statusIndex } from "../../domain/engagement.ts";
import type { Engagement } from "../../domain/engagement.ts";
import { AppError, invalidField } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { opinionTextDigest } from "../../domain/opinion-template.ts";
import { localDate } from "../../domain/periods.ts";
import {
  COMPONENT_KINDS,
  OPINION_TYPES,
  SUBSERVICE_METHODS,
  coverageEnd,
} from "../../domain/report.ts";
import type { ReportPackage } from "../../domain/report.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { loadEngagement } from "../fieldwork/engagements.service.ts";
import {
  calendarDate,
  criterionId,
  oneOf,
  optionalText,
  requiredText,
} from "../platform/inputs.ts";
import {
  assemblePackage,
  draftOf,
  storedForm,
  templateAssertion,
  vendorSubservices,
} from "./report-package.ts";
import { parseInput } from "../platform/validation.ts";

const line = requiredText(2000);
const component = z
  .object({
    name: line,
    description: optionalText(4000).default(""),
    owner: optionalText(320).default(""),
  })
  .strict();
const complementary = z
  .object({ text: line, criteria: z.array(criterionId).max(61).default([]) })
  .strict();

export const descriptionInput = z
  .object({
    services: optionalText(20000),
    commitments: z.array(line).max(100),
    systemRequirements: z.array(line).max(100),
    components: z
      .object(
        Object.fromEntries(COMPONENT_KINDS.map((k) => [k, z.array(component).max(200)])) as Record<
          (typeof COMPONENT_KINDS)[number],
          z.ZodArray<typeof component>
        >,
      )
      .partial()
      .strict(),
    boundaries: optionalText(20000),
    incidents: z
      .array(
        z.object({ date: calendarDate, nature: line, extent: line, disposition: line }).strict(),
      )
      .max(200),
    noIncidents: z.boolean(),
    cuecs: z.array(complementary).max(200),
    noCuecs: z.boolean(),
    subservices: z
      .array(
        z
          .object({
            name: line,
            services: line,
            method: oneOf(SUBSERVICE_METHODS, "subservice method"),
            csocs: z.array(complementary).max(200).default([]),
          })
          .strict(),
      )
      .max(100),
    noSubservices: z.boolean(),
    changes: z.array(z.object({ date: calendarDate, description: line }).strict()).max(200),
    noChanges: z.boolean(),
  })
  .partial()
  .strict();
export type DescriptionInput = z.input<typeof descriptionInput>;

export const assertionInput = z
  .union([
    z
      .object({ text: optionalText(40000).min(50, "write the assertion (at least 50 characters)") })
      .strict(),
    z.object({ regenerate: z.literal(true) }).strict(),
  ])
  .describe("the assertion's new text, or { regenerate: true } to start again from the template");

/** What a signer may send to say which draft they read: the sign-off covers exactly that. */
const seenDigest = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "must be the contentSha256 of the draft you read")
  .optional();

/**
 * Section I as the auditor fills it. The firm defaults to the engagement's; the date, which
 * becomes the issue date, to today. A modified opinion gives its basis; a qualified or adverse
 * one names the criteria not met.
 */
export const opinionInput = z
  .object({
    type: oneOf(OPINION_TYPES, "opinion type"),
    firm: optionalText(200).optional(),
    city: requiredText(200).describe("the city the report is signed in"),
    date: calendarDate.optional(),
    criteriaNotMet: z.array(criterionId).max(61).default([]),
    basisForModification: optionalText(20000).default(""),
    /** Further paragraphs (an emphasis of matter, other matters). */
    text: optionalText(60000).default(""),
    /** The contentSha256 of the draft the auditor read; the opinion covers exactly that. */
    contentSha256: seenDigest,
  })
  .strict()
  .superRefine((o, ctx) => {
    const needsCriteria = o.type === "qualified" || o.type === "adverse";
    if (needsCriteria && o.criteriaNotMet.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["criteriaNotMet"],
        message: `a ${o.type} opinion names the criteria not met`,
      });
    }
    if (o.type === "unmodified" && o.criteriaNotMet.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["criteriaNotMet"],
        message: "an unmodified opinion has no criteria not met",
      });
    }
    if (o.type !== "unmodified" && o.basisForModification.length < 50) {
      ctx.addIssue({
        code: "custom",
        path: ["basisForModification"],
        message: `a ${o.type === "disclaimer" ? "disclaimer of" : o.type} opinion gives its basis (at least 50 characters)`,
      });
    }
    if (o.type === "unmodified" && o.basisForModification !== "") {
      ctx.addIssue({
        code: "custom",
        path: ["basisForModification"],
        message: "an unmodified opinion has no basis for modification",
      });
    }
  });

export type OpinionInput = z.input<typeof opinionInput>;

export const otherInformationInput = z.object({ text: optionalText(40000) }).strict();

export interface ReportDraftView {
  engagement: Engagement;
  package: ReportPackage;
  /** DC7 comes from the vendor inventory (some vendor is marked), so it is not edited here. */
  subservicesFromVendors: boolean;
}

async function viewOf(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  pkg: ReportPackage,
): Promise<ReportDraftView> {
  const subservicesFromVendors = (await vendorSubservices(tx, actor)).length > 0;
  return { engagement, package: pkg, subservicesFromVendors };
}

export async function showReportDraft(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<ReportDraftView> {
  authorize(actor, "report:read");
  const at = ctx.now().toISOString();
  return read(ctx.db, async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    const pkg = await assemblePackage(tx, actor, engagement, {
      at,
      state: "draft",
      issueDate: null,
    });
    return viewOf(tx, actor, engagement, pkg);
  });
}

type DraftAction =
  | "report.description-updated"
  | "report.assertion-updated"
  | "report.assertion-approved"
  | "report.opinion-recorded"
  | "report.other-information-updated";

/** What a draft edit records; editDraft adds the engagement and the draft's version. */
type DraftEvent = {
  [A in DraftAction]: { event: A; data: Omit<AuditEventData<A>, "engagement" | "version"> };
}[DraftAction];

/**
 * Loads, changes and saves the draft in one transaction, with its audit event. The caller has
 * authorized the change.
 */
async function editDraft(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  change: (
    draft: ReportDraft,
    tx: Tx,
    engagement: Engagement,
  ) => Promise<{ draft: ReportDraft } & DraftEvent>,
): Promise<ReportDraftView> {
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    const current = await draftOf(tx, actor, engagement, at.toISOString());
    const { draft, event, data } = await change(current, tx, engagement);
    await saveDraft(tx, scopeOf(actor), {
      ...(await storedForm(tx, actor, draft)),
      updatedAt: at.toISOString(),
      updatedBy: actor.id,
    });
    await recordEvent(
      tx,
      actor,
      event,
      engagement.id,
      { engagement: engagementLabel(engagement), version: draft.version, ...data },
      at,
    );
    const pkg = await assemblePackage(tx, actor, engagement, {
      at: at.toISOString(),
      state: "draft",
      issueDate: null,
    });
    return viewOf(tx, actor, engagement, pkg);
  });
}

export async function updateSystemDescription(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: DescriptionInput,
): Promise<ReportDraftView> {
  authorize(actor, "report:edit");
  const data = parseInput(descriptionInput, input);
  return editDraft(ctx, actor, handle, async (draft, tx) => {
    if (
      (data.subservices !== undefined || data.noSubservices !== undefined) &&
      (await vendorSubservices(tx, actor)).length > 0
    ) {
      throw invalidField(
        "subservices",
        "the subservice organizations come from the vendor inventory: mark or unmark vendors there (attest vendors)",
      );
    }
    const { components, ...rest } = data;
    const description = {
      ...draft.description,
      ...rest,
      components: { ...draft.description.components, ...components },
    };
    return {
      draft: { ...draft, description },
      event: "report.description-updated",
      data: { fields: Object.keys(data).sort() },
    };
  });
}

export async function updateAssertion(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof assertionInput>,
): Promise<ReportDraftView> {
  authorize(actor, "report:edit");
  const data = parseInput(assertionInput, input);
  const at = ctx.now().toISOString();
  return editDraft(ctx, actor, handle, async (draft, tx, engagement) => {
    const generated = "regenerate" in data;
    const body = generated ? await templateAssertion(tx, actor, engagement, draft) : data.text;
    // A changed text is a new statement: any earlier approval no longer covers it.
    const assertion = { text: body, generated, approval: null, updatedAt: at };
    return {
      draft: { ...draft, assertion },
      event: "report.assertion-updated",
      data: { generated, approvalCleared: draft.assertion?.approval != null },
    };
  });
}

export const approveInput = z
  .object({ contentSha256: seenDigest })
  .strict()
  .describe("optionally, the contentSha256 of the draft the approver read");

/** The digest the sign-off is given on; refused when the caller read a different draft. */
async function currentDigest(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  at: string,
  seen: string | undefined,
): Promise<string> {
  const pkg = await assemblePackage(tx, actor, engagement, { at, state: "draft", issueDate: null });
  if (seen !== undefined && seen !== pkg.contentSha256) {
    throw new AppError(
      "INVALID_STATE",
      `the draft of ${engagementLabel(engagement)} changed since you read it; read it again first`,
    );
  }
  return pkg.contentSha256;
}

export async function approveAssertion(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof approveInput> = {},
): Promise<ReportDraftView> {
  authorize(actor, "report:approve");
  const data = parseInput(approveInput, input);
  const at = ctx.now().toISOString();
  return editDraft(ctx, actor, handle, async (draft, tx, engagement) => {
    const contentSha256 = await currentDigest(tx, actor, engagement, at, data.contentSha256);
    const current = draft.assertion?.approval;
    if (current != null && current.contentSha256 === contentSha256) {
      throw new AppError(
        "INVALID_STATE",
        `management's assertion for ${engagementLabel(engagement)} is already approved by ` +
          `${current.name} (${current.at})`,
      );
    }
    const assertion = draft.assertion ?? {
      text: await templateAssertion(tx, actor, engagement, draft),
      generated: true,
      approval: null,
      updatedAt: at,
    };
    const approval = { by: actor.id, name: actor.name, at, contentSha256 };
    return {
      draft: { ...draft, assertion: { ...assertion, approval } },
      event: "report.assertion-approved",
      data: { approvedBy: actor.name, contentSha256 },
    };
  });
}

export async function recordOpinion(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof opinionInput>,
): Promise<ReportDraftView> {
  authorize(actor, "report:opinion");
  const data = parseInput(opinionInput, input);
  const at = ctx.now();
  return editDraft(ctx, actor, handle, async (draft, tx, engagement) => {
    if (statusIndex(engagement.status) < statusIndex("draft-report")) {
      throw new AppError(
        "INVALID_STATE",
        `${engagementLabel(engagement)} is in ${engagement.status}: an opinion is recorded on ` +
          "the draft report, after fieldwork",
      );
    }
    const org = await getOrganization(tx, scopeOf(actor));
    const today = localDate(at, org.timeZone);
    const date = data.date ?? today;
    const end = coverageEnd(engagement);
    if (date > today) throw invalidField("date", `${date} is in the future`);
    if (date < end) {
      throw invalidField("date", `${date} is before the report's coverage ends (${end})`);
    }
    const firm = data.firm === undefined || data.firm === "" ? engagement.auditFirm : data.firm;
    if (firm.trim() === "") {
      throw invalidField("firm", "name the audit firm signing the report");
    }
    await currentDigest(tx, actor, engagement, at.toISOString(), data.contentSha256);
    const inScope = await assemblePackage(tx, actor, engagement, {
      at: at.toISOString(),
      state: "draft",
      issueDate: null,
    });
    const order = inScope.criteria.map((c) => c.id);
    const outside = data.criteriaNotMet.filter((id) => !order.includes(id));
    if (outside.length > 0) {
      throw invalidField(
        "criteriaNotMet",
        `${outside.join(", ")} ${outside.length === 1 ? "is" : "are"} not among the criteria in scope`,
      );
    }
    const provisional = {
      type: data.type,
      firm,
      city: data.city,
      date,
      criteriaNotMet: order.filter((id) => data.criteriaNotMet.includes(id)),
      basisForModification: data.type === "unmodified" ? null : data.basisForModification,
      text: data.text,
      recordedBy: actor.id,
      recordedByName: actor.name,
      recordedAt: at.toISOString(),
      contentSha256: "",
    };
    // The opinion's form decides the template assertion's, so the digest it covers is the
    // draft's with the opinion in place.
    const next = { ...draft, opinion: provisional };
    const after = await assemblePackage(tx, actor, engagement, {
      at: at.toISOString(),
      state: "draft",
      issueDate: null,
      draft: next,
    });
    const opinion = { ...provisional, contentSha256: after.contentSha256 };
    return {
      draft: { ...next, opinion },
      event: "report.opinion-recorded",
      data: {
        type: data.type,
        replaced: draft.opinion !== null,
        contentSha256: after.contentSha256,
        textSha256: opinionTextDigest(opinion),
        date,
        criteriaNotMet: opinion.criteriaNotMet,
      },
    };
  });
}

export async function updateOtherInformation(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof otherInformationInput>,
): Promise<ReportDraftView> {
  authorize(actor, "report:edit");
  const data = parseInput(otherInformationInput, input);
  return editDraft(ctx, actor, handle, async (draft) => ({
    draft: { ...draft, otherInformation: data.text },
    event: "report.other-information-updated",
    data: { length: data.text.length },
  }));
}
