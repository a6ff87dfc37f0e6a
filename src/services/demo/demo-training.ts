/**
 * The demo's security training: last year's completions imported from the training
 * provider's export (most staff passed every module within the year), one module taken in the
 * app today, and two people overdue (Ravi's phishing refresher and everything of Kim's,
 * passed over a year ago), so the owner's status, the tasks and HR-03's readiness reason show
 * something to do. The year's completion roster is filed as HR-03's evidence.
 */
import { TRAINING_MODULES, trainingModule } from "../../catalog/training/index.ts";
import type { Actor } from "../../domain/actor.ts";
import { addDays } from "../../domain/periods.ts";
import type { ServiceContext } from "../platform/context.ts";
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
