/**
 * Where each person stands on each module assigned to them today: the one computation the
 * status view, the tasks, readiness and the roster share.
 */
import { TRAINING_MODULES } from "../../catalog/training/index.ts";
import type { TrainingModule } from "../../catalog/training/index.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { listCategories } from "../../db/scope.repo.ts";
import { listCompletions } from "../../db/training.repo.ts";
import type { TrainingCompletion } from "../../db/training.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import type { OrgScope } from "../../domain/actor.ts";
import { localDate } from "../../domain/periods.ts";
import { moduleStanding, modulesFor } from "../../domain/training.ts";
import type { ModuleStanding, Trainee } from "../../domain/training.ts";
import { trainingAudience } from "./training-audience.ts";

export interface AssignedModule {
  module: TrainingModule;
  standing: ModuleStanding;
  /** The last passing completion, if any. */
  lastPass: TrainingCompletion | null;
}

export interface TraineeStanding {
  trainee: Trainee;
  modules: AssignedModule[];
}

export interface TrainingState {
  today: string;
  timeZone: string;
  people: TraineeStanding[];
  /** Every completion of the people looked at, oldest first (attempts included). */
  completions: TrainingCompletion[];
}

/**
 * Standing of everyone in the training audience, or of those `only` keeps (by normalized
 * email), as of `asOf` (a day; today when left out): completions after it are not counted.
 */
export async function loadTrainingState(
  tx: Tx,
  scope: OrgScope,
  now: Date,
  options: {
    only?: (trainee: Trainee) => boolean;
    asOf?: string;
    /** The organization's zone, when the caller has read it already. */
    timeZone?: string;
  } = {},
): Promise<TrainingState> {
  const timeZone = options.timeZone ?? (await getOrganization(tx, scope)).timeZone;
  const today = options.asOf ?? localDate(now, timeZone);
  const inScope = await listCategories(tx, scope);
  const { only } = options;
  const audience = (await trainingAudience(tx, scope, timeZone, today)).filter(
    (trainee) => only === undefined || only(trainee),
  );
  const completions = await listCompletions(tx, scope, {
    ...(only === undefined ? {} : { emails: audience.map((t) => t.email) }),
    through: today,
  });
  const lastPass = new Map<string, TrainingCompletion>();
  for (const c of completions) if (c.passed) lastPass.set(`${c.email} ${c.moduleId}`, c);
  const people = audience.map((trainee) => ({
    trainee,
    modules: modulesFor(trainee, TRAINING_MODULES, inScope).map((module) => {
      const pass = lastPass.get(`${trainee.email} ${module.id}`) ?? null;
      return {
        module,
        standing: moduleStanding(trainee.startedOn, pass?.completedOn ?? null, today),
        lastPass: pass,
      };
    }),
  }));
  return { today, timeZone, people, completions };
}
