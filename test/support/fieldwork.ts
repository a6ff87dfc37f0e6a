/**
 * Shared set-up of fieldwork tests: evidence on dates, an engagement in fieldwork, its auditor
 * (as the membership lookup presents them, or a real assigned account), and a drawn sample.
 */
import type { Actor } from "../../src/domain/actor.ts";
import type { EngagementSample } from "../../src/domain/engagement.ts";
import { updateControl } from "../../src/services/program/controls.service.ts";
import { addEvidence } from "../../src/services/program/evidence.service.ts";
import {
  advanceEngagement,
  createEngagement,
  showEngagement,
} from "../../src/services/fieldwork/engagements.service.ts";
import { drawEngagementSample } from "../../src/services/fieldwork/sampling.service.ts";
import type { ServiceContext } from "../../src/services/platform/context.ts";
import { assignedAuditor as auditorAccount } from "./auditor.ts";
import { as } from "./fixtures.ts";

/** Month ends from April to September 2026: one occurrence of a monthly control each. */
export const MONTHS = [
  "2026-04-30",
  "2026-05-29",
  "2026-06-30",
  "2026-07-31",
  "2026-08-31",
  "2026-09-30",
];

/** A test method set and procedure that can support "operating effectively". */
export const INSPECTED = {
  methods: ["inspection", "inquiry"],
  procedure: "Inspected the records.",
};

export async function addDatedEvidence(
  ctx: ServiceContext,
  owner: Actor,
  control: string,
  dates: string[],
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

/**
 * A Type 2 over April–September 2026 in fieldwork, `implemented` marked in place before the
 * freeze (the library's controls start not started), sampled by its assigned auditor.
 */
export async function sampledEngagement(
  ctx: ServiceContext,
  owner: Actor,
  implemented: string[],
): Promise<{ id: string; auditor: Actor; sample: EngagementSample }> {
  for (const ref of implemented) await updateControl(ctx, owner, ref, { status: "implemented" });
  const e = await createEngagement(ctx, owner, {
    type: 2,
    from: "2026-04-01",
    to: "2026-09-30",
    auditFirm: "Ledger & Co",
  });
  const id = `E-${e.number}`;
  for (let i = 0; i < 3; i += 1) await advanceEngagement(ctx, owner, id);
  const auditor = await auditorAccount(ctx, owner, id);
  const sample = await drawEngagementSample(ctx, auditor, id, { seed: "s" });
  return { id, auditor, sample };
}

export function itemsOf(sample: EngagementSample, ref: string): string[] {
  const found = sample.controls.find((c) => c.controlRef === ref);
  if (found === undefined) throw new Error(`${ref} not in sample`);
  return found.items;
}

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
