/** What the risk register's services accept: one definition for the CLI, the API and the web app. */
import { z } from "zod";
import { RISK_LIBRARY } from "../../catalog/risks/library.ts";
import { RISK_CATEGORIES, RISK_TREATMENTS } from "../../catalog/risks/types.ts";
import type { RiskLevel } from "../../catalog/risks/types.ts";
import { calendarDate, email, oneOf, optionalText, requiredText } from "../platform/inputs.ts";

/** 1 to 5, from a form's number or a command line's text. */
const level = (noun: string) =>
  z.union([z.number(), z.string().trim()]).transform((value, ctx): RiskLevel => {
    const n = typeof value === "number" ? value : Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 5) {
      ctx.addIssue({ code: "custom", message: `${noun} must be a whole number from 1 to 5` });
      return z.NEVER;
    }
    return n as RiskLevel;
  });

const controlRefs = z
  .array(z.string().trim().min(1, "must not be empty").max(40).toUpperCase())
  .max(100, "name at most 100 controls");

const riskFields = {
  title: requiredText(200),
  description: requiredText(4000),
  category: oneOf(RISK_CATEGORIES, "risk category"),
  owner: email.nullable(),
  likelihood: level("likelihood"),
  impact: level("impact"),
  treatment: oneOf(RISK_TREATMENTS, "treatment"),
  controls: controlRefs,
  residualLikelihood: level("residual likelihood"),
  residualImpact: level("residual impact"),
  reviewDate: calendarDate,
  acceptanceNote: optionalText(2000)
    .transform((value) => (value === "" ? null : value))
    .nullable(),
};

export const createRiskInput = z
  .object({
    ...riskFields,
    owner: riskFields.owner.default(null),
    controls: riskFields.controls.default([]),
    residualLikelihood: riskFields.residualLikelihood.optional(),
    residualImpact: riskFields.residualImpact.optional(),
    reviewDate: riskFields.reviewDate.optional(),
    acceptanceNote: riskFields.acceptanceNote.default(null),
  })
  .strict();
export type CreateRiskInput = z.input<typeof createRiskInput>;

export const updateRiskInput = z.object(riskFields).partial().strict();
export type UpdateRiskInput = z.input<typeof updateRiskInput>;

export const addFromLibraryInput = z
  .object({
    templates: z
      .array(z.string().trim().toUpperCase())
      .min(1, "name at least one starter risk, such as RL-07")
      .max(RISK_LIBRARY.length),
    owner: email.nullable().default(null),
  })
  .strict();
export type AddFromLibraryInput = z.input<typeof addFromLibraryInput>;

export const riskFilter = z
  .object({
    category: oneOf(RISK_CATEGORIES, "risk category").optional(),
    treatment: oneOf(RISK_TREATMENTS, "treatment").optional(),
    owner: z.string().trim().toLowerCase().min(1).optional(),
    /** Only risks whose review date has passed. */
    overdue: z.boolean().optional(),
    /** Words to find in the ref, title or description. */
    q: z.string().trim().max(200).optional(),
  })
  .strict();
export type RiskFilter = z.input<typeof riskFilter>;
