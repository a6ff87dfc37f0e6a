/**
 * Access review campaigns: starting one (its systems, reviewers, period and due day), importing
 * each system's account list matched against the people register, and reading campaigns.
 * Owners and admins start and import; a campaign's reviewers read it. Decisions, removals done
 * and completion are in access-review-decisions.service.ts.
 */
import {
  accountCounts,
  findCampaign,
  insertCampaign,
  listAccounts,
  listCampaigns,
  listSystems,
  nextCampaignNumber,
  replaceSystemAccounts,
} from "../../db/access-reviews.repo.ts";
import type { AccountCounts } from "../../db/access-reviews.repo.ts";
import { listPeople } from "../../db/people.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { listMembers } from "../../db/users.repo.ts";
import {
  CAMPAIGN_REF_PATTERN,
  campaignRef,
  compareForReview,
  flagsInWords,
  isFlagged,
  isOverdue,
  matchAccounts,
  readAccountsCsv,
} from "../../domain/access-review.ts";
import type { Campaign, CampaignSystem, ReviewAccount } from "../../domain/access-review.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { sha256Hex } from "../../domain/digest.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { EARLIEST_EVIDENCE_DATE } from "../../domain/evidence.ts";
import { csvRefusal } from "../../domain/people-csv.ts";
import { addDays, addMonths } from "../../domain/periods.ts";
import { authorize, can } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { importAccountsInput, startCampaignInput } from "./access-review-inputs.ts";
import type { ImportAccountsInput, StartCampaignInput } from "./access-review-inputs.ts";
import { organizationToday } from "../platform/organization-day.ts";

/** How long reviewers have when no due day is given. */
const DEFAULT_DAYS_TO_REVIEW = 14;

export interface CampaignSummary extends Campaign {
  systems: string[];
  accounts: number;
  decided: number;
  flagged: number;
  overdue: boolean;
}

export interface SystemView extends CampaignSystem {
  accounts: number;
  decided: number;
  flagged: number;
}

export interface AccountView extends ReviewAccount {
  personName: string | null;
  /** Why it is flagged, in words; null when it is not. */
  reason: string | null;
}

export interface CampaignDetail extends CampaignSummary {
  systemViews: SystemView[];
  /** Flagged accounts first, then by system and account. */
  accountViews: AccountView[];
  /** Whether the caller is one of its reviewers (and so may decide). */
  reviewer: boolean;
}

export interface AccountsImported {
  campaign: string;
  system: string;
  sha256: string;
  accounts: number;
  leavers: number;
  unknown: number;
  privileged: number;
}

/** Whether the actor is one of the campaign's reviewers (by their account's email). */
export function isReviewerOf(actor: Actor, campaign: Pick<Campaign, "reviewers">): boolean {
  const email = actor.email?.toLowerCase();
  return email !== undefined && campaign.reviewers.includes(email);
}

/** Owners and admins see every campaign; anyone else only those they review. */
function mayRead(actor: Actor, campaign: Campaign): boolean {
  return can(actor, "access-review:manage") || isReviewerOf(actor, campaign);
}

/** A campaign by label (AR-2) or id, as the caller may see it; NOT_FOUND otherwise. */
export async function loadCampaign(tx: Tx, actor: Actor, key: string): Promise<Campaign> {
  const trimmed = key.trim();
  const numbered = CAMPAIGN_REF_PATTERN.exec(trimmed);
  const campaign =
    numbered !== null
      ? await findCampaign(tx, scopeOf(actor), { number: Number(numbered[1]) })
      : /^[0-9a-f-]{36}$/i.test(trimmed)
        ? await findCampaign(tx, scopeOf(actor), { id: trimmed.toLowerCase() })
        : undefined;
  if (campaign === undefined || !mayRead(actor, campaign)) throw notFound("access review", key);
  return campaign;
}

export function requireOpen(campaign: Campaign): void {
  if (campaign.status !== "open") {
    throw new AppError(
      "INVALID_STATE",
      `access review ${campaign.ref} was completed on ${campaign.completedOn ?? "?"} and is frozen`,
    );
  }
}

function summarize(
  campaign: Campaign,
  systems: readonly string[],
  counts: AccountCounts | undefined,
  today: string,
): CampaignSummary {
  return {
    ...campaign,
    systems: [...systems],
    accounts: counts?.accounts ?? 0,
    decided: counts?.decided ?? 0,
    flagged: counts?.flagged ?? 0,
    overdue: isOverdue(campaign, today),
  };
}

/** Matches a system's CSV to the register and replaces its accounts, inside the caller's write. */
async function importInto(
  tx: Tx,
  actor: Actor,
  campaign: Campaign,
  systemName: string,
  csv: string,
  now: Date,
): Promise<AccountsImported> {
  const scope = scopeOf(actor);
  const system = (await listSystems(tx, scope, campaign.id)).find(
    (s) => s.name.toLowerCase() === systemName.trim().toLowerCase(),
  );
  if (system === undefined) {
    throw invalidField("system", `${campaign.ref} does not review a system named "${systemName}"`);
  }
  const existing = (await listAccounts(tx, scope, campaign.id)).filter(
    (a) => a.systemId === system.id,
  );
  const decided = existing.filter((a) => a.decision !== null).length;
  if (decided > 0) {
    throw new AppError(
      "INVALID_STATE",
      `${decided} of ${system.name}'s accounts are already decided; its list can no longer be replaced`,
    );
  }
  const { rows, problems } = readAccountsCsv(csv);
  if (problems.length > 0) throw csvRefusal(problems);
  const today = await organizationToday(tx, actor, now);
  const matches = matchAccounts(rows, await listPeople(tx, scope), today);
  const accounts = rows.map((row, index) => ({
    id: newId(),
    line: row.line,
    account: row.account,
    email: row.email,
    privileged: row.privileged,
    personId: matches[index]?.personId ?? null,
    flags: matches[index]?.flags ?? [],
  }));
  const sha256 = sha256Hex(csv);
  await replaceSystemAccounts(tx, scope, campaign.id, system.id, accounts, {
    fileSha256: sha256,
    by: actor.name,
    at: now.toISOString(),
  });
  const counted = (flag: "leaver" | "unknown" | "privileged") =>
    accounts.filter((a) => a.flags.includes(flag)).length;
  const result = {
    campaign: campaign.ref,
    system: system.name,
    sha256,
    accounts: accounts.length,
    leavers: counted("leaver"),
    unknown: counted("unknown"),
    privileged: counted("privileged"),
  };
  const { campaign: _c, ...data } = result;
  await recordEvent(
    tx,
    actor,
    "access-review.accounts-imported",
    campaign.ref,
    { ...data, replaced: existing.length },
    now,
  );
  return result;
}

/**
 * Starts a campaign; `imports` (the CLI's `--accounts`) brings account lists in the same
 * transaction, so a refused file leaves no campaign behind.
 */
export async function startCampaign(
  ctx: ServiceContext,
  actor: Actor,
  input: StartCampaignInput,
  imports: readonly { system: string; csv: string }[] = [],
): Promise<CampaignDetail> {
  authorize(actor, "access-review:manage");
  const data = parseInput(startCampaignInput, input);
  const systems = [...new Set(data.systems)];
  if (systems.length !== data.systems.length) {
    throw invalidField("systems", "a system is named twice");
  }
  for (const item of imports) parseInput(importAccountsInput, item);
  const at = ctx.now();
  const ref = await inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const today = await organizationToday(tx, actor, at);
    const periodTo = data.periodTo ?? today;
    const periodFrom = data.periodFrom ?? addDays(addMonths(periodTo, -3), 1);
    const dueOn = data.dueOn ?? addDays(today, DEFAULT_DAYS_TO_REVIEW);
    if (periodTo < periodFrom) {
      throw invalidField("periodTo", `${periodTo} is before the period's start ${periodFrom}`);
    }
    if (periodFrom < EARLIEST_EVIDENCE_DATE) {
      throw invalidField("periodFrom", `${periodFrom} is before ${EARLIEST_EVIDENCE_DATE}`);
    }
    if (dueOn < today) throw invalidField("dueOn", `${dueOn} has passed (today is ${today})`);
    const members = await listMembers(tx, scope);
    const given = data.reviewers ?? (actor.email === undefined ? [] : [actor.email.toLowerCase()]);
    if (given.length === 0) throw invalidField("reviewers", "name at least one reviewer");
    const reviewers = [...new Set(given)];
    for (const [index, email] of reviewers.entries()) {
      const member = members.find((m) => m.user.email.toLowerCase() === email);
      if (member === undefined || member.role === "auditor") {
        throw invalidField(`reviewers.${index}`, `${email} is not a member of the company`);
      }
    }
    const number = await nextCampaignNumber(tx, scope);
    const campaign: Campaign = {
      id: newId(),
      ref: campaignRef(number),
      number,
      name: data.name,
      periodFrom,
      periodTo,
      dueOn,
      reviewers,
      status: "open",
      startedBy: actor.name,
      createdAt: at.toISOString(),
      completedOn: null,
      completedAt: null,
      completedBy: null,
      sha256: null,
      evidenceId: null,
    };
    await insertCampaign(
      tx,
      scope,
      campaign,
      systems.map((name) => ({ id: newId(), name })),
    );
    await recordEvent(
      tx,
      actor,
      "access-review.started",
      campaign.ref,
      {
        name: campaign.name,
        periodFrom: campaign.periodFrom,
        periodTo: campaign.periodTo,
        dueOn: campaign.dueOn,
        reviewers,
        systems,
      },
      at,
    );
    for (const item of imports) await importInto(tx, actor, campaign, item.system, item.csv, at);
    return campaign.ref;
  });
  return showCampaign(ctx, actor, ref);
}

/** Imports (or replaces, while none is decided) one system's account list. */
export async function importAccounts(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  input: ImportAccountsInput,
): Promise<AccountsImported> {
  authorize(actor, "access-review:manage");
  const data = parseInput(importAccountsInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const campaign = await loadCampaign(tx, actor, key);
    requireOpen(campaign);
    return importInto(tx, actor, campaign, data.system, data.csv, at);
  });
}

export async function listCampaignSummaries(
  ctx: ServiceContext,
  actor: Actor,
): Promise<CampaignSummary[]> {
  authorize(actor, "access-review:read");
  return read(ctx.db, async (tx) => {
    const scope = scopeOf(actor);
    const today = await organizationToday(tx, actor, ctx.now());
    const counts = await accountCounts(tx, scope);
    const campaigns = (await listCampaigns(tx, scope)).filter((c) => mayRead(actor, c));
    const out: CampaignSummary[] = [];
    for (const campaign of campaigns) {
      const systems = await listSystems(tx, scope, campaign.id);
      out.push(
        summarize(
          campaign,
          systems.map((s) => s.name),
          counts.get(campaign.id),
          today,
        ),
      );
    }
    return out;
  });
}

/** A campaign with its systems and every account, flagged first, each with its reason. */
export async function campaignDetail(
  tx: Tx,
  actor: Actor,
  campaign: Campaign,
  now: Date,
): Promise<CampaignDetail> {
  const scope = scopeOf(actor);
  const today = await organizationToday(tx, actor, now);
  const systems = await listSystems(tx, scope, campaign.id);
  const accounts = await listAccounts(tx, scope, campaign.id);
  const people = new Map((await listPeople(tx, scope)).map((p) => [p.id, p]));
  const accountViews = accounts
    .map((account) => {
      const person = account.personId === null ? undefined : people.get(account.personId);
      return {
        ...account,
        personName: person?.name ?? null,
        reason: isFlagged(account) ? flagsInWords(account.flags, person?.endDate ?? null) : null,
      };
    })
    .sort(compareForReview);
  const systemViews = systems.map((system) => {
    const own = accounts.filter((a) => a.systemId === system.id);
    return {
      ...system,
      accounts: own.length,
      decided: own.filter((a) => a.decision !== null).length,
      flagged: own.filter(isFlagged).length,
    };
  });
  const counts: AccountCounts = {
    reviewId: campaign.id,
    accounts: accounts.length,
    decided: accounts.filter((a) => a.decision !== null).length,
    flagged: accounts.filter(isFlagged).length,
  };
  return {
    ...summarize(
      campaign,
      systems.map((s) => s.name),
      counts,
      today,
    ),
    systemViews,
    accountViews,
    reviewer: isReviewerOf(actor, campaign),
  };
}

export async function showCampaign(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
): Promise<CampaignDetail> {
  authorize(actor, "access-review:read");
  const now = ctx.now();
  return read(ctx.db, async (tx) =>
    campaignDetail(tx, actor, await loadCampaign(tx, actor, key), now),
  );
}
