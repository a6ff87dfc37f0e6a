/** Shared set-up of fieldwork tests: evidence on dates, an engagement in fieldwork, its auditor. */
import type { Actor } from "../../src/domain/actor.ts";
import type { EngagementSample } from "../../src/domain/engagement.ts";
import type { ServiceContext } from "../../src/services/platform/context.ts";
import { addEvidence } from "../../src/services/program/evidence.service.ts";
import {
  advanceEngagement,
  createEngagement,
  showEngagement,
} from "../../src/services/fieldwork/engagements.service.ts";
import { as } from "./fixtures.ts";

/** One link evidence item per date, for the control. */
export async function evidenceOn(
  ctx: ServiceContext,
  owner: Actor,
  control: string,
  dates: readonly string[],
): Promise<void> {
  for (const date of dates) {
    await addEvidence(
      ctx,
      owner,
      { kind: "link", url: `https://tickets.test/${control}-${date}` },
      { title: `${control} ${date}`, controls: [control], forDate: date },
    );
  }
}

/** A Type 2 over the period, moved to fieldwork by the owner; answers its handle. */
export async function type2InFieldwork(
  ctx: ServiceContext,
  owner: Actor,
  from: string,
  to: string,
): Promise<string> {
  const e = await createEngagement(ctx, owner, { type: 2, from, to, auditFirm: "Ledger & Co" });
  for (let i = 0; i < 3; i += 1) await advanceEngagement(ctx, owner, `E-${e.number}`);
  return `E-${e.number}`;
}

/**
 * The auditor assigned to the engagement, as the membership lookup would present them (the
 * HTTP matrix in test/rbac proves the assignment itself).
 */
export async function assignedAuditor(
  ctx: ServiceContext,
  owner: Actor,
  handle: string,
): Promise<Actor> {
  const engagement = await showEngagement(ctx, owner, handle);
  return as(owner, "auditor", "user:kim", {
    kind: "user",
    name: "Kim Park",
    engagements: [engagement.id],
  });
}

export function sampledControl(sample: EngagementSample, ref: string) {
  const found = sample.controls.find((c) => c.controlRef === ref);
  if (found === undefined) throw new Error(`${ref} not in sample`);
  return found;
}
