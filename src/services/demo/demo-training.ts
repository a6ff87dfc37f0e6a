/**
 * The demo's security training: last year's completions imported from the training
 * provider's export (most staff passed every module within the year), one module taken in the
 * app today, and two people overdue (Ravi's phishing refresher and everything of Kim's,
 * passed over a year ago), so the owner's status, the tasks and HR-03's readiness reason show
 * something to do. The year's completion roster is filed as HR-03's evidence.
 */
import { TRAINING_MODULES, trainingModule } from "../../catalog/training/index.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { listCategories } from "../../db/scope.repo.ts";
import { read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { modulesFor } from "../../domain/training.ts";
import { addDays } from "../../domain/periods.ts";
import type { ServiceContext } from "../platform/context.ts";
import { trainingAudience } from "../program/training-audience.ts";
import { importTrainingCompletions } from "../program/training-import.service.ts";
import { recordTrainingRosterEvidence } from "../program/training-roster.service.ts";
import { takeQuiz } from "../program/training.service.ts";
import { STAFF } from "./demo-people.ts";
import type { StaffKey } from "./demo-people.ts";

export interface DemoTraining {
  imported: number;
  overdue: string[];
  roster: string;
}

/** Days before today each person completed the modules for everyone (in catalog order). */
const COMPLETED_DAYS_AGO: Record<StaffKey, readonly number[]> = {
  maya: [40, 40, 41, 41],
  lee: [95, 95, 96, 120],
  sam: [12, 12, 13, 13],
  // Phishing passed over a year ago: the refresher is overdue.
  ravi: [400, 150, 150, 151],
  jo: [200, 201, 201, 202],
  // Every module over a year ago.
  kim: [380, 381, 381, 382],
};

export async function loadDemoTraining(
  ctx: ServiceContext,
  owner: Actor,
  jo: Actor,
  today: string,
): Promise<DemoTraining> {
  const forEveryone = TRAINING_MODULES.filter(
    (m) => m.audience === "everyone" && m.categories.length === 0,
  );
  const rows = (Object.keys(COMPLETED_DAYS_AGO) as StaffKey[]).flatMap((key) =>
    forEveryone.map((module, index) => {
      const daysAgo = COMPLETED_DAYS_AGO[key][index] ?? 30;
      const score = 80 + ((daysAgo + index * 7) % 21);
      return `${STAFF[key].email},${module.id},${addDays(today, -daysAgo)},${score}`;
    }),
  );
  const imported = await importTrainingCompletions(ctx, owner, {
    fileName: "northwind-lms-export.csv",
    csv: `email,module,completed_on,score\n${rows.join("\n")}\n`,
  });
  // Jo retakes phishing in the app, ahead of her refresher.
  const phishing = trainingModule("phishing");
  await takeQuiz(ctx, jo, "phishing", { answers: phishing?.quiz.map((q) => q.answer) ?? [] });
  const { evidence } = await recordTrainingRosterEvidence(ctx, owner, {
    from: addDays(today, -364),
    to: today,
  });
  return {
    imported: imported.created,
    overdue: [STAFF.ravi.email, STAFF.kim.email],
    roster: evidence.title,
  };
}

/**
 * The register's people (demo-register.ts) trained through the same provider: each passed the
 * modules assigned to them (secure development for the engineers) a few weeks after starting,
 * or within the last year for those who joined earlier. Ravi and Kim stay overdue.
 */
export async function loadDemoRegisterTraining(
  ctx: ServiceContext,
  owner: Actor,
  today: string,
): Promise<number> {
  const staff = new Set<string>(Object.values(STAFF).map((person) => person.email));
  const { audience, inScope } = await read(ctx.db, async (tx) => {
    const organization = await getOrganization(tx, scopeOf(owner));
    return {
      audience: await trainingAudience(tx, scopeOf(owner), organization.timeZone, today),
      inScope: await listCategories(tx, scopeOf(owner)),
    };
  });
  const overdue = new Set<string>([STAFF.ravi.email, STAFF.kim.email]);
  const rows = audience
    .filter((person) => !overdue.has(person.email))
    .flatMap((person, i) =>
      modulesFor(person, TRAINING_MODULES, inScope)
        // The staff's general modules came in the first export.
        .filter((module) => !staff.has(person.email) || module.audience !== "everyone")
        .map((module, index) => {
          const started = person.startedOn > addDays(today, -300) ? person.startedOn : null;
          const day = started === null ? addDays(today, -(30 + ((i * 11) % 250))) : started;
          const completed = day > today ? today : addDays(day, Math.min(10, daysUntil(day, today)));
          return `${person.email},${module.id},${completed},${85 + ((i + index) % 15)}`;
        }),
    );
  if (rows.length === 0) return 0;
  const imported = await importTrainingCompletions(ctx, owner, {
    fileName: "northwind-lms-export-2.csv",
    csv: `email,module,completed_on,score\n${rows.join("\n")}\n`,
  });
  return imported.created;
}

function daysUntil(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
}
