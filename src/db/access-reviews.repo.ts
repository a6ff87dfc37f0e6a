/** All SQL of access reviews; every function is scoped to one organization. */
import type { Selectable } from "kysely";
import { campaignRef } from "../domain/access-review.ts";
import type {
  AccessDecision,
  AccountFlag,
  Campaign,
  CampaignStatus,
  CampaignSystem,
  ReviewAccount,
} from "../domain/access-review.ts";
import type { OrgScope } from "../domain/actor.ts";
import { fromDbJson, toDbJson } from "./portable.ts";
import type { AccessReviewAccountsTable, AccessReviewsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

/** Rows per insert statement: 18 values a row stays well inside SQLite's limit. */
const CHUNK = 500;

function toCampaign(row: Selectable<AccessReviewsTable>): Campaign {
  const number = Number(row.number);
  return {
    id: row.id,
    ref: campaignRef(number),
    number,
    name: row.name,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    dueOn: row.due_on,
    reviewers: fromDbJson<string[]>(row.reviewers),
    status: row.status as CampaignStatus,
    startedBy: row.started_by,
    createdAt: row.created_at,
    completedOn: row.completed_on,
    completedAt: row.completed_at,
    completedBy: row.completed_by,
    sha256: row.sha256,
    evidenceId: row.evidence_id,
  };
}

function toAccount(
  row: Selectable<AccessReviewAccountsTable> & { system_name: string },
): ReviewAccount {
  return {
    id: row.id,
    systemId: row.system_id,
    system: row.system_name,
    line: Number(row.line),
    account: row.account,
    email: row.email,
    privileged: Number(row.privileged) === 1,
    personId: row.person_id,
    flags: fromDbJson<AccountFlag[]>(row.flags),
    decision: row.decision as AccessDecision | null,
    comment: row.comment,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    doneAt: row.done_at,
    doneBy: row.done_by,
    doneEvidenceId: row.done_evidence_id,
    doneNote: row.done_note,
  };
}

export async function nextCampaignNumber(tx: Tx, scope: OrgScope): Promise<number> {
  const row = await tx
    .selectFrom("access_reviews")
    .select((eb) => eb.fn.max("number").as("top"))
    .where("organization_id", "=", scope.organizationId)
    .executeTakeFirst();
  return Number(row?.top ?? 0) + 1;
}

export async function insertCampaign(
  tx: Tx,
  scope: OrgScope,
  campaign: Campaign,
  systems: readonly { id: string; name: string }[],
): Promise<void> {
  await tx
    .insertInto("access_reviews")
    .values({
      id: campaign.id,
      organization_id: scope.organizationId,
      number: campaign.number,
      name: campaign.name,
      period_from: campaign.periodFrom,
      period_to: campaign.periodTo,
      due_on: campaign.dueOn,
      reviewers: toDbJson(campaign.reviewers),
      status: campaign.status,
      started_by: campaign.startedBy,
      created_at: campaign.createdAt,
      completed_on: null,
      completed_at: null,
      completed_by: null,
      snapshot: null,
      sha256: null,
      evidence_id: null,
    })
    .execute();
  await insertSystems(tx, scope, campaign.id, systems);
}

export async function insertSystems(
  tx: Tx,
  scope: OrgScope,
  reviewId: string,
  systems: readonly { id: string; name: string }[],
): Promise<void> {
  if (systems.length === 0) return;
  await tx
    .insertInto("access_review_systems")
    .values(
      systems.map((s) => ({
        id: s.id,
        organization_id: scope.organizationId,
        review_id: reviewId,
        name: s.name,
        file_sha256: null,
        imported_by: null,
        imported_at: null,
      })),
    )
    .execute();
}

export async function listCampaigns(tx: Tx, scope: OrgScope): Promise<Campaign[]> {
  const rows = await tx
    .selectFrom("access_reviews")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .orderBy("number", "desc")
    .execute();
  return rows.map(toCampaign);
}

/** By number (AR-3) or by id. */
export async function findCampaign(
  tx: Tx,
  scope: OrgScope,
  key: { number: number } | { id: string },
): Promise<Campaign | undefined> {
  let query = tx
    .selectFrom("access_reviews")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  query = "id" in key ? query.where("id", "=", key.id) : query.where("number", "=", key.number);
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toCampaign(row);
}

/** The frozen snapshot of a completed campaign, as stored. */
export async function campaignSnapshotText(
  tx: Tx,
  scope: OrgScope,
  id: string,
): Promise<string | null> {
  const row = await tx
    .selectFrom("access_reviews")
    .select("snapshot")
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.snapshot ?? null;
}

export async function listSystems(
  tx: Tx,
  scope: OrgScope,
  reviewId: string,
): Promise<CampaignSystem[]> {
  const rows = await tx
    .selectFrom("access_review_systems")
    .select(["id", "name", "file_sha256", "imported_by", "imported_at"])
    .where("organization_id", "=", scope.organizationId)
    .where("review_id", "=", reviewId)
    .orderBy("name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    fileSha256: r.file_sha256,
    importedBy: r.imported_by,
    importedAt: r.imported_at,
  }));
}

export interface AccountCounts {
  reviewId: string;
  accounts: number;
  decided: number;
  flagged: number;
}

/** Accounts, decided and flagged counts per campaign, in one query. */
export async function accountCounts(tx: Tx, scope: OrgScope): Promise<Map<string, AccountCounts>> {
  const rows = await tx
    .selectFrom("access_review_accounts")
    .select((eb) => [
      "review_id",
      eb.fn.countAll().as("accounts"),
      eb.fn.count("decision").as("decided"),
      eb.fn.sum(eb.case().when("flags", "!=", "[]").then(1).else(0).end()).as("flagged"),
    ])
    .where("organization_id", "=", scope.organizationId)
    .groupBy("review_id")
    .execute();
  return new Map(
    rows.map((r) => [
      r.review_id,
      {
        reviewId: r.review_id,
        accounts: Number(r.accounts),
        decided: Number(r.decided),
        flagged: Number(r.flagged ?? 0),
      },
    ]),
  );
}

export interface NewAccount {
  id: string;
  line: number;
  account: string;
  email: string;
  privileged: boolean;
  personId: string | null;
  flags: AccountFlag[];
}

/** Replaces a system's account list with an import (refused earlier once any is decided). */
export async function replaceSystemAccounts(
  tx: Tx,
  scope: OrgScope,
  reviewId: string,
  systemId: string,
  accounts: readonly NewAccount[],
  imported: { fileSha256: string; by: string; at: string },
): Promise<void> {
  await tx
    .deleteFrom("access_review_accounts")
    .where("organization_id", "=", scope.organizationId)
    .where("system_id", "=", systemId)
    .execute();
  for (let i = 0; i < accounts.length; i += CHUNK) {
    await tx
      .insertInto("access_review_accounts")
      .values(
        accounts.slice(i, i + CHUNK).map((a) => ({
          id: a.id,
          organization_id: scope.organizationId,
          review_id: reviewId,
          system_id: systemId,
          line: a.line,
          account: a.account,
          email: a.email,
          privileged: a.privileged ? 1 : 0,
          person_id: a.personId,
          flags: toDbJson(a.flags),
          decision: null,
          comment: null,
          decided_by: null,
          decided_at: null,
          done_at: null,
          done_by: null,
          done_evidence_id: null,
          done_note: null,
        })),
      )
      .execute();
  }
  await tx
    .updateTable("access_review_systems")
    .set({ file_sha256: imported.fileSha256, imported_by: imported.by, imported_at: imported.at })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", systemId)
    .execute();
}

function accountsQuery(tx: Tx, scope: OrgScope) {
  return tx
    .selectFrom("access_review_accounts")
    .innerJoin(
      "access_review_systems",
      "access_review_systems.id",
      "access_review_accounts.system_id",
    )
    .selectAll("access_review_accounts")
    .select("access_review_systems.name as system_name")
    .where("access_review_accounts.organization_id", "=", scope.organizationId);
}

export async function listAccounts(
  tx: Tx,
  scope: OrgScope,
  reviewId: string,
): Promise<ReviewAccount[]> {
  const rows = await accountsQuery(tx, scope)
    .where("access_review_accounts.review_id", "=", reviewId)
    .orderBy("access_review_systems.name")
    .orderBy("access_review_accounts.line")
    .execute();
  return rows.map(toAccount);
}

/** Decisions of change or remove not yet recorded as done, in every campaign. */
export async function listUndoneActions(
  tx: Tx,
  scope: OrgScope,
): Promise<(ReviewAccount & { reviewNumber: number })[]> {
  const rows = await accountsQuery(tx, scope)
    .innerJoin("access_reviews", "access_reviews.id", "access_review_accounts.review_id")
    .select("access_reviews.number as review_number")
    .where("access_review_accounts.decision", "in", ["change", "remove"])
    .where("access_review_accounts.done_at", "is", null)
    .orderBy("access_reviews.number")
    .orderBy("access_review_accounts.line")
    .execute();
  return rows.map((r) => ({ ...toAccount(r), reviewNumber: Number(r.review_number) }));
}

export async function saveDecision(
  tx: Tx,
  scope: OrgScope,
  accountId: string,
  decision: { decision: AccessDecision; comment: string | null; by: string; at: string },
): Promise<void> {
  await tx
    .updateTable("access_review_accounts")
    .set({
      decision: decision.decision,
      comment: decision.comment,
      decided_by: decision.by,
      decided_at: decision.at,
    })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", accountId)
    .execute();
}

export async function saveDone(
  tx: Tx,
  scope: OrgScope,
  accountId: string,
  done: { by: string; at: string; evidenceId: string; note: string | null },
): Promise<void> {
  await tx
    .updateTable("access_review_accounts")
    .set({
      done_at: done.at,
      done_by: done.by,
      done_evidence_id: done.evidenceId,
      done_note: done.note,
    })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", accountId)
    .execute();
}

export async function saveCompletion(
  tx: Tx,
  scope: OrgScope,
  reviewId: string,
  completion: {
    on: string;
    at: string;
    by: string;
    snapshot: string;
    sha256: string;
    evidenceId: string;
  },
): Promise<void> {
  await tx
    .updateTable("access_reviews")
    .set({
      status: "completed",
      completed_on: completion.on,
      completed_at: completion.at,
      completed_by: completion.by,
      snapshot: completion.snapshot,
      sha256: completion.sha256,
      evidence_id: completion.evidenceId,
    })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", reviewId)
    .where("status", "=", "open")
    .execute();
}
