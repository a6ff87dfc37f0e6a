/** Answers of the policy routes: the template library, policies, versions, diffs, rosters. */
import { z } from "zod";
import { CATEGORY_IDS, OWNER_ROLES } from "../catalog/types.ts";
import { AUDIENCE_ROLES, POLICY_STATES } from "../domain/policy.ts";
import { day, instant } from "./common.ts";

const sha256 = z.string().describe("SHA-256 of the exact text, lowercase hex");
const audienceRole = z.enum(AUDIENCE_ROLES);
const audience = z
  .array(audienceRole)
  .describe("the roles asked to acknowledge it; empty means every member");

export const policyTemplate = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  categories: z.array(z.enum(CATEGORY_IDS)).readonly(),
  criteria: z.array(z.string()).readonly(),
  controls: z.array(z.string()).readonly().describe("library controls that rely on the policy"),
  ownerRole: z.enum(OWNER_ROLES),
  reviewMonths: z.number().int(),
  variables: z
    .array(z.object({ name: z.string(), label: z.string(), default: z.string(), help: z.string() }))
    .readonly(),
  body: z.string().describe("Markdown with {{organization}} and {{variable}} placeholders"),
});
export type PolicyTemplate = z.output<typeof policyTemplate>;

export const policyVersionSummary = z.object({
  version: z.number().int(),
  title: z.string(),
  sha256,
  approvedBy: z.string(),
  approvedAt: instant,
  publishedBy: z.string(),
  publishedAt: instant,
  audience,
  ackDueBy: day,
});
export type PolicyVersionSummary = z.output<typeof policyVersionSummary>;

export const policySummary = z.object({
  id: z.string(),
  label: z.string().describe('how people name it, e.g. "P-3"'),
  templateId: z.string().nullable(),
  title: z.string(),
  owner: z.string().describe("who keeps it reviewed (an email)"),
  state: z.enum(POLICY_STATES),
  reviewMonths: z.number().int(),
  audience,
  ackDays: z.number().int(),
  current: policyVersionSummary.nullable().describe("the version in force"),
  reviewedAt: instant.nullable(),
  reviewDueBy: day.nullable(),
  acknowledgedByMe: z
    .boolean()
    .nullable()
    .describe("whether I acknowledged the version in force; null when I am not asked"),
  updatedAt: instant,
});
export type PolicySummary = z.output<typeof policySummary>;

export const policyView = policySummary.extend({
  body: z.string().nullable().describe("the working text (editors only)"),
  bodySha256: sha256.nullable(),
  approval: z.object({ name: z.string(), at: instant }).nullable(),
  currentBody: z.string().nullable().describe("the text of the version in force"),
  versions: z.array(policyVersionSummary),
  controls: z.array(z.string()).readonly(),
  myAcknowledgements: z.array(z.object({ version: z.number().int(), sha256, at: instant })),
});
export type PolicyView = z.output<typeof policyView>;

export const policyDiff = z.object({
  label: z.string(),
  from: z.object({ version: z.number().int().nullable(), sha256 }),
  to: z.object({
    version: z.number().int().nullable().describe("null: the working text"),
    sha256,
  }),
  lines: z.array(
    z.object({
      kind: z.enum(["same", "removed", "added"]),
      text: z.string(),
      oldLine: z.number().int().optional(),
      newLine: z.number().int().optional(),
    }),
  ),
});
export type PolicyDiff = z.output<typeof policyDiff>;

const rosterEntry = z.object({
  name: z.string(),
  email: z.string(),
  acknowledgedAt: instant,
  sha256,
  address: z.string().nullable(),
});

export const acknowledgementRoster = z.object({
  policy: z.string(),
  title: z.string(),
  version: z.number().int(),
  sha256,
  publishedAt: instant,
  ackDueBy: day,
  audience,
  asked: z.number().int(),
  acknowledged: z.array(rosterEntry),
  missing: z.array(
    z.object({
      name: z.string(),
      email: z.string(),
      role: audienceRole,
      dueBy: day,
      overdue: z.boolean(),
    }),
  ),
  earlier: z.array(
    z.object({ version: z.number().int(), sha256, acknowledged: z.array(rosterEntry) }),
  ),
  generatedAt: instant,
});
export type AcknowledgementRoster = z.output<typeof acknowledgementRoster>;
