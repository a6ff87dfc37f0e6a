/**
 * Answers of the organizations routes: the organization, its scope, the criteria, readiness,
 * overdue controls and the caller's tasks.
 */
import { z } from "zod";
import { CATEGORY_IDS } from "../catalog/types.ts";
import { ROLES } from "../domain/actor.ts";
import { CRITERION_STATUSES } from "../domain/readiness.ts";
import { controlFrequency, controlStatus } from "./controls.ts";
import { day, instant } from "./common.ts";

export const categoryId = z.enum(CATEGORY_IDS);
export type CategoryId = z.output<typeof categoryId>;

export const organization = z.object({
  id: z.string(),
  slug: z.string().describe("URL handle, as paths name the organization"),
  name: z.string(),
  systemName: z.string().describe("the system the SOC 2 report describes"),
  timeZone: z.string().describe("IANA time zone; evidence dates and due dates are local to it"),
  requireTotp: z.boolean().describe("members must sign in with a second factor to act here"),
  createdAt: instant,
  updatedAt: instant,
});
export type Organization = z.output<typeof organization>;

/** GET /orgs: an organization I belong to, with my role in it. */
export const myOrganization = organization.extend({ role: z.enum(ROLES) });
export type MyOrganization = z.output<typeof myOrganization>;

export const createdOrganization = z.object({
  organization,
  categories: z.array(categoryId).describe("categories in scope"),
  adoption: z
    .object({
      created: z.array(z.string()).describe("refs of the controls adopted from the library"),
      mapped: z.array(z.object({ ref: z.string(), criteria: z.array(z.string()) })),
    })
    .nullable()
    .describe("what adopting the control library did; null when it was not asked for"),
});
export type CreatedOrganization = z.output<typeof createdOrganization>;

export const scope = z.object({
  categories: z.array(categoryId).describe("categories in scope, security always first"),
  exclusions: z
    .array(
      z.object({
        criterionId: z.string(),
        reason: z.string().describe("why the criterion is not relevant, as an auditor reads it"),
        createdBy: z.string().describe("name of who marked it"),
        createdAt: instant,
      }),
    )
    .describe("criteria marked not relevant, in catalog order"),
});
export type Scope = z.output<typeof scope>;

export const criterion = z.object({
  id: z.string().describe("e.g. CC6.1"),
  category: categoryId,
  label: z.string().describe("Attest's own short label"),
  summary: z.string().describe("Attest's own words, never the AICPA text"),
  cosoPrinciple: z.number().int().nullable().describe("COSO 2013 principle, for CC1.1–CC5.3"),
  pointsOfFocus: z.number().int().describe("number of points of focus in the 2022 revision"),
});
export type Criterion = z.output<typeof criterion>;

/** A criterion with the official wording the organization imported, when it did. */
export const organizationCriterion = criterion.extend({
  officialText: z
    .object({ text: z.string(), pointsOfFocus: z.array(z.string()) })
    .optional()
    .describe("imported by a licence holder; absent when not imported"),
});
export type OrganizationCriterion = z.output<typeof organizationCriterion>;

export const criterionStatus = z.enum(CRITERION_STATUSES);
export type CriterionStatus = z.output<typeof criterionStatus>;

export const tally = z.object({
  criteria: z.number().int(),
  covered: z.number().int(),
  partial: z.number().int(),
  gap: z.number().int(),
  notRelevant: z.number().int(),
  percent: z
    .number()
    .describe("mean score of the relevant criteria, a percentage with one decimal (100 if none)"),
});
export type Tally = z.output<typeof tally>;

export const categoryReadiness = tally.extend({ id: categoryId, name: z.string() });
export type CategoryReadiness = z.output<typeof categoryReadiness>;

export const criterionReadiness = z.object({
  id: z.string(),
  category: categoryId,
  label: z.string(),
  status: criterionStatus,
  controls: z.array(z.string()).describe("refs of every control mapped to the criterion"),
  applicable: z.number().int().describe("mapped controls not marked not applicable"),
  effective: z
    .number()
    .int()
    .describe("applicable controls that count (implemented, evidence current)"),
  missing: z.array(z.string()).describe("refs of applicable controls that do not count yet"),
  score: z
    .number()
    .nullable()
    .describe("0..1, effective / applicable; 0 for a gap, null when not relevant"),
  reasons: z.array(z.string()).describe("why the criterion has its status, in sentences"),
});
export type CriterionReadiness = z.output<typeof criterionReadiness>;

export const gapSummary = z.object({
  id: z.string(),
  category: categoryId,
  label: z.string(),
  status: criterionStatus,
  score: z.number().nullable(),
  reason: z.string().describe("the criterion's first reason"),
});
export type GapSummary = z.output<typeof gapSummary>;

export const nextControl = z.object({
  ref: z.string(),
  title: z.string(),
  status: controlStatus,
  criteria: z.array(z.string()).describe("criteria not yet covered that this control would help"),
});
export type NextControl = z.output<typeof nextControl>;

export const readinessReport = z.object({
  overall: tally,
  categories: z.array(categoryReadiness),
  criteria: z.array(criterionReadiness),
  gaps: z.array(gapSummary).describe("criteria not covered, most urgent first"),
  nextControls: z
    .array(nextControl)
    .describe("controls to implement next, those unblocking the most criteria first (≤ 20)"),
});
export type ReadinessReport = z.output<typeof readinessReport>;

export const freshnessState = z.enum(["current", "overdue", "missing"]);

/** An implemented control whose evidence is overdue or missing today. */
export const overdueControl = z.object({
  ref: z.string(),
  title: z.string(),
  frequency: controlFrequency,
  status: controlStatus,
  state: freshnessState,
  lastEvidenceFor: day.nullable().describe("last day any current evidence is for"),
  dueBy: day
    .nullable()
    .describe("last day the next evidence may be for before the control is overdue"),
  reason: z.string(),
});
export type OverdueControl = z.output<typeof overdueControl>;
