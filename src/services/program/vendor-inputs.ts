/** What the vendor services accept: one definition for the CLI, the API and the web app. */
import { z } from "zod";
import {
  DATA_CATEGORIES,
  REPORT_OPINIONS,
  REPORT_TYPES,
  REVIEW_ITEM_IDS,
  REVIEW_OUTCOMES,
  SUBSERVICE_KINDS,
} from "../../domain/vendor.ts";
import type { ReviewItemId, VendorTier } from "../../domain/vendor.ts";
import {
  calendarDate,
  criterionId,
  email,
  oneOf,
  optionalText,
  requiredText,
} from "../platform/inputs.ts";

/** 1, 2 or 3, from a form's number or a command line's text. */
const tier = z.union([z.number(), z.string().trim()]).transform((value, ctx): VendorTier => {
  const n = typeof value === "number" ? value : Number(value);
  if (n !== 1 && n !== 2 && n !== 3) {
    ctx.addIssue({
      code: "custom",
      message: "tier must be 1 (critical), 2 (important) or 3 (low)",
    });
    return z.NEVER;
  }
  return n;
});

const website = optionalText(500).refine(
  (value) => value === "" || /^https?:\/\/\S+$/.test(value),
  {
    error: "must be an http(s) address, such as https://aws.amazon.com",
  },
);

const reliedControl = z
  .object({ text: requiredText(2000), criteria: z.array(criterionId).max(61).default([]) })
  .strict();

const vendorFields = {
  name: requiredText(200),
  service: requiredText(1000),
  dataShared: z
    .array(oneOf(DATA_CATEGORIES, "data category"))
    .max(DATA_CATEGORIES.length)
    .transform((list) => [...new Set(list)].sort()),
  tier,
  owner: email.nullable(),
  contractStart: calendarDate.nullable(),
  contractEnd: calendarDate.nullable(),
  subservice: oneOf(SUBSERVICE_KINDS, "subservice method").nullable(),
  reliedControls: z.array(reliedControl).max(100),
  website,
  notes: optionalText(4000),
};

export const createVendorInput = z
  .object({
    ...vendorFields,
    dataShared: vendorFields.dataShared.default([]),
    owner: vendorFields.owner.default(null),
    contractStart: vendorFields.contractStart.default(null),
    contractEnd: vendorFields.contractEnd.default(null),
    subservice: vendorFields.subservice.default(null),
    reliedControls: vendorFields.reliedControls.default([]),
    website: vendorFields.website.default(""),
    notes: vendorFields.notes.default(""),
  })
  .strict();
export type CreateVendorInput = z.input<typeof createVendorInput>;

export const updateVendorInput = z.object(vendorFields).partial().strict();
export type UpdateVendorInput = z.input<typeof updateVendorInput>;

export const reportInput = z
  .object({
    type: oneOf(REPORT_TYPES, "report type"),
    /** The period's first day (a Type 1's date; an ISO certificate's first valid day). */
    from: calendarDate,
    to: calendarDate,
    /** As read in the report; an ISO certificate has none. */
    opinion: oneOf(REPORT_OPINIONS, "opinion").nullable().default(null),
    cuecs: z.array(requiredText(2000)).max(200).default([]),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.from > value.to) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `ends (${value.to}) before it starts (${value.from})`,
      });
    }
    if (value.type === "iso27001" && value.opinion !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["opinion"],
        message: "an ISO 27001 certificate carries no opinion; leave it out",
      });
    }
    if (value.type !== "iso27001" && value.opinion === null) {
      ctx.addIssue({
        code: "custom",
        path: ["opinion"],
        message:
          "say what the service auditor's opinion is: unmodified, qualified, adverse or disclaimer",
      });
    }
    if (value.type.endsWith("type1") && value.from !== value.to) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "a Type 1 report is as of one date: give the same date for from and to",
      });
    }
  });
export type ReportInput = z.input<typeof reportInput>;

export const bridgeLetterInput = z
  .object({ from: calendarDate, to: calendarDate })
  .strict()
  .refine((value) => value.from <= value.to, {
    path: ["to"],
    error: "the letter's coverage ends before it starts",
  });
export type BridgeLetterInput = z.input<typeof bridgeLetterInput>;

export const mapCuecInput = z
  .object({
    controls: z
      .array(z.string().trim().min(1, "must not be empty").max(40).toUpperCase())
      .max(50, "name at most 50 controls"),
  })
  .strict();
export type MapCuecInput = z.input<typeof mapCuecInput>;

export const reviewInput = z
  .object({
    /** The checklist items confirmed (see reviewChecklist for the vendor's tier). */
    checked: z
      .array(oneOf(REVIEW_ITEM_IDS as [ReviewItemId, ...ReviewItemId[]], "review item"))
      .max(20),
    outcome: oneOf(REVIEW_OUTCOMES, "review outcome"),
    notes: optionalText(4000).default(""),
    /** The day it was done; today when left out. */
    reviewedOn: calendarDate.optional(),
  })
  .strict();
export type ReviewInput = z.input<typeof reviewInput>;
