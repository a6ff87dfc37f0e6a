/**
 * An engagement's workpapers as one signed ZIP: the control matrix, an overview of the
 * engagement (its auditors, scope and sample), and one JSON workpaper per control with the test
 * performed, the conclusion, and every sampled item with its evidence, result and the
 * auditor's note. It is signed like the evidence bundle (reporting/bundle/manifest.ts: the
 * same manifest envelope, key and signature), so `attest bundle verify` checks it.
 *
 * Who takes it: the engagement's assigned auditors at any time; the company's owners and admins
 * once a final report is out (the final-report step), since until then the workpapers are the
 * auditor's work in progress and the company must not read the auditor's notes ahead of the
 * report.
 */
import { createHash } from "node:crypto";
import { listItemResults } from "../../../db/engagements.repo.ts";
import { getOrganization } from "../../../db/organizations.repo.ts";
import { read } from "../../../db/transaction.ts";
import type { Tx } from "../../../db/transaction.ts";
import { listEngagementAssignees } from "../../../db/users.repo.ts";
import { scopeOf } from "../../../domain/actor.ts";
import type { Actor } from "../../../domain/actor.ts";
import { matrixCsv } from "../../../domain/control-matrix.ts";
import { engagementLabel, statusIndex } from "../../../domain/engagement.ts";
import type { Engagement, EngagementSnapshot } from "../../../domain/engagement.ts";
import { AppError } from "../../../domain/errors.ts";
import { authorize } from "../../../domain/permissions.ts";
import type { ItemResult } from "../../../domain/test-results.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { loadEngagement } from "../engagements.service.ts";
import type { resultsOf } from "../results.ts";
import { safeSegment } from "../../reporting/bundle/layout.ts";
import {
  MANIFEST_PATH,
  SIGNATURE_PATH,
  WORKPAPERS_FORMAT,
  encodeSignature,
  manifestBytes,
} from "../../reporting/bundle/manifest.ts";
import type { WorkpaperFile, WorkpapersManifest } from "../../reporting/bundle/manifest.ts";
import { zipInMemory } from "../../reporting/bundle/zip-stream.ts";
import type { MemoryEntry } from "../../reporting/bundle/zip-stream.ts";
import { loadOrganizationSigner } from "../../reporting/signing-keys.ts";
import type { OrganizationSigningKey } from "../../reporting/signing-keys.ts";
import { matrixRows } from "./control-matrix.ts";

export const MATRIX_PATH = "matrix.csv";
export const OVERVIEW_PATH = "engagement.json";

/** Before the final report, the workpapers are the auditor's alone. */
function checkCompanyMayRead(actor: Actor, engagement: Engagement): void {
  if (actor.role === "auditor") return;
  if (statusIndex(engagement.status) >= statusIndex("final-report")) return;
  throw new AppError(
    "FORBIDDEN",
    `${engagementLabel(engagement)}'s workpapers are the auditor's until a final report is ` +
      `out (it is in ${engagement.status}); ask the auditor, or take the control matrix`,
  );
}

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, "utf8");
}

type SnapshotControl = EngagementSnapshot["controls"][number];
type Results = Awaited<ReturnType<typeof resultsOf>>;

/** One control's workpaper: what was planned, performed and found, item by item. */
function controlWorkpaper(
  control: SnapshotControl,
  results: Results,
  itemResults: readonly ItemResult[],
) {
  const outcome = results.controls.find((c) => c.controlRef === control.ref);
  const drawn = results.sample?.controls.find((c) => c.controlRef === control.ref);
  const resultOf = (key: string) =>
    itemResults.find((r) => r.controlRef === control.ref && r.itemKey === key) ?? null;
  const missing = new Set(drawn?.missing ?? []);
  return {
    ref: control.ref,
    title: control.title,
    description: control.description ?? "",
    criteria: control.criteria,
    frequency: control.frequency,
    automation: control.automation,
    statusAtFreeze: control.status,
    plannedProcedure: control.testProcedure,
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
            size: drawn.population.length,
            sha256: drawn.populationSha256,
            sampleSize: drawn.sampleSize,
            basis: drawn.basis,
          },
    items: (drawn?.items ?? []).map((key) => {
      const occurrence = drawn?.population.find((item) => item.key === key);
      const result = resultOf(key);
      return {
        key,
        label: occurrence?.label ?? key,
        from: occurrence?.from ?? null,
        to: occurrence?.to ?? null,
        evidence: occurrence?.evidence ?? [],
        noEvidence: missing.has(key),
        result: result?.result ?? null,
        // The auditor's note on the item (for an exception, what was found).
        note: result?.description ?? null,
        recordedBy: result?.recordedBy ?? null,
        recordedByEmail: result?.recordedByEmail ?? null,
        enteredBy: result?.enteredBy ?? null,
        recordedAt: result?.recordedAt ?? null,
        managementResponse: result?.managementResponse ?? null,
        respondedBy: result?.respondedBy ?? null,
        respondedAt: result?.respondedAt ?? null,
      };
    }),
  };
}

function readme(facts: {
  organization: string;
  engagement: string;
  generatedAt: string;
  generatedBy: string;
  controls: number;
  key: OrganizationSigningKey;
}): Buffer {
  return Buffer.from(`WORKPAPERS: ${facts.organization}, engagement ${facts.engagement}
Made by Attest on ${facts.generatedAt} for ${facts.generatedBy}: ${facts.controls} controls.

WHAT IS INSIDE

  ${MANIFEST_PATH}    Every file with its SHA-256 and size, and the signing key.
  ${SIGNATURE_PATH}     The Ed25519 signature over the exact bytes of ${MANIFEST_PATH}, in base64.
  ${MATRIX_PATH}       The control matrix: one row per control (criteria, owner, frequency,
                   population, sample size, test performed, result, exceptions).
  ${OVERVIEW_PATH}  The engagement: period, firm, assigned auditors, the sample's seed.
  controls/        One JSON workpaper per control: the procedure planned and the test
                   performed, the conclusion, and each sampled item with its evidence ids,
                   its result and the auditor's note.

CHECKING IT

  attest bundle verify THIS-FILE.zip --key ${facts.key.fingerprint}

  The same check as for an evidence bundle: the signature, the key, every file's size and
  SHA-256, and nothing missing or added. Compare the fingerprint with the one the
  organization gives you separately ("attest signing-key").
`);
}

async function gather(tx: Tx, actor: Actor, handle: string, at: string) {
  const engagement = await loadEngagement(tx, actor, handle);
  checkCompanyMayRead(actor, engagement);
  const scope = scopeOf(actor);
  const organization = await getOrganization(tx, scope);
  const { rows, results, snapshot } = await matrixRows(tx, actor, engagement, at);
  const itemResults =
    results.sample === null ? [] : await listItemResults(tx, scope, results.sample.id);
  const auditors = await listEngagementAssignees(tx, scope, engagement.id);
  return { engagement, organization, rows, results, snapshot, itemResults, auditors };
}

export interface Workpapers {
  fileName: string;
  bytes: Buffer;
  files: number;
  signingKey: OrganizationSigningKey;
}

export async function buildWorkpapers(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<Workpapers> {
  authorize(actor, "engagement:workpapers");
  const generatedAt = ctx.now().toISOString();
  const found = await read(ctx.db, (tx) => gather(tx, actor, handle, generatedAt));
  const signer = await loadOrganizationSigner(ctx, actor);
  const { engagement, organization, results, snapshot } = found;
  const label = engagementLabel(engagement);
  const overview = {
    organization: { id: organization.id, name: organization.name },
    engagement: {
      id: engagement.id,
      label,
      type: engagement.type,
      asOf: engagement.asOf,
      periodFrom: engagement.periodFrom,
      periodTo: engagement.periodTo,
      categories: engagement.categories,
      status: engagement.status,
      frozenAt: engagement.snapshot?.takenAt ?? null,
    },
    firm: { name: engagement.auditFirm, team: engagement.firmTeam },
    auditors: found.auditors.map((a) => ({
      name: a.user.name,
      email: a.user.email,
      assignedAt: a.assignedAt,
    })),
    exclusions: snapshot.exclusions,
    sample:
      results.sample === null
        ? null
        : {
            seed: results.sample.seed,
            drawnAt: results.sample.drawnAt,
            drawnBy: results.sample.drawnBy,
            redrawReason: results.sample.redrawReason,
            populationSha256: results.sample.populationSha256,
            draws: results.sample.draws,
          },
    conclusions: results.totals,
  };
  const entries: (MemoryEntry & Pick<WorkpaperFile, "kind" | "controls">)[] = [
    {
      path: MATRIX_PATH,
      content: Buffer.from(matrixCsv(found.rows), "utf8"),
      kind: "matrix",
      controls: found.rows.map((r) => r.ref),
    },
    { path: OVERVIEW_PATH, content: json(overview), kind: "engagement", controls: [] },
    ...[...snapshot.controls]
      .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
      .map((control) => ({
        path: `controls/${safeSegment(control.ref, 40)}.json`,
        content: json(controlWorkpaper(control, results, found.itemResults)),
        kind: "control" as const,
        controls: [control.ref],
      })),
  ];
  const readmeBytes = readme({
    organization: organization.name,
    engagement: label,
    generatedAt,
    generatedBy: actor.name,
    controls: snapshot.controls.length,
    key: signer.key,
  });
  const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
  const manifest: WorkpapersManifest = {
    format: WORKPAPERS_FORMAT,
    organization: { id: organization.id, name: organization.name },
    engagement: {
      id: engagement.id,
      label,
      type: engagement.type,
      asOf: engagement.asOf,
      periodFrom: engagement.periodFrom,
      periodTo: engagement.periodTo,
      categories: [...engagement.categories],
      auditFirm: engagement.auditFirm,
      status: engagement.status,
      frozenAt: engagement.snapshot?.takenAt ?? null,
    },
    generatedAt,
    generatedBy: actor.name,
    signingKey: {
      algorithm: signer.key.algorithm,
      publicKey: signer.key.publicKey,
      fingerprint: signer.key.fingerprint,
    },
    files: entries.map((e) => ({
      path: e.path,
      sha256: sha(e.content),
      size: e.content.length,
      kind: e.kind,
      controls: e.controls,
    })),
    readme: { path: "README.txt", sha256: sha(readmeBytes), size: readmeBytes.length },
  };
  const signed = manifestBytes(manifest);
  const bytes = await zipInMemory(entries, {
    manifest: signed,
    signature: encodeSignature(signer.sign(signed)),
    readme: readmeBytes,
    at: new Date(generatedAt),
  });
  return {
    fileName: `${safeSegment(organization.slug, 40)}-${label}-workpapers-${generatedAt.slice(0, 10)}.zip`,
    bytes,
    files: entries.length,
    signingKey: signer.key,
  };
}
