/**
 * Answers of the engagement routes: the engagement and the scope it froze, its auditors, each
 * control's population and the sample drawn from it, the tests and item results recorded in
 * fieldwork, and the conclusions that follow.
 */
import { z } from "zod";
import { CATEGORY_IDS, CONTROL_AUTOMATIONS, CONTROL_FREQUENCIES } from "../catalog/types.ts";
import { CONTROL_STATUSES } from "../domain/control.ts";
import { DRAW_KINDS, ENGAGEMENT_STATUSES, POPULATION_SOURCES } from "../domain/engagement.ts";
import { POPULATION_IMPORT_STATUSES } from "../domain/population-import.ts";
import {
  CONTROL_CONCLUSIONS,
  DESIGN_CONCLUSIONS,
  ITEM_RESULTS,
  TEST_METHODS,
} from "../domain/test-results.ts";
import { day, instant } from "./common.ts";

export const engagementStatus = z.enum(ENGAGEMENT_STATUSES);
export type EngagementStatus = z.output<typeof engagementStatus>;

export const engagementType = z
  .literal([1, 2])
  .describe("1: design as of one date; 2: operating effectiveness over a period");
export type EngagementType = z.output<typeof engagementType>;

const category = z.enum(CATEGORY_IDS);
const frequency = z.enum(CONTROL_FREQUENCIES);
const automation = z.enum(CONTROL_AUTOMATIONS);

/** A control as it stood when fieldwork began: what the engagement tests. */
export const snapshotControl = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  frequency,
  automation,
  status: z.enum(CONTROL_STATUSES),
  testProcedure: z.string(),
  criteria: z.array(z.string()).describe("criteria in the engagement's scope it is mapped to"),
});
export type SnapshotControl = z.output<typeof snapshotControl>;

export const engagementSnapshot = z
  .object({
    takenAt: instant,
    categories: z.array(category),
    exclusions: z.array(z.object({ criterionId: z.string(), reason: z.string() })),
    controls: z.array(snapshotControl),
  })
  .describe("the controls and mappings frozen when fieldwork began");
export type EngagementSnapshot = z.output<typeof engagementSnapshot>;

export const engagement = z.object({
  id: z.string(),
  number: z.number().int().describe('the engagement is "E-<number>" in its organization'),
  type: engagementType,
  asOf: day.nullable().describe("Type 1: the date the design is assessed as of"),
  periodFrom: day.nullable().describe("Type 2: the period's first day"),
  periodTo: day.nullable().describe("Type 2: the period's last day"),
  categories: z.array(category),
  auditFirm: z.string(),
  firmTeam: z
    .array(z.string())
    .describe(
      "names of the firm's team typed before auditors had accounts (older engagements); " +
        "the auditors are the accounts assigned (GET …/auditors)",
    ),
  periodReason: z.string().nullable(),
  status: engagementStatus,
  snapshot: engagementSnapshot.nullable().describe("null before fieldwork"),
  createdAt: instant,
  updatedAt: instant,
  version: z.number().int().describe("raised by every change of status"),
});
export type Engagement = z.output<typeof engagement>;

/** A member with the auditor role assigned to the engagement. */
export const assignee = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  assignedAt: instant,
});
export type Assignee = z.output<typeof assignee>;

/** One expected (or, for event-driven controls, recorded) occurrence of a control. */
export const populationItem = z.object({
  key: z.string(),
  label: z.string(),
  from: day,
  to: day,
  evidence: z.array(z.string()).describe("ids of the evidence items found for this occurrence"),
});
export type PopulationItem = z.output<typeof populationItem>;

const sha256Hex = z.string().describe("SHA-256 in hex");

const populationFields = {
  controlRef: z.string(),
  frequency,
  automation,
  population: z.array(populationItem),
  missing: z.array(z.string()).describe("keys of expected occurrences with no evidence"),
};

const populationImportRef = z.object({
  number: z.number().int().describe("the import's number for this control"),
  rowsSha256: sha256Hex.describe("of the import's canonical rows"),
});

/** A control's population over the period, as sampling sees it. */
export const controlPopulation = z.object({
  ...populationFields,
  source: z
    .enum(POPULATION_SOURCES)
    .describe("calendar windows, recorded events, or an accepted imported population"),
  latestImport: populationImportRef
    .extend({ status: z.enum(POPULATION_IMPORT_STATUSES) })
    .nullable()
    .describe("the control's latest import, whatever its status; null when none"),
});
export type ControlPopulation = z.output<typeof controlPopulation>;

const sha256 = z.string().describe("SHA-256 in hex");
const drawKind = z
  .enum(DRAW_KINDS)
  .describe("period: after it ended; interim: while it ran; roll-forward: what ended since");

/** One draw of a control's items from one slice of its population. */
export const controlDraw = z.object({
  kind: drawKind,
  at: instant,
  by: z.string(),
  populationTo: day.describe("the last day whose occurrences the slice holds"),
  keys: z.array(z.string()).describe("the slice's occurrences"),
  populationSha256: sha256.describe("of the canonical JSON of the slice's rows at the draw"),
  stream: z.string().describe("drawSample(slice, size, seed, stream) re-derives the items"),
  size: z.number().int(),
  items: z.array(z.string()),
});
export type ControlDraw = z.output<typeof controlDraw>;

export const sampleExtension = z.object({
  at: instant,
  by: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  added: z.array(z.string()),
  deviations: z.number().int().describe("exceptions recorded on the control when extended"),
});
export type SampleExtension = z.output<typeof sampleExtension>;

export const controlSample = z.object({
  ...populationFields,
  populationSource: z
    .enum(POPULATION_SOURCES)
    .describe("calendar windows, the events recorded as evidence, or an imported population"),
  populationImport: populationImportRef.optional().describe("the accepted import drawn from"),
  populationSha256: sha256.describe("of the canonical JSON of `population`"),
  sampleSize: z.number().int(),
  basis: z.string().describe("why this size, in words"),
  items: z.array(z.string()).describe("keys of the sampled population items"),
  itemLabels: z
    .array(z.string())
    .describe('the sampled items in words, in the order of items ("Pull request #4105 (2 March)")'),
  draws: z.array(controlDraw),
  extensions: z.array(sampleExtension),
  reliesOn: z
    .array(z.string())
    .describe("automated controls: the IT general controls a test of one relies on"),
});
export type ControlSample = z.output<typeof controlSample>;

export const sampleDraw = z.object({
  kind: drawKind,
  at: instant,
  by: z.string(),
  populationTo: day,
  populationSha256: sha256.describe(
    "of the canonical JSON of [{ control, population }]: each control's slice rows",
  ),
  items: z.number().int(),
});
export type SampleDraw = z.output<typeof sampleDraw>;

export const engagementSample = z.object({
  id: z.string(),
  seed: z.string().describe("drawing again from the same population and seed gives this sample"),
  drawnAt: instant,
  drawnBy: z.string().describe("the assigned auditor who drew it"),
  redrawReason: z.string().nullable(),
  populationSha256: sha256.describe(
    "of the canonical JSON of [{ control, population }] over every control: anyone can " +
      "check the population the sample was drawn from",
  ),
  draws: z.array(sampleDraw).describe("the first draw, then each roll-forward"),
  controls: z.array(controlSample),
});
export type EngagementSample = z.output<typeof engagementSample>;

/** What a draw, extension or roll-forward did to the request list (sample-requests.ts). */
export const sampleRequests = z.object({
  opened: z
    .array(z.string())
    .describe("R-numbers of the requests opened, one per sampled occurrence of an import"),
  alreadyAsked: z.number().int().describe("sampled occurrences of imports that had a request"),
  withdrawn: z
    .array(z.string())
    .describe("R-numbers of the requests withdrawn because their item left the sample"),
  unasked: z
    .array(
      z.object({
        control: z.string(),
        items: z.number().int().describe("sampled occurrences left without a request"),
        reason: z.string().describe("why nobody could be asked, in words"),
      }),
    )
    .describe("imported controls that got no request: no owner or importer who can answer"),
});
export type SampleRequests = z.output<typeof sampleRequests>;

/** The answer of a draw: the sample, and the requests it opened or withdrew. */
export const drawnSample = engagementSample.extend({ requests: sampleRequests });
export type DrawnSample = z.output<typeof drawnSample>;

export const testMethod = z.enum(TEST_METHODS);
export type TestMethod = z.output<typeof testMethod>;

export const designConclusion = z.enum(DESIGN_CONCLUSIONS);
export type DesignConclusion = z.output<typeof designConclusion>;

export const controlTest = z.object({
  controlRef: z.string(),
  methods: z.array(testMethod),
  procedure: z.string(),
  tester: z.string().describe("the auditor who performed the test"),
  testerEmail: z
    .string()
    .nullable()
    .describe("the auditor's account; null on tests recorded before tests named accounts"),
  enteredBy: z
    .string()
    .nullable()
    .describe("the owner who entered the test on the auditor's behalf; null when the auditor did"),
  testedOn: day,
  design: designConclusion.nullable().describe("Type 1 only"),
  designNotes: z.string().nullable(),
});
export type ControlTest = z.output<typeof controlTest>;

export const itemResult = z.object({
  controlRef: z.string(),
  itemKey: z.string(),
  result: z.enum(ITEM_RESULTS),
  description: z.string().nullable().describe("what was found (required for an exception)"),
  recordedBy: z.string().describe("the auditor whose result this is"),
  recordedByEmail: z
    .string()
    .nullable()
    .describe("the auditor's account; null on results recorded before results named accounts"),
  enteredBy: z
    .string()
    .nullable()
    .describe(
      "the owner who entered the result on the auditor's behalf; null when the auditor did",
    ),
  recordedAt: instant,
  managementResponse: z.string().nullable(),
  respondedBy: z.string().nullable(),
  respondedAt: instant.nullable(),
});
export type ItemResult = z.output<typeof itemResult>;

export const controlConclusion = z.enum(CONTROL_CONCLUSIONS);
export type ControlConclusion = z.output<typeof controlConclusion>;

export const controlOutcome = z.object({
  controlRef: z.string(),
  title: z.string(),
  conclusion: controlConclusion,
  sampleSize: z.number().int(),
  tested: z.number().int(),
  deviations: z.number().int(),
  summary: z.string().describe('"1 deviation in 25 items (25 tested)", or "" for a Type 1'),
  note: z
    .string()
    .nullable()
    .describe("why the conclusion is not a plain count (no occurrences, not in place, …)"),
  exceptions: z.array(itemResult),
  missingOccurrences: z
    .array(z.object({ itemKey: z.string(), label: z.string() }))
    .describe("sampled occurrences with no evidence and no result: deviations all the same"),
  awaitingResult: z.array(z.string()).describe("sampled items with no result yet"),
  test: controlTest.nullable(),
});
export type ControlOutcome = z.output<typeof controlOutcome>;

export const criterionOutcome = z.object({
  criterionId: z.string(),
  conclusion: controlConclusion.describe("the worst of its controls' conclusions"),
  controls: z.array(z.string()).describe("refs of the controls in place mapped to it"),
  notImplemented: z
    .array(z.string())
    .describe("refs of mapped controls left out: not in place when the scope was frozen"),
  effect: z.string().nullable().describe("what leaving those controls out does to the criterion"),
});
export type CriterionOutcome = z.output<typeof criterionOutcome>;

export const testingProgress = z.object({
  controls: z.number().int().describe("controls in place at the freeze: those tested"),
  concluded: z.number().int().describe("controls with a conclusion, whichever way it went"),
  items: z.number().int().describe("sampled items across every control"),
  tested: z.number().int().describe("sampled items with a result recorded"),
  sentence: z.string().describe('"52 of 87 controls concluded, 412 of 530 items tested"'),
});
export type TestingProgress = z.output<typeof testingProgress>;

export const engagementResults = z.object({
  engagement,
  seed: z.string().nullable().describe("the current sample's seed; null before one is drawn"),
  controls: z.array(controlOutcome),
  criteria: z.array(criterionOutcome),
  totals: z
    .record(z.string(), z.number().int())
    .describe("how many controls reached each conclusion"),
  progress: testingProgress,
});
export type EngagementResults = z.output<typeof engagementResults>;
