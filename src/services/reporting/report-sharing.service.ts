/**
 * Sharing a final report: an owner or admin makes an expiring link for a named recipient;
 * the reader accepts the NDA (name, company, email, time) and then downloads. Expired and
 * revoked links are refused and the refusal is logged. A draft is never shared.
 */
import { z } from "zod";
import { getOrganization } from "../../db/organizations.repo.ts";
import { newId } from "../../db/portable.ts";
import {
  findReportVersion,
  findReportVersionByNumber,
  listReportVersions,
} from "../../db/reports.repo.ts";
import {
  appendAccess,
  findAcceptanceByHash,
  findShareLinkByHash,
  insertAcceptance,
  insertShareLink,
  listAccess,
  listShareLinks,
  revokeShareLinkRow,
} from "../../db/sharing.repo.ts";
import { inOrgTransaction, inTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf, scopeOfShareLink } from "../../domain/actor.ts";
import type { Actor, OrgScope } from "../../domain/actor.ts";
import { sha256Hex } from "../../domain/digest.ts";
import { engagementLabel } from "../../domain/engagement.ts";
import { AppError, notFound } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { READINESS_NOTICE, periodPhrase } from "../../domain/report.ts";
import { dateInWords } from "../../domain/words.ts";
import type { ReportPackage } from "../../domain/report.ts";
import {
  ACCEPTANCE_MINUTES,
  MAX_SHARE_DAYS,
  NDA_TEXT,
  shareLinkState,
} from "../../domain/sharing.ts";
import type { AccessEvent, AccessRecord, ShareLink } from "../../domain/sharing.ts";
import { saveEngagementState } from "../../db/engagements.repo.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { loadEngagement } from "../fieldwork/engagements.service.ts";
import { email, personName } from "../platform/inputs.ts";
import { hashSecret, newSecret } from "../access/secrets.ts";
import { appLink } from "../access/account.service.ts";
import { provenPackage } from "./proven-version.ts";
import { parseInput } from "../platform/validation.ts";

export const shareInput = z
  .object({
    recipient: z.string().trim().min(1, "name who the link is for").max(200),
    days: z.coerce
      .number({ error: "must be a number of days" })
      .int("must be whole days")
      .min(1, "must be at least 1 day")
      .max(MAX_SHARE_DAYS, `must be at most ${MAX_SHARE_DAYS} days`)
      .default(30),
    version: z.coerce.number().int().positive().optional(),
  })
  .strict();

export const acceptInput = z
  .object({
    name: personName,
    company: z.string().trim().min(1, "name your company").max(200),
    email,
    accept: z.literal(true, { error: "accept the non-disclosure terms to continue" }),
  })
  .strict();

export interface CreatedShareLink {
  link: ShareLink;
  /** Shown once: only its hash is kept. */
  url: string;
}

export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}

export async function createShareLink(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof shareInput>,
  baseUrl: string | null = null,
): Promise<CreatedShareLink> {
  authorize(actor, "report:share");
  const data = parseInput(shareInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const engagement = await loadEngagement(tx, actor, handle);
    const final =
      data.version === undefined
        ? (await listReportVersions(tx, scope, engagement.id))[0]
        : (await findReportVersionByNumber(tx, scope, engagement.id, data.version))?.version;
    if (final === undefined) {
      throw new AppError(
        "INVALID_STATE",
        data.version === undefined
          ? `${engagementLabel(engagement)}'s report is a draft: finalize it before sharing`
          : `${engagementLabel(engagement)} has no final version ${data.version}; only final versions are shared`,
      );
    }
    // A version finalized before an opinion was required is a readiness report, not a SOC 2
    // report: it is never handed to a customer as one.
    const frozen = await findReportVersion(tx, scope, final.id);
    if ((frozen?.pkg.opinion ?? null) === null) {
      throw new AppError(
        "INVALID_STATE",
        `version ${final.version} of ${engagementLabel(engagement)}'s report carries no ` +
          "auditor's opinion: it is a readiness report, not a SOC 2 report, and is not shared",
      );
    }
    const secret = newSecret("share");
    const link: ShareLink = {
      id: newId(),
      reportVersionId: final.id,
      recipient: data.recipient,
      expiresAt: new Date(at.getTime() + data.days * 86_400_000).toISOString(),
      revokedAt: null,
      revokedBy: null,
      createdBy: actor.name,
      createdAt: at.toISOString(),
    };
    await insertShareLink(tx, scope, link, hashSecret(secret));
    const first = engagement.status === "final-report";
    const moved = { ...engagement, status: "distributed" as const };
    if (first && !(await saveEngagementState(tx, scope, moved, link.createdAt))) {
      throw new AppError(
        "CONFLICT",
        `${engagementLabel(engagement)} was changed meanwhile; try again`,
      );
    }
    await recordEvent(
      tx,
      actor,
      "report.shared",
      link.id,
      {
        engagement: engagementLabel(engagement),
        version: final.version,
        recipient: link.recipient,
        expiresAt: link.expiresAt,
      },
      at,
    );
    return { link, url: appLink(ctx, baseUrl, `/shared/${secret}`) };
  });
}

export interface ShareLinkView extends ShareLink {
  version: number;
  state: ReturnType<typeof shareLinkState>;
  access: AccessRecord[];
}

export async function listShareLinksOf(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<ShareLinkView[]> {
  authorize(actor, "report:share");
  const now = ctx.now().toISOString();
  return read(ctx.db, async (tx) => {
    const scope = scopeOf(actor);
    const engagement = await loadEngagement(tx, actor, handle);
    const links = await listShareLinks(tx, scope, engagement.id);
    const versions = new Map(
      (await listReportVersions(tx, scope, engagement.id)).map((v) => [v.id, v.version]),
    );
    const access = await listAccess(
      tx,
      scope,
      links.map((l) => l.id),
    );
    return links.map((link) => ({
      ...link,
      version: versions.get(link.reportVersionId) ?? 0,
      state: shareLinkState(link, now),
      access: access.filter((a) => a.linkId === link.id),
    }));
  });
}

export async function revokeShareLink(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  linkId: string,
): Promise<void> {
  authorize(actor, "report:share");
  const at = ctx.now();
  await inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    const link = (await listShareLinks(tx, scopeOf(actor), engagement.id)).find(
      (l) => l.id === linkId,
    );
    if (link === undefined) throw notFound("share link", linkId);
    if (link.revokedAt !== null) {
      throw new AppError("INVALID_STATE", `the link for ${link.recipient} is already revoked`);
    }
    await revokeShareLinkRow(tx, scopeOf(actor), link.id, actor.name, at.toISOString());
    await recordEvent(
      tx,
      actor,
      "report.share-revoked",
      link.id,
      { engagement: engagementLabel(engagement), recipient: link.recipient },
      at,
    );
  });
}

/** The reader of a share link, as the audit trail names them: by what they declared. */
function readerActor(link: OpenLink, a: { name: string; company: string; email: string }): Actor {
  return {
    kind: "system",
    id: `share-link:${link.id}`,
    name: `${a.name} <${a.email}> (${a.company}), through a share link`,
    organizationId: link.organizationId,
    role: "employee",
  };
}

/** What a reader sees before accepting: whose report, which one, and the terms. */
export interface SharedReportPreview {
  organization: string;
  systemName: string;
  report: string;
  issueDate: string;
  expiresAt: string;
  recipient: string;
  nda: string;
}

type OpenLink = ShareLink & { organizationId: string };

function log(
  tx: Tx,
  link: OpenLink,
  event: AccessEvent,
  client: ClientInfo,
  at: string,
  acceptanceId: string | null = null,
) {
  return appendAccess(tx, link.organizationId, {
    id: newId(),
    linkId: link.id,
    acceptanceId,
    event,
    at,
    address: client.address,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
  });
}

/**
 * Finds a usable link. An unknown secret is NOT_FOUND; an expired or revoked one is GONE, and
 * the refusal is logged. The check runs before the caller's transaction, so the refusal's own
 * write never waits on it; inside the transaction the state is checked again.
 */
async function usableLink(
  ctx: ServiceContext,
  token: string,
  client: ClientInfo,
  at: string,
): Promise<OrgScope> {
  const link = await read(ctx.db, (tx) => findShareLinkByHash(tx, hashSecret(token)));
  if (link === undefined) throw notFound("shared report", "link");
  const state = shareLinkState(link, at);
  if (state === "active") return scopeOfShareLink(link);
  await inTransaction(ctx.db, (tx) =>
    log(tx, link, state === "revoked" ? "refused-revoked" : "refused-expired", client, at),
  );
  throw gone(link, state);
}

function gone(link: ShareLink, state: "expired" | "revoked"): AppError {
  return new AppError(
    "GONE",
    state === "revoked"
      ? "this link was revoked by the company that shared it; ask them for a new one"
      : `this link expired on ${link.expiresAt.slice(0, 10)}; ask the company that shared it for a new one`,
  );
}

async function openLink(ctx: ServiceContext, tx: Tx, token: string, at: string): Promise<OpenLink> {
  const link = await findShareLinkByHash(tx, hashSecret(token));
  if (link === undefined) throw notFound("shared report", "link");
  const state = shareLinkState(link, at);
  if (state !== "active") throw gone(link, state);
  return link;
}

async function versionOf(tx: Tx, link: OpenLink) {
  const scope = scopeOfShareLink(link);
  const found = await findReportVersion(tx, scope, link.reportVersionId);
  if (found === undefined) throw notFound("shared report", "link");
  return { version: found.version, pkg: await provenPackage(tx, scope, found) };
}

export async function previewSharedReport(
  ctx: ServiceContext,
  token: string,
  client: ClientInfo,
): Promise<SharedReportPreview> {
  const at = ctx.now().toISOString();
  await usableLink(ctx, token, client, at);
  return inTransaction(ctx.db, async (tx) => {
    const link = await openLink(ctx, tx, token, at);
    const { version, pkg } = await versionOf(tx, link);
    const org = await getOrganization(tx, scopeOfShareLink(link));
    await log(tx, link, "viewed", client, at);
    return {
      organization: org.name,
      systemName: pkg.organization.systemName,
      report:
        `SOC 2 Type ${pkg.engagement.type} ${periodPhrase(pkg.engagement, dateInWords)}, version ${version.version}` +
        (pkg.opinion === null ? ` (${READINESS_NOTICE})` : ""),
      issueDate: version.issueDate,
      expiresAt: link.expiresAt,
      recipient: link.recipient,
      nda: NDA_TEXT,
    };
  });
}

export async function acceptSharedReportNda(
  ctx: ServiceContext,
  token: string,
  input: z.input<typeof acceptInput>,
  client: ClientInfo,
): Promise<{ downloadToken: string; expiresAt: string }> {
  const data = parseInput(acceptInput, input);
  const at = ctx.now();
  const scope = await usableLink(ctx, token, client, at.toISOString());
  return inOrgTransaction(ctx.db, scope, async (tx) => {
    const link = await openLink(ctx, tx, token, at.toISOString());
    const downloadToken = newSecret("download");
    const acceptance = {
      id: newId(),
      linkId: link.id,
      name: data.name,
      company: data.company,
      email: data.email,
      ndaSha256: sha256Hex(NDA_TEXT),
      acceptedAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + ACCEPTANCE_MINUTES * 60_000).toISOString(),
      address: client.address,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
    };
    await insertAcceptance(tx, link.organizationId, acceptance, hashSecret(downloadToken));
    await log(tx, link, "nda-accepted", client, acceptance.acceptedAt, acceptance.id);
    // The acceptance is the record that matters later: it goes into the audit trail too.
    await recordEvent(
      tx,
      readerActor(link, acceptance),
      "report.nda-accepted",
      link.id,
      {
        name: acceptance.name,
        company: acceptance.company,
        email: acceptance.email,
        ndaSha256: acceptance.ndaSha256,
        address: acceptance.address,
      },
      at,
    );
    return { downloadToken, expiresAt: acceptance.expiresAt };
  });
}

/** The frozen package, once the NDA is accepted; the caller renders it. */
export async function downloadSharedReport(
  ctx: ServiceContext,
  token: string,
  downloadToken: string,
  client: ClientInfo,
): Promise<ReportPackage> {
  const at = ctx.now().toISOString();
  const scope = await usableLink(ctx, token, client, at);
  return inOrgTransaction(ctx.db, scope, async (tx) => {
    const link = await openLink(ctx, tx, token, at);
    const acceptance = await findAcceptanceByHash(tx, link.id, hashSecret(downloadToken));
    if (acceptance === undefined || acceptance.expiresAt <= at) {
      throw new AppError(
        "FORBIDDEN",
        "accept the non-disclosure terms first (an acceptance is good for one hour)",
      );
    }
    const { version, pkg } = await versionOf(tx, link);
    await log(tx, link, "downloaded", client, at, acceptance.id);
    await recordEvent(
      tx,
      readerActor(link, acceptance),
      "report.downloaded",
      link.id,
      { version: version.version, sha256: version.sha256, address: client.address },
      new Date(at),
    );
    return pkg;
  });
}
