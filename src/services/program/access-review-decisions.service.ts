/**
 * Working an access review: the reviewers' decisions (each one audited), recording a removal
 * or change as done with the evidence that shows it, and completing the campaign, which
 * freezes it as canonical JSON with its SHA-256 and files that snapshot as evidence for AC-06
 * (and so for CC6.2 and CC6.3, which the control maps to).
 */
import {
  listAccounts,
  listSystems,
  saveCompletion,
  saveDecision,
  saveDone,
} from "../../db/access-reviews.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { campaignSnapshot, decisionProblem } from "../../domain/access-review.ts";
import type { Campaign } from "../../domain/access-review.ts";
import { ACCESS_REVIEW_CONTROL } from "../../domain/access-review-readiness.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { canonicalJson } from "../../domain/audit-chain.ts";
import { sha256Hex } from "../../domain/digest.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { authorize, can } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { decideInput, recordDoneInput } from "./access-review-inputs.ts";
import type { DecideInput, RecordDoneInput } from "./access-review-inputs.ts";
import {
  campaignDetail,
  isReviewerOf,
  loadCampaign,
  requireOpen,
  showCampaign,
} from "./access-reviews.service.ts";
import type { CampaignDetail, CampaignSummary } from "./access-reviews.service.ts";
import { recordGeneratedEvidence, storeGeneratedFile } from "./evidence.service.ts";
import { resolveEvidence } from "./people.service.ts";
import { organizationToday } from "../platform/organization-day.ts";

function requireReviewer(actor: Actor, campaign: Campaign): void {
  if (!isReviewerOf(actor, campaign)) {
    throw new AppError(
      "FORBIDDEN",
      `only the reviewers of ${campaign.ref} (${campaign.reviewers.join(", ")}) decide its accounts`,
    );
  }
}

/** Records the reviewer's decisions; each account's decision is one audit event. */
export async function decideAccounts(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  input: DecideInput,
): Promise<CampaignDetail> {
  authorize(actor, "access-review:decide");
  const data = parseInput(decideInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const campaign = await loadCampaign(tx, actor, key);
    requireReviewer(actor, campaign);
    requireOpen(campaign);
    const accounts = new Map(
      (await listAccounts(tx, scopeOf(actor), campaign.id)).map((a) => [a.id, a]),
    );
    const seen = new Set<string>();
    for (const [index, item] of data.decisions.entries()) {
      const account = accounts.get(item.account.toLowerCase());
      const field = `decisions.${index}`;
      if (account === undefined) {
        throw invalidField(`${field}.account`, `${campaign.ref} has no account ${item.account}`);
      }
      if (seen.has(account.id)) {
        throw invalidField(`${field}.account`, `${account.account} is decided twice`);
      }
      seen.add(account.id);
      if (account.doneAt !== null) {
        throw invalidField(
          `${field}.account`,
          `the ${account.decision ?? ""} of ${account.account} on ${account.system} is already done`,
        );
      }
      const problem = decisionProblem(item.decision, item.comment, account.flags);
      if (problem !== null)
        throw invalidField(`${field}.comment`, `${account.account}: ${problem}`);
      if (account.decision === item.decision && account.comment === item.comment) continue;
      await saveDecision(tx, scopeOf(actor), account.id, {
        decision: item.decision,
        comment: item.comment,
        by: actor.email ?? actor.name,
        at: at.toISOString(),
      });
      await recordEvent(
        tx,
        actor,
        "access-review.decided",
        campaign.ref,
        {
          system: account.system,
          account: account.account,
          flags: account.flags,
          decision: item.decision,
          comment: item.comment,
          previous: account.decision,
        },
        at,
      );
    }
    return campaignDetail(tx, actor, campaign, at);
  });
}

/**
 * Records that a removal or change was made, with the evidence item that shows it (uploaded
 * first, as any evidence). Owners, admins and the campaign's reviewers record it; this is what
 * closes the account's task.
 */
export async function recordAccessRemoved(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  accountId: string,
  input: RecordDoneInput,
): Promise<CampaignDetail> {
  // A write: held by every company role (not by read-only tokens); narrowed below to owners,
  // admins and the campaign's reviewers.
  authorize(actor, "access-review:decide");
  const data = parseInput(recordDoneInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const campaign = await loadCampaign(tx, actor, key);
    if (!can(actor, "access-review:manage")) requireReviewer(actor, campaign);
    const account = (await listAccounts(tx, scopeOf(actor), campaign.id)).find(
      (a) => a.id === accountId.trim().toLowerCase(),
    );
    if (account === undefined) throw notFound("account", accountId);
    if (account.decision !== "remove" && account.decision !== "change") {
      throw new AppError(
        "INVALID_STATE",
        `${account.account} on ${account.system} is ${account.decision === null ? "not decided yet" : "kept"}: there is nothing to remove`,
      );
    }
    if (account.doneAt !== null) {
      throw new AppError("INVALID_STATE", `${account.account} was already recorded as done`);
    }
    const evidenceId = await resolveEvidence(tx, actor, data.evidenceId);
    if (evidenceId === null) throw invalidField("evidenceId", "name the evidence");
    await saveDone(tx, scopeOf(actor), account.id, {
      by: actor.name,
      at: at.toISOString(),
      evidenceId,
      note: data.note,
    });
    await recordEvent(
      tx,
      actor,
      "access-review.access-removed",
      campaign.ref,
      {
        system: account.system,
        account: account.account,
        decision: account.decision,
        evidence: evidenceId,
        note: data.note,
      },
      at,
    );
    return campaignDetail(tx, actor, campaign, at);
  });
}

interface Frozen {
  completedOn: string;
  json: string;
  sha256: string;
  tally: { accounts: number; kept: number; changed: number; removed: number };
}

/** Checks the campaign can complete and builds its snapshot; run before and inside the write. */
async function freeze(tx: Tx, actor: Actor, campaign: Campaign, now: Date): Promise<Frozen> {
  requireOpen(campaign);
  const scope = scopeOf(actor);
  const systems = await listSystems(tx, scope, campaign.id);
  const waiting = systems.filter((s) => s.importedAt === null).map((s) => s.name);
  if (waiting.length > 0) {
    throw new AppError(
      "INVALID_STATE",
      `${campaign.ref} cannot complete: no account list imported for ${waiting.join(", ")}`,
    );
  }
  const accounts = await listAccounts(tx, scope, campaign.id);
  const undecided = accounts.filter((a) => a.decision === null);
  if (undecided.length > 0) {
    throw new AppError(
      "INVALID_STATE",
      `${campaign.ref} cannot complete: ${undecided.length} of ${accounts.length} accounts are not decided`,
    );
  }
  const organization = await getOrganization(tx, scope);
  const completedOn = await organizationToday(tx, actor, now);
  const snapshot = campaignSnapshot(organization.name, campaign, systems, accounts, {
    on: completedOn,
    by: actor.name,
  });
  const json = canonicalJson(snapshot);
  const count = (decision: string) => accounts.filter((a) => a.decision === decision).length;
  return {
    completedOn,
    json,
    sha256: sha256Hex(json),
    tally: {
      accounts: accounts.length,
      kept: count("keep"),
      changed: count("change"),
      removed: count("remove"),
    },
  };
}

/**
 * Completes a campaign whose every account is decided: the snapshot is stored as a JSON file,
 * then, in one transaction that checks nothing changed meanwhile, filed as evidence on AC-06,
 * kept with its hash on the campaign, and recorded in the audit trail.
 */
export async function completeCampaign(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
): Promise<CampaignSummary> {
  authorize(actor, "access-review:manage");
  authorize(actor, "evidence:create");
  const at = ctx.now();
  const planned = await read(ctx.db, async (tx) => {
    const campaign = await loadCampaign(tx, actor, key);
    return { campaign, frozen: await freeze(tx, actor, campaign, at) };
  });
  const { campaign } = planned;
  const fileName = `access-review-${campaign.ref}-${planned.frozen.completedOn}.json`;
  const stored = await storeGeneratedFile(ctx, {
    title: `Access review ${campaign.ref}`,
    fileName,
    mediaType: "application/json",
    bytes: Buffer.from(planned.frozen.json, "utf8"),
  });
  await inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const current = await freeze(tx, actor, await loadCampaign(tx, actor, key), at);
    if (current.sha256 !== planned.frozen.sha256) {
      throw new AppError(
        "CONFLICT",
        `${campaign.ref} changed while it was being completed; try again`,
      );
    }
    const evidence = await recordGeneratedEvidence(
      tx,
      actor,
      `Access review ${campaign.ref} ${campaign.name}: ${campaign.periodFrom} to ${campaign.periodTo}, ` +
        `reviewed by ${campaign.reviewers.join(", ")}, completed on ${current.completedOn} ` +
        `(snapshot SHA-256 ${current.sha256})`,
      { ...stored, fileName },
      current.completedOn,
      [ACCESS_REVIEW_CONTROL],
      at,
    );
    await saveCompletion(tx, scopeOf(actor), campaign.id, {
      on: current.completedOn,
      at: at.toISOString(),
      by: actor.name,
      snapshot: current.json,
      sha256: current.sha256,
      evidenceId: evidence.id,
    });
    await recordEvent(
      tx,
      actor,
      "access-review.completed",
      campaign.ref,
      {
        completedOn: current.completedOn,
        ...current.tally,
        sha256: current.sha256,
        evidence: evidence.id,
      },
      at,
    );
  });
  return showCampaign(ctx, actor, campaign.ref);
}
