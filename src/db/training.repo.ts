/**
 * Training completions: quiz attempts and imported completions. Only ever inserted: a
 * completion, pass or fail, is a permanent record of what happened.
 */
import type { Selectable } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import type { CompletionSource } from "../domain/training.ts";
import type { TrainingCompletionsTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

export interface TrainingCompletion {
  id: string;
  email: string;
  userId: string | null;
  name: string;
  moduleId: string;
  moduleVersion: number;
  moduleSha256: string;
  completedOn: string;
  recordedAt: string;
  score: number | null;
  passed: boolean;
  source: CompletionSource;
  evidenceId: string | null;
  recordedBy: string;
}

function toCompletion(r: Selectable<TrainingCompletionsTable>): TrainingCompletion {
  return {
    id: r.id,
    email: r.email,
    userId: r.user_id,
    name: r.name,
    moduleId: r.module_id,
    moduleVersion: Number(r.module_version),
    moduleSha256: r.module_sha256,
    completedOn: r.completed_on,
    recordedAt: r.recorded_at,
    score: r.score === null ? null : Number(r.score),
    passed: Number(r.passed) === 1,
    source: r.source as CompletionSource,
    evidenceId: r.evidence_id,
    recordedBy: r.recorded_by,
  };
}

export async function insertCompletions(
  tx: Tx,
  scope: OrgScope,
  completions: readonly TrainingCompletion[],
): Promise<void> {
  if (completions.length === 0) return;
  await tx
    .insertInto("training_completions")
    .values(
      completions.map((c) => ({
        id: c.id,
        organization_id: scope.organizationId,
        email: c.email,
        user_id: c.userId,
        name: c.name,
        module_id: c.moduleId,
        module_version: c.moduleVersion,
        module_sha256: c.moduleSha256,
        completed_on: c.completedOn,
        recorded_at: c.recordedAt,
        score: c.score,
        passed: c.passed ? 1 : 0,
        source: c.source,
        evidence_id: c.evidenceId,
        recorded_by: c.recordedBy,
      })),
    )
    .execute();
}

/**
 * Completions, oldest first: of these people (by normalized email) when named, completed on
 * or before `through` when given.
 */
export async function listCompletions(
  tx: Tx,
  scope: OrgScope,
  filter: { emails?: readonly string[]; moduleId?: string; through?: string } = {},
): Promise<TrainingCompletion[]> {
  if (filter.emails !== undefined && filter.emails.length === 0) return [];
  let query = tx
    .selectFrom("training_completions")
    .selectAll()
    .where("organization_id", "=", scope.organizationId);
  if (filter.emails !== undefined) query = query.where("email", "in", [...filter.emails]);
  if (filter.moduleId !== undefined) query = query.where("module_id", "=", filter.moduleId);
  if (filter.through !== undefined) query = query.where("completed_on", "<=", filter.through);
  const rows = await query.orderBy("completed_on").orderBy("recorded_at").orderBy("id").execute();
  return rows.map(toCompletion);
}
