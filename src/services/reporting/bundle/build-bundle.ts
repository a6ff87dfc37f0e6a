/**
 * The signed evidence bundle of an engagement: a ZIP of the evidence dated within its period
 * (items whose dates touch evidenceWindow), for the engagement's controls (the frozen
 * snapshot's once fieldwork began, otherwise the current controls mapped to criteria in its
 * categories), laid out by control (layout.ts), with a manifest signed by the organization's
 * Ed25519 key. Removed evidence is left out.
 *
 * Every database read happens first, in one consistent snapshot, so refusals (not found, not
 * allowed) come before the first byte. The manifest is then complete: it states each file's
 * recorded SHA-256 and size. Files stream from the evidence store into the ZIP uncompressed
 * (evidence is mostly PDFs, images and spreadsheets, already compressed; storing keeps the
 * build as fast as the hashing), and each is hashed on the way and checked against the
 * manifest: a stored file whose bytes changed stops the build with an error naming the item.
 */
import { createHash } from "node:crypto";
import type { Writable } from "node:stream";
import { criteriaInCategories } from "../../../catalog/index.ts";
import { listControls } from "../../../db/controls.repo.ts";
import { evidenceOfControls, listEvidence } from "../../../db/evidence.repo.ts";
import { getOrganization } from "../../../db/organizations.repo.ts";
import { read } from "../../../db/transaction.ts";
import type { Tx } from "../../../db/transaction.ts";
import { scopeOf } from "../../../domain/actor.ts";
import type { Actor } from "../../../domain/actor.ts";
import { engagementLabel, evidenceWindow } from "../../../domain/engagement.ts";
import type { Engagement } from "../../../domain/engagement.ts";
import { AppError } from "../../../domain/errors.ts";
import { authorize } from "../../../domain/permissions.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { loadEngagement } from "../../fieldwork/engagements.service.ts";
import { loadOrganizationSigner } from "../signing-keys.ts";
import type { OrganizationSigningKey } from "../signing-keys.ts";
import { itemJson, planBundle, safeSegment } from "./layout.ts";
import type { BundleControl, PlannedEntry } from "./layout.ts";
import { BUNDLE_FORMAT, README_PATH, encodeSignature, manifestBytes } from "./manifest.ts";
import type { BundleManifest, ManifestFile } from "./manifest.ts";
import { readmeText } from "./readme.ts";
import { writeArchive } from "./write-archive.ts";
import type { OpenedArchive } from "./write-archive.ts";
import { plannedSource, zipEntries } from "./zip-stream.ts";

export interface BundleSummary {
  engagement: string;
  /** A name for the archive: organization, engagement and date. */
  fileName: string;
  files: number;
  /** The evidence bytes hashed and stored (manifest, signature and README not counted). */
  evidenceBytes: number;
  /** The whole archive. */
  zipBytes: number;
  signingKey: OrganizationSigningKey;
}

export interface OpenedBundle extends OpenedArchive {
  summary: BundleSummary;
}

async function engagementControls(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
): Promise<BundleControl[]> {
  if (engagement.snapshot !== null) {
    return engagement.snapshot.controls.map(({ id, ref, title }) => ({ id, ref, title }));
  }
  const inScope = new Set(criteriaInCategories(engagement.categories).map((c) => c.id));
  return (await listControls(tx, scopeOf(actor)))
    .filter((control) => control.criteria.some((id) => inScope.has(id)))
    .map(({ id, ref, title }) => ({ id, ref, title }));
}

/** Everything the bundle holds, read in one snapshot after the caller is authorized. */
async function gather(ctx: ServiceContext, actor: Actor, handle: string) {
  authorize(actor, "engagement:read");
  authorize(actor, "evidence:read");
  const scope = scopeOf(actor);
  return read(ctx.db, async (tx) => {
    // An auditor not assigned to the engagement gets NOT_FOUND here, before anything else.
    const engagement = await loadEngagement(tx, actor, handle);
    const organization = await getOrganization(tx, scope);
    const controls = await engagementControls(tx, actor, engagement);
    const window = evidenceWindow(engagement);
    const links = await evidenceOfControls(
      tx,
      scope,
      controls.map((c) => c.id),
      window,
    );
    const wanted = new Set(links.map((link) => link.id));
    const items = (await listEvidence(tx, scope)).filter((item) => wanted.has(item.id));
    return { engagement, organization, controls, window, links, items };
  });
}

function manifestFile(entry: PlannedEntry): ManifestFile {
  const { item } = entry;
  return {
    path: entry.path,
    sha256:
      entry.content === null
        ? item.sha256
        : createHash("sha256").update(entry.content).digest("hex"),
    size: entry.content === null ? item.size : entry.content.length,
    evidenceId: item.id,
    title: item.title,
    kind: item.kind,
    controls: entry.controls,
    from: item.forFrom,
    to: item.forTo,
    source: item.source,
    addedAt: item.addedAt,
    addedBy: item.addedBy,
    fileName: item.fileName,
    mediaType: item.mediaType,
    storedSha256: item.sha256,
  };
}

/**
 * Checks the caller, reads what the bundle holds, signs its manifest, and returns the ZIP as a
 * stream to be consumed once. Refusals are thrown before any byte is produced.
 */
export async function openEvidenceBundle(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<OpenedBundle> {
  const found = await gather(ctx, actor, handle);
  const signer = await loadOrganizationSigner(ctx, actor);
  const { engagement, organization } = found;
  const label = engagementLabel(engagement);
  const itemsById = new Map(found.items.map((item) => [item.id, item]));
  const links = found.links.map((link) => ({ controlId: link.controlId, evidenceId: link.id }));
  const plan = planBundle(found.controls, links, itemsById, (item) => {
    const json = itemJson(item);
    if (json !== null) return json;
    throw new AppError(
      "INVALID_STATE",
      `evidence ${item.id} ("${item.title}"): its ${item.kind} no longer hashes to the ` +
        `recorded ${item.sha256} (the row was changed outside Attest; see attest audit-log ` +
        "verify); no bundle was made",
    );
  });
  const generatedAt = ctx.now().toISOString();
  const readme = Buffer.from(
    readmeText({
      organization: organization.name,
      engagement: label,
      window: found.window,
      generatedAt,
      files: plan.entries.length,
      key: signer.key,
    }),
  );
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
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
    evidenceWindow: found.window,
    generatedAt,
    generatedBy: actor.name,
    signingKey: {
      algorithm: signer.key.algorithm,
      publicKey: signer.key.publicKey,
      fingerprint: signer.key.fingerprint,
    },
    controls: plan.controls,
    files: plan.entries.map(manifestFile),
    readme: {
      path: README_PATH,
      sha256: createHash("sha256").update(readme).digest("hex"),
      size: readme.length,
    },
  };
  const signed = manifestBytes(manifest);
  const zipped = zipEntries(ctx.blobs, plan.entries.map(plannedSource), {
    manifest: signed,
    signature: encodeSignature(signer.sign(signed)),
    readme,
    at: new Date(generatedAt),
  });
  const summary: BundleSummary = {
    engagement: label,
    fileName: `${safeSegment(organization.slug, 40)}-${label}-evidence-${generatedAt.slice(0, 10)}.zip`,
    files: plan.entries.length,
    evidenceBytes: manifest.files.reduce((sum, file) => sum + file.size, 0),
    zipBytes: zipped.size,
    signingKey: signer.key,
  };
  return { summary, stream: zipped.stream, done: zipped.done };
}

/**
 * Builds the bundle into `out`: a stream, or a file path. A file is written beside its final
 * name and renamed only once complete, so a failed build never leaves a plausible bundle.
 */
export async function buildEvidenceBundle(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  out: Writable | string,
): Promise<BundleSummary> {
  const opened = await openEvidenceBundle(ctx, actor, handle);
  await writeArchive(opened, out);
  return opened.summary;
}
