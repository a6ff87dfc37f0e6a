/**
 * The report package as the draft view answers it: the system description (DC 200), the
 * sign-offs, section IV's criteria and controls with their results, and what is still missing.
 * Every output (PDF, HTML, JSON, OSCAL) is rendered from this same model.
 *
 * The description here is what is stored and shown; what an edit may send is the service's
 * input schema (stricter: lengths, trimming, known criteria, partial updates).
 */
import { z } from "zod";
import { CATEGORY_IDS } from "../catalog/types.ts";
import { COMPONENT_KINDS, OPINION_TYPES, SUBSERVICE_METHODS } from "../domain/report.ts";
import { day, instant } from "./common.ts";
import { controlConclusion, engagementType, testMethod } from "./engagements.ts";

export const componentKind = z.enum(COMPONENT_KINDS);
export type ComponentKind = z.output<typeof componentKind>;

export const subserviceMethod = z.enum(SUBSERVICE_METHODS);
export type SubserviceMethod = z.output<typeof subserviceMethod>;

export const opinionType = z.enum(OPINION_TYPES);
export type OpinionType = z.output<typeof opinionType>;

export const systemComponent = z.object({
  name: z.string(),
  description: z.string(),
  owner: z.string().describe("who is responsible for it; empty until named"),
});
export type SystemComponent = z.output<typeof systemComponent>;

export const systemIncident = z.object({
  date: day,
  nature: z.string(),
  extent: z.string(),
  disposition: z.string(),
});
export type SystemIncident = z.output<typeof systemIncident>;

export const complementaryControl = z.object({
  text: z.string(),
  criteria: z.array(z.string()).describe("criteria the control supports"),
});
export type ComplementaryControl = z.output<typeof complementaryControl>;

export const subserviceOrganization = z.object({
  name: z.string(),
  services: z.string(),
  method: subserviceMethod,
  csocs: z
    .array(complementaryControl)
    .describe("complementary subservice organization controls: what the vendor is expected to do"),
});
export type SubserviceOrganization = z.output<typeof subserviceOrganization>;

export const significantChange = z.object({ date: day, description: z.string() });
export type SignificantChange = z.output<typeof significantChange>;

const components = z.object({
  infrastructure: z.array(systemComponent),
  software: z.array(systemComponent),
  people: z.array(systemComponent),
  procedures: z.array(systemComponent),
  data: z.array(systemComponent),
} satisfies Record<ComponentKind, z.ZodType>);

/** What the company writes; DC5 (criteria and controls) and DC8 (not relevant) are generated. */
export const systemDescriptionContent = z.object({
  services: z.string().describe("DC1: the services the report covers"),
  commitments: z.array(z.string()).describe("DC2: principal service commitments"),
  systemRequirements: z.array(z.string()).describe("DC2: system requirements"),
  components: components.describe("DC3: the system's components, by kind"),
  boundaries: z.string().describe("DC3: the system's boundaries"),
  incidents: z.array(systemIncident).describe("DC4: incidents in the period"),
  noIncidents: z.boolean().describe("DC4: the statement that there were none"),
  cuecs: z.array(complementaryControl).describe("DC6: complementary user entity controls"),
  noCuecs: z.boolean().describe("DC6: the statement that there are none"),
  subservices: z.array(subserviceOrganization).describe("DC7: subservice organizations"),
  noSubservices: z.boolean().describe("DC7: the statement that there are none"),
  changes: z.array(significantChange).describe("DC9 (Type 2): significant changes in the period"),
  noChanges: z.boolean().describe("DC9: the statement that there were none"),
});
export type SystemDescriptionContent = z.output<typeof systemDescriptionContent>;

export const descriptionGap = z.object({
  criterion: z.string().describe("DC1 … DC9"),
  missing: z.string().describe("what the description still lacks, in words"),
});
export type DescriptionGap = z.output<typeof descriptionGap>;

const signedDigest = z
  .string()
  .describe("the contentSha256 of the package signed off: an edit afterwards voids the sign-off");

/**
 * Section I as the auditor filled it; Attest's template words go around it. The parts are
 * absent from opinions recorded before Section I was structured, which carry their text alone.
 */
export const auditorOpinion = z.object({
  type: opinionType,
  firm: z.string().optional().describe("the audit firm signing the report"),
  city: z.string().optional().describe("the city the report is signed in"),
  date: day.optional().describe("the report's date, which is the final version's issue date"),
  criteriaNotMet: z
    .array(z.string())
    .optional()
    .describe("qualified or adverse: the in-scope criteria not met, in catalog order"),
  basisForModification: z
    .string()
    .nullable()
    .optional()
    .describe("the auditor's words on why the opinion is modified; null when unmodified"),
  text: z.string().describe("further paragraphs of the auditor's (other matters); may be empty"),
  contentSha256: signedDigest,
  recordedBy: z.string().describe("the auditor's user id"),
  recordedByName: z.string(),
  recordedAt: instant,
});
export type AuditorOpinion = z.output<typeof auditorOpinion>;

export const approval = z.object({
  by: z.string().describe("the approver's user id"),
  name: z.string(),
  at: instant,
  contentSha256: signedDigest,
});
export type Approval = z.output<typeof approval>;

export const assertion = z.object({
  text: z.string(),
  generated: z.boolean().describe("true while the text is the template's, untouched"),
  approval: approval.nullable(),
  updatedAt: instant,
});
export type Assertion = z.output<typeof assertion>;

export const packageControl = z.object({
  ref: z.string(),
  title: z.string(),
  description: z
    .string()
    .optional()
    .describe("the control as described when the scope was frozen; absent from older versions"),
  frequency: z.string(),
  automation: z.string(),
  testProcedure: z.string(),
  conclusion: controlConclusion,
  test: z
    .object({
      methods: z.array(testMethod),
      procedure: z.string(),
      tester: z.string(),
      enteredBy: z
        .string()
        .nullable()
        .describe("the owner who entered the test on the auditor's behalf"),
      testedOn: day,
      designNotes: z.string().nullable(),
    })
    .nullable()
    .describe("what the auditor did; null when no test is recorded"),
  population: z.number().int().describe("occurrences in the period (Type 2)"),
  sampleSize: z.number().int(),
  deviations: z.number().int(),
  result: z.string().describe('"No exceptions noted." or "1 deviation in 25 items."'),
  exceptions: z.array(
    z.object({
      item: z.string(),
      label: z
        .string()
        .optional()
        .describe('the sampled item in words ("pull request #4105 (2 March 2026)")'),
      description: z.string(),
      managementResponse: z.string().nullable(),
      respondedAt: instant.nullable(),
    }),
  ),
});
export type PackageControl = z.output<typeof packageControl>;

export const packageCriterion = z.object({
  id: z.string(),
  label: z.string(),
  category: z.enum(CATEGORY_IDS),
  conclusion: controlConclusion,
  controls: z.array(packageControl),
});
export type PackageCriterion = z.output<typeof packageCriterion>;

/** The public half of the organization's evidence-bundle signing key. */
export const publicSigningKey = z.object({
  algorithm: z.literal("Ed25519"),
  publicKey: z.string().describe("the raw 32-byte public key, base64"),
  fingerprint: z.string().describe('"SHA256:" and the unpadded base64 of SHA-256 over the raw key'),
});

export const reportPackage = z.object({
  version: z
    .number()
    .int()
    .describe(
      "1 for the first draft; each finalization freezes one, and the next edit starts the next",
    ),
  contentSha256: z
    .string()
    .describe("digest of what the package says, apart from sign-offs and version stamps"),
  voidedSignOffs: z
    .array(z.string())
    .describe("sign-offs given on earlier content, in words: they no longer count"),
  state: z.enum(["draft", "final"]),
  issueDate: day.nullable(),
  generatedAt: instant,
  organization: z.object({ name: z.string(), systemName: z.string() }),
  engagement: z.object({
    id: z.string(),
    label: z.string().describe('"E-3"'),
    type: engagementType,
    asOf: day.nullable(),
    periodFrom: day.nullable(),
    periodTo: day.nullable(),
    categories: z.array(z.enum(CATEGORY_IDS)),
    auditFirm: z.string(),
  }),
  opinion: auditorOpinion.nullable().describe("section I: null unless an auditor recorded one"),
  assertion: assertion.describe("section II: management's assertion"),
  description: systemDescriptionContent.describe("section III: the system description"),
  descriptionGaps: z.array(descriptionGap).describe("empty when the description is complete"),
  notRelevant: z.array(z.object({ criterionId: z.string(), reason: z.string() })),
  criteria: z.array(packageCriterion).describe("section IV, in catalog order"),
  otherInformation: z.string().describe("section V: from management, not covered by the opinion"),
  signingKey: publicSigningKey
    .nullable()
    .describe("the organization's evidence-bundle key, so readers can match a bundle"),
});
export type ReportPackage = z.output<typeof reportPackage>;
