/**
 * The completion roster of a period: the passes recorded in it, and on its last day who in
 * the training audience was current on every module and who was past due. Generated on
 * demand and filed as evidence of the training controls (HR-03), never uploaded: the
 * counterpart of a policy's acknowledgement roster.
 */
import { z } from "zod";
import { TRAINING_MODULES } from "../../catalog/training/index.ts";
import type { TrainingRoster } from "../../contracts/training.ts";
import { listControlSummaries } from "../../db/controls.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import type { EvidenceItem } from "../../domain/evidence.ts";
import { invalidField } from "../../domain/errors.ts";
import { addDays, addMonths, localDate } from "../../domain/periods.ts";
import { authorize } from "../../domain/permissions.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { addEvidence } from "./evidence.service.ts";
import { completionView } from "./training.service.ts";
import { loadTrainingState } from "./training-standing.ts";

/** Left out, the period is the twelve months to today. */
export const rosterInput = z
  .object({
    from: z.iso.date("must be a date (YYYY-MM-DD)").optional(),
    to: z.iso.date("must be a date (YYYY-MM-DD)").optional(),
  })
  .strict();

export async function trainingRoster(
  ctx: ServiceContext,
  actor: Actor,
  input: z.input<typeof rosterInput>,
): Promise<TrainingRoster> {
  authorize(actor, "training:manage");
  const data = parseInput(rosterInput, input);
  const now = ctx.now();
  const state = await read(ctx.db, async (tx) => {
    const { timeZone } = await getOrganization(tx, scopeOf(actor));
    const to = data.to ?? localDate(now, timeZone);
    return loadTrainingState(tx, scopeOf(actor), now, { asOf: to });
  });
  const to = state.today;
  const from = data.from ?? addDays(addMonths(to, -12), 1);
  if (to < from) throw invalidField("to", `${to} is before ${from}`);
  const complete = state.people.filter((p) =>
    p.modules.every((m) => m.standing.state === "current"),
  );
  return {
    from,
    to,
    asked: state.people.length,
    complete: complete.length,
    completions: state.completions
      .filter((c) => c.passed && c.completedOn >= from && c.completedOn <= to)
      .map(completionView),
    missing: state.people.flatMap(({ trainee, modules }) =>
      modules
        .filter((m) => m.standing.state === "overdue")
        .map((m) => ({
          email: trainee.email,
          name: trainee.name,
          moduleId: m.module.id,
          dueBy: m.standing.dueBy,
        })),
    ),
    generatedAt: now.toISOString(),
  };
}

/** Files the period's roster as evidence of the training controls the organization has. */
export async function recordTrainingRosterEvidence(
  ctx: ServiceContext,
  actor: Actor,
  input: z.input<typeof rosterInput>,
): Promise<{ roster: TrainingRoster; evidence: EvidenceItem }> {
  const roster = await trainingRoster(ctx, actor, input);
  const wanted = new Set(TRAINING_MODULES.flatMap((m) => m.controls));
  const controls = await read(ctx.db, async (tx) =>
    (await listControlSummaries(tx, scopeOf(actor)))
      .filter((c) => wanted.has(c.ref))
      .map((c) => c.ref),
  );
  const evidence = await addEvidence(
    ctx,
    actor,
    { kind: "record", record: { kind: "training-completions", data: roster } },
    {
      title:
        `Security training ${roster.from} to ${roster.to}: ` +
        `${roster.complete} of ${roster.asked} people current`,
      source: "automated",
      controls,
      from: roster.from,
      to: roster.to,
    },
  );
  return { roster, evidence };
}
