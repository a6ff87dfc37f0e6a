/**
 * An engagement's workpapers as one signed ZIP: the control matrix, an overview of the
 * engagement (its auditors, scope and sample), one JSON workpaper per control (the test
 * performed and its steps, the conclusion, and every sampled item with its evidence, result
 * per step and the auditor's notes), one JSON file per imported population (source, rows,
 * hash, completeness statement, the auditor's decision), and the auditor's own files, which
 * stream from the blob store and are checked against their recorded SHA-256 on the way. It is
 * signed like the evidence bundle (reporting/bundle/manifest.ts: the same manifest envelope,
 * key and signature), so `attest bundle verify` checks it.
 *
 * Who takes it: the engagement's assigned auditors only. It holds the auditor's notes and
 * their own files, which no company role may read (workpaper-attachments.service.ts); the
 * company takes the control matrix, and the report once it is out.
 */
import { createHash } from "node:crypto";
import type { Writable } from "node:stream";
import { listItemResults } from "../../../db/engagements.repo.ts";
import { getOrganization } from "../../../db/organizations.repo.ts";
import { listPopulationImports } from "../../../db/populations.repo.ts";
import { read } from "../../../db/transaction.ts";
import type { Tx } from "../../../db/transaction.ts";
import { listEngagementAssignees } from "../../../db/users.repo.ts";
import { listAttachments, listItemWorkpapers, listSteps } from "../../../db/workpapers.repo.ts";
import { scopeOf } from "../../../domain/actor.ts";
import type { Actor } from "../../../domain/actor.ts";
import { matrixCsv } from "../../../domain/control-matrix.ts";
import { engagementLabel } from "../../../domain/engagement.ts";
import { AppError } from "../../../domain/errors.ts";
import { authorize } from "../../../domain/permissions.ts";
import type { PopulationImport } from "../../../domain/population-import.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { loadEngagement } from "../engagements.service.ts";
import { safeSegment } from "../../reporting/bundle/layout.ts";
import {
  README_PATH,
  WORKPAPERS_FORMAT,
  encodeSignature,
  manifestBytes,
} from "../../reporting/bundle/manifest.ts";
import type { WorkpaperFile, WorkpapersManifest } from "../../reporting/bundle/manifest.ts";
import { writeArchive } from "../../reporting/bundle/write-archive.ts";
import type { OpenedArchive } from "../../reporting/bundle/write-archive.ts";
import { zipEntries } from "../../reporting/bundle/zip-stream.ts";
import type { ZipSource } from "../../reporting/bundle/zip-stream.ts";
import { loadOrganizationSigner } from "../../reporting/signing-keys.ts";
import type { OrganizationSigningKey } from "../../reporting/signing-keys.ts";
import { matrixRows } from "./control-matrix.ts";
import {
  MATRIX_PATH,
  OVERVIEW_PATH,
  attachmentPaths,
  controlPath,
  controlWorkpaper,
  json,
  populationFile,
  populationPath,
  readme,
} from "./workpaper-files.ts";

export { MATRIX_PATH, OVERVIEW_PATH } from "./workpaper-files.ts";

/**
 * The workpapers are the auditor's: the role table gives the action to auditors alone, and
 * this says so again in words, so that a change to the table cannot hand the company the
 * auditor's notes and files.
 */
function auditorOnly(actor: Actor): void {
  if (actor.role !== "auditor") {
    throw new AppError(
      "FORBIDDEN",
      "the workpapers hold the auditor's notes and own files: only the engagement's " +
        "assigned auditors take them; the company takes the control matrix",
    );
  }
  authorize(actor, "engagement:workpapers");
}

async function gather(tx: Tx, actor: Actor, handle: string, at: string) {
  const engagement = await loadEngagement(tx, actor, handle);
  const scope = scopeOf(actor);
  const organization = await getOrganization(tx, scope);
  const { rows, results, snapshot } = await matrixRows(tx, actor, engagement, at);
  const itemResults =
    results.sample === null ? [] : await listItemResults(tx, scope, results.sample.id);
  const auditors = await listEngagementAssignees(tx, scope, engagement.id);
  const steps = await listSteps(tx, scope, engagement.id);
  const itemWorkpapers = await listItemWorkpapers(tx, scope, engagement.id);
  const attachments = await listAttachments(tx, scope, engagement.id);
  const imports = new Map<string, PopulationImport[]>();
  for (const item of await listPopulationImports(tx, scope, engagement.id)) {
    imports.set(item.controlRef, [...(imports.get(item.controlRef) ?? []), item]);
  }
  return {
    engagement,
    organization,
    rows,
    results,
    snapshot,
    itemResults,
    auditors,
    steps,
    itemWorkpapers,
    attachments,
    imports,
  };
}

export interface WorkpapersSummary {
  fileName: string;
  /** Files in the archive besides the manifest, its signature and the README. */
  files: number;
  /** Of which the auditor's own files. */
  attachments: number;
  /** The whole archive's size, known before it streams. */
  zipBytes: number;
  signingKey: OrganizationSigningKey;
}

export interface OpenedWorkpapers extends OpenedArchive {
  summary: WorkpapersSummary;
}

type ArchiveFile = ZipSource & Pick<WorkpaperFile, "kind" | "controls"> & Partial<WorkpaperFile>;

function madeFile(
  path: string,
  content: Buffer,
  kind: WorkpaperFile["kind"],
  controls: string[],
  at: Date,
): ArchiveFile {
  const sha256 = createHash("sha256").update(content).digest("hex");
  return { path, content, sha256, size: content.length, mtime: at, name: path, kind, controls };
}

function manifestEntry(file: ArchiveFile): WorkpaperFile {
  return {
    path: file.path,
    sha256: file.sha256,
    size: file.size,
    kind: file.kind,
    controls: file.controls,
    ...(file.kind === "attachment"
      ? {
          attachmentId: file.attachmentId,
          item: file.item ?? null,
          fileName: file.fileName,
          mediaType: file.mediaType,
        }
      : {}),
  };
}

/**
 * Checks the caller, reads everything the workpapers hold in one snapshot, signs the manifest,
 * and returns the ZIP as a stream to be consumed once. Refusals come before any byte.
 */
export async function openWorkpapers(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<OpenedWorkpapers> {
  auditorOnly(actor);
  const generatedAt = ctx.now().toISOString();
  const at = new Date(generatedAt);
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
  const paths = attachmentPaths(found.attachments);
  const controls = [...snapshot.controls].sort((a, b) =>
    a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0,
  );
  const files: ArchiveFile[] = [
    madeFile(
      MATRIX_PATH,
      Buffer.from(matrixCsv(found.rows), "utf8"),
      "matrix",
      found.rows.map((r) => r.ref),
      at,
    ),
    madeFile(OVERVIEW_PATH, json(overview), "engagement", [], at),
    ...controls.map((control) => {
      const workpaper = controlWorkpaper({
        control,
        results,
        itemResults: found.itemResults,
        steps: found.steps.get(control.ref) ?? [],
        itemWorkpapers: found.itemWorkpapers.filter((w) => w.controlRef === control.ref),
        attachments: found.attachments.filter((a) => a.controlRef === control.ref),
        attachmentPaths: paths,
      });
      return madeFile(controlPath(control.ref), json(workpaper), "control", [control.ref], at);
    }),
    ...[...found.imports.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([ref, imports]) =>
        madeFile(populationPath(ref), json(populationFile(ref, imports)), "population", [ref], at),
      ),
    // The auditor's own files, exactly as uploaded: streamed from the store, not held here.
    ...found.attachments.map((file): ArchiveFile => ({
      path: paths.get(file.id) ?? file.id,
      content: null,
      sha256: file.sha256,
      size: file.size,
      mtime: new Date(file.uploadedAt),
      name: `workpaper attachment ${file.id} ("${file.fileName}", ${file.controlRef})`,
      kind: "attachment",
      controls: [file.controlRef],
      attachmentId: file.id,
      item: file.itemKey,
      fileName: file.fileName,
      mediaType: file.mediaType,
    })),
  ];
  const readmeBytes = readme({
    organization: organization.name,
    engagement: label,
    generatedAt,
    generatedBy: actor.name,
    controls: snapshot.controls.length,
    populations: found.imports.size,
    attachments: found.attachments.length,
    key: signer.key,
  });
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
    files: files.map(manifestEntry),
    readme: {
      path: README_PATH,
      sha256: createHash("sha256").update(readmeBytes).digest("hex"),
      size: readmeBytes.length,
    },
  };
  const signed = manifestBytes(manifest);
  const zipped = zipEntries(ctx.blobs, files, {
    manifest: signed,
    signature: encodeSignature(signer.sign(signed)),
    readme: readmeBytes,
    at,
  });
  const summary: WorkpapersSummary = {
    fileName: `${safeSegment(organization.slug, 40)}-${label}-workpapers-${generatedAt.slice(0, 10)}.zip`,
    files: files.length,
    attachments: found.attachments.length,
    zipBytes: zipped.size,
    signingKey: signer.key,
  };
  return { summary, stream: zipped.stream, done: zipped.done };
}

/** Builds the workpapers into `out`: a stream, or a file written whole or not at all. */
export async function buildWorkpapers(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  out: Writable | string,
): Promise<WorkpapersSummary> {
  const opened = await openWorkpapers(ctx, actor, handle);
  await writeArchive(opened, out);
  return opened.summary;
}
