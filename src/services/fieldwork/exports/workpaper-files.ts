/**
 * What the workpapers ZIP holds besides the matrix: one JSON workpaper per control (the test
 * steps, each sampled item's result per step and notes, the auditor's files), one JSON file
 * per control with an imported population (every import with its source, rows, hash,
 * completeness statement and the auditor's decision), where the auditor's own files go in the
 * archive, and the README. Pure: workpapers.ts reads the records and signs the archive.
 */
import type { EngagementSample, EngagementSnapshot } from "../../../domain/engagement.ts";
import type { PopulationImport } from "../../../domain/population-import.ts";
import type { ItemResult } from "../../../domain/test-results.ts";
import { itemInWords } from "../../../domain/words.ts";
import type {
  ItemWorkpaper,
  WorkpaperAttachment,
  WorkpaperStep,
} from "../../../domain/workpaper.ts";
import { safeSegment } from "../../reporting/bundle/layout.ts";
import { MANIFEST_PATH, SIGNATURE_PATH } from "../../reporting/bundle/manifest.ts";
import type { OrganizationSigningKey } from "../../reporting/signing-keys.ts";
import type { resultsOf } from "../results.ts";

export const MATRIX_PATH = "matrix.csv";
export const OVERVIEW_PATH = "engagement.json";

type SnapshotControl = EngagementSnapshot["controls"][number];
type Results = Awaited<ReturnType<typeof resultsOf>>;

export function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, "utf8");
}

export function controlPath(ref: string): string {
  return `controls/${safeSegment(ref, 40)}.json`;
}

export function populationPath(ref: string): string {
  return `populations/${safeSegment(ref, 40)}.json`;
}

/**
 * Where each of the auditor's files goes: attachments/<REF>/<first 8 of its id>_<name>, the
 * whole id when two share their first 8 characters. Keyed by attachment id.
 */
export function attachmentPaths(attachments: readonly WorkpaperAttachment[]): Map<string, string> {
  const paths = new Map<string, string>();
  const taken = new Set<string>();
  for (const file of attachments) {
    const folder = `attachments/${safeSegment(file.controlRef, 40)}`;
    const name = safeSegment(file.fileName);
    let path = `${folder}/${file.id.slice(0, 8)}_${name}`;
    if (taken.has(path)) path = `${folder}/${file.id}_${name}`;
    taken.add(path);
    paths.set(file.id, path);
  }
  return paths;
}

/** What the control's workpaper says of one of the auditor's files. */
function attachmentEntry(file: WorkpaperAttachment, paths: ReadonlyMap<string, string>) {
  return {
    path: paths.get(file.id) ?? null,
    fileName: file.fileName,
    mediaType: file.mediaType,
    size: file.size,
    sha256: file.sha256,
    item: file.itemKey,
    uploadedBy: file.uploadedBy,
    uploadedByEmail: file.uploadedByEmail,
    uploadedAt: file.uploadedAt,
  };
}

/** The auditor's records of one control, as read from the database for the archive. */
export interface ControlRecords {
  control: SnapshotControl;
  results: Results;
  itemResults: readonly ItemResult[];
  steps: readonly WorkpaperStep[];
  itemWorkpapers: readonly ItemWorkpaper[];
  attachments: readonly WorkpaperAttachment[];
  attachmentPaths: ReadonlyMap<string, string>;
}

type DrawnControl = EngagementSample["controls"][number];

function itemEntry(records: ControlRecords, drawn: DrawnControl, key: string) {
  const { control } = records;
  const occurrence = drawn.population.find((item) => item.key === key);
  const result = records.itemResults.find((r) => r.controlRef === control.ref && r.itemKey === key);
  const paper = records.itemWorkpapers.find((w) => w.itemKey === key);
  return {
    key,
    label: occurrence === undefined ? key : itemInWords(occurrence, { year: true }),
    from: occurrence?.from ?? null,
    to: occurrence?.to ?? null,
    evidence: occurrence?.evidence ?? [],
    noEvidence: drawn.missing.includes(key),
    result: result?.result ?? null,
    // The item's result in words (for an exception, what was found, with the attributes not met).
    note: result?.description ?? null,
    // The result of each test step, in the steps' order; null where none is recorded.
    attributes: records.steps.map((step, index) => ({
      step: index + 1,
      text: step.text,
      result: paper?.attributes[String(step.id)] ?? null,
    })),
    // The auditor's own note on the item, kept with the attribute results.
    workpaperNote: paper?.note ?? null,
    attributesRecordedBy: paper?.recordedBy ?? null,
    attributesRecordedAt: paper?.recordedAt ?? null,
    recordedBy: result?.recordedBy ?? null,
    recordedByEmail: result?.recordedByEmail ?? null,
    enteredBy: result?.enteredBy ?? null,
    recordedAt: result?.recordedAt ?? null,
    managementResponse: result?.managementResponse ?? null,
    respondedBy: result?.respondedBy ?? null,
    respondedAt: result?.respondedAt ?? null,
    attachments: records.attachments
      .filter((file) => file.itemKey === key)
      .map((file) => records.attachmentPaths.get(file.id) ?? file.fileName),
  };
}

/** One control's workpaper: what was planned, performed and found, item by item. */
export function controlWorkpaper(records: ControlRecords) {
  const { control, results } = records;
  const outcome = results.controls.find((c) => c.controlRef === control.ref);
  const drawn = results.sample?.controls.find((c) => c.controlRef === control.ref);
  return {
    ref: control.ref,
    title: control.title,
    description: control.description ?? "",
    criteria: control.criteria,
    frequency: control.frequency,
    automation: control.automation,
    statusAtFreeze: control.status,
    plannedProcedure: control.testProcedure,
    // The attributes tested, numbered as the items' attribute results are.
    steps: records.steps.map((step, index) => ({ number: index + 1, text: step.text })),
    test:
      outcome?.test === undefined || outcome.test === null
        ? null
        : {
            methods: outcome.test.methods,
            procedure: outcome.test.procedure,
            tester: outcome.test.tester,
            testerEmail: outcome.test.testerEmail,
            enteredBy: outcome.test.enteredBy,
            testedOn: outcome.test.testedOn,
            design: outcome.test.design,
            // The auditor's note on the design (Type 1).
            notes: outcome.test.designNotes,
          },
    conclusion: outcome?.conclusion ?? null,
    summary: outcome?.summary ?? "",
    conclusionNote: outcome?.note ?? null,
    population:
      drawn === undefined
        ? null
        : {
            source: drawn.populationSource,
            import: drawn.populationImport ?? null,
            size: drawn.population.length,
            sha256: drawn.populationSha256,
            sampleSize: drawn.sampleSize,
            basis: drawn.basis,
          },
    items: drawn === undefined ? [] : drawn.items.map((key) => itemEntry(records, drawn, key)),
    attachments: records.attachments.map((file) => attachmentEntry(file, records.attachmentPaths)),
  };
}

/**
 * A control's imported populations, the latest first: each import's source as the company
 * stated it, its rows and their SHA-256 (population-import.ts says how to recompute it), the
 * completeness statement, and the auditor's decision.
 */
export function populationFile(ref: string, imports: readonly PopulationImport[]) {
  return {
    control: ref,
    imports: imports.map((item) => ({
      number: item.number,
      source: {
        system: item.source.system,
        query: item.source.query,
        ranBy: item.source.ranBy,
        ranAt: item.source.ranAt,
      },
      fileName: item.fileName,
      format: item.format,
      rowCount: item.rowCount,
      firstDate: item.firstDate,
      lastDate: item.lastDate,
      rowsSha256: item.rowsSha256,
      completeness: item.completeness,
      reason: item.reason,
      importedBy: item.importedBy,
      importedAt: item.importedAt,
      decision: {
        status: item.status,
        by: item.reviewedBy,
        at: item.reviewedAt,
        reason: item.returnReason,
      },
    })),
  };
}

export function readme(facts: {
  organization: string;
  engagement: string;
  generatedAt: string;
  generatedBy: string;
  controls: number;
  populations: number;
  attachments: number;
  key: OrganizationSigningKey;
}): Buffer {
  return Buffer.from(`WORKPAPERS: ${facts.organization}, engagement ${facts.engagement}
Made by Attest on ${facts.generatedAt} for ${facts.generatedBy}: ${facts.controls} controls,
${facts.populations} imported populations, ${facts.attachments} files of the auditor's own.

WHAT IS INSIDE

  ${MANIFEST_PATH}    Every file with its SHA-256 and size, and the signing key.
  ${SIGNATURE_PATH}     The Ed25519 signature over the exact bytes of ${MANIFEST_PATH}, in base64.
  ${MATRIX_PATH}       The control matrix: one row per control (criteria, owner, frequency,
                   population, sample size, test performed, result, exceptions).
  ${OVERVIEW_PATH}  The engagement: period, firm, assigned auditors, the sample's seed.
  controls/        One JSON workpaper per control: the procedure planned and the test
                   performed, the test steps (attributes), the conclusion, and each sampled
                   item with its evidence ids, its result per attribute, the auditor's notes
                   and the paths of the auditor's files on it.
  populations/     One JSON file per control whose population was imported from a system
                   of record: each import's source (system, query, who ran it and when),
                   row count, SHA-256 of the canonical rows, the company's completeness
                   statement and the auditor's decision.
  attachments/     The auditor's own files, by control, exactly as uploaded.

CHECKING IT

  attest bundle verify THIS-FILE.zip --key ${facts.key.fingerprint}

  The same check as for an evidence bundle: the signature, the key, every file's size and
  SHA-256, and nothing missing or added. Compare the fingerprint with the one the
  organization gives you separately ("attest signing-key").
`);
}
