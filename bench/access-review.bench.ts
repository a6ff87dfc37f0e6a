/**
 * An access review at size: a system's list of 20,000 accounts (200 in a smoke run) imported
 * into a campaign, each matched by email to a register of 5,000 people and flagged (one in a
 * hundred a leaver, one in a hundred unknown, one in fifty privileged), in one transaction;
 * then the campaign read back with every account and its reason. Target: the import under
 * 3 s on both engines (issue 16).
 */
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { actorIn } from "../src/domain/actor.ts";
import type { Principal } from "../src/domain/actor.ts";
import { createOrganization } from "../src/services/access/organizations.service.ts";
import { insertMembership, insertUser } from "../src/db/users.repo.ts";
import type { ServiceContext } from "../src/services/platform/context.ts";
import {
  importAccounts,
  showCampaign,
  startCampaign,
} from "../src/services/program/access-reviews.service.ts";
import { importPeople } from "../src/services/program/people-import.service.ts";
import { measure, sized } from "./measure.ts";
import type { BenchSize, Measurement } from "./measure.ts";

const bench: Principal = { kind: "system", id: "bench", name: "bench" };

export interface AccessReviewBench {
  accounts: number;
  people: number;
  flagged: number;
  importMs: number;
  read: Measurement;
}

function registerOf(people: number): string {
  const rows = ["email,name,title,department,manager_email,start_date,end_date,type"];
  for (let i = 0; i < people; i += 1) {
    // One in a hundred left at the end of last year.
    const end = i % 100 === 50 ? "2025-12-31" : "";
    rows.push(
      `user-${i}@review.example,User ${i},Engineer,Engineering,,2023-04-03,${end},employee`,
    );
  }
  return `${rows.join("\n")}\n`;
}

function accountsOf(accounts: number, people: number): string {
  const rows = ["account,email,privileged"];
  for (let i = 0; i < accounts; i += 1) {
    const email =
      i % 100 === 99 ? `stranger-${i}@elsewhere.example` : `user-${i % people}@review.example`;
    rows.push(`acct-${i},${email},${i % 50 === 0 ? "true" : "false"}`);
  }
  return `${rows.join("\n")}\n`;
}

export async function benchAccessReview(
  ctx: ServiceContext,
  size: BenchSize,
): Promise<AccessReviewBench> {
  const accounts = sized(size, 20_000, 200);
  const people = sized(size, 5_000, 100);
  const { organization } = await createOrganization(ctx, bench, {
    name: `Review Corp ${randomUUID().slice(0, 6)}`,
  });
  const owner = actorIn(bench, organization.id, "owner");
  await importPeople(ctx, owner, { csv: registerOf(people) });
  // The reviewer is a member; added straight to the database, as no invitation is needed here.
  const reviewer = `reviewer-${randomUUID().slice(0, 6)}@review.example`;
  const userId = randomUUID();
  const at = ctx.now().toISOString();
  await insertUser(
    ctx.db.kysely,
    { id: userId, email: reviewer, name: "Rae Reviewer", totpEnabled: false, createdAt: at },
    "not-a-hash",
    at,
  );
  await insertMembership(ctx.db.kysely, {
    organizationId: organization.id,
    userId,
    role: "control-owner",
    createdAt: at,
  });
  const campaign = await startCampaign(ctx, owner, {
    name: "Benchmark review",
    systems: ["Identity provider"],
    reviewers: [reviewer],
  });
  const csv = accountsOf(accounts, people);

  const start = performance.now();
  await importAccounts(ctx, owner, campaign.ref, { system: "Identity provider", csv });
  const importMs = Math.round(performance.now() - start);
  const detail = await showCampaign(ctx, owner, campaign.ref);
  return {
    accounts,
    people,
    flagged: detail.flagged,
    importMs,
    read: await measure(() => showCampaign(ctx, owner, campaign.ref), {
      warmup: 1,
      runs: sized(size, 5, 2),
    }),
  };
}
