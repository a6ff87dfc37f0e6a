/**
 * Security awareness training: the modules (with their exact version), one's own standing and
 * attempts, taking a quiz (marked here, on the server: the right answers never leave it before
 * an answer is submitted, and only after a pass), and everyone's status for owners and admins.
 */
import { z } from "zod";
import { TRAINING_MODULES, trainingModule } from "../../catalog/training/index.ts";
import type { TrainingModule } from "../../catalog/training/index.ts";
import type {
  ModuleStanding as StandingView,
  MyTrainingModule,
  QuizResult,
  TraineeStatus,
  TrainingCompletion as CompletionView,
  TrainingModuleSummary,
  TrainingModuleView,
  TrainingStatus,
} from "../../contracts/training.ts";
import { newId } from "../../db/portable.ts";
import { insertCompletions, listCompletions } from "../../db/training.repo.ts";
import type { TrainingCompletion } from "../../db/training.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { authorize, can } from "../../domain/permissions.ts";
import { normalizeEmail } from "../../domain/account.ts";
import { markQuiz, moduleSha256 } from "../../domain/training.ts";
import type { TrainingState as State } from "../../domain/training.ts";
import { recordEvent } from "../platform/audit.ts";
import { closeOwnSteps } from "./own-steps.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { loadTrainingState } from "./training-standing.ts";
import type { AssignedModule } from "./training-standing.ts";

export function summarizeModule(module: TrainingModule): TrainingModuleSummary {
  return {
    id: module.id,
    title: module.title,
    summary: module.summary,
    minutes: module.minutes,
    audience: module.audience,
    categories: module.categories,
    version: module.version,
    sha256: moduleSha256(module),
    passMark: module.passMark,
    questions: module.quiz.length,
    controls: module.controls,
  };
}

export function completionView(c: TrainingCompletion): CompletionView {
  return {
    id: c.id,
    email: c.email,
    name: c.name,
    moduleId: c.moduleId,
    moduleVersion: c.moduleVersion,
    moduleSha256: c.moduleSha256,
    completedOn: c.completedOn,
    recordedAt: c.recordedAt,
    score: c.score,
    passed: c.passed,
    source: c.source,
  };
}

function standingView(assigned: AssignedModule): StandingView {
  return {
    state: assigned.standing.state,
    dueBy: assigned.standing.dueBy,
    lastPassedOn: assigned.standing.lastPassedOn,
    lastScore: assigned.lastPass?.score ?? null,
    lastVersion: assigned.lastPass?.moduleVersion ?? null,
  };
}

export function findModule(id: string): TrainingModule {
  const module = trainingModule(id.trim());
  if (module === undefined) throw notFound("training module", id);
  return module;
}

/** The catalog's modules, as anyone who trains may read them (no answers). */
export function listTrainingModules(actor: Actor): TrainingModuleSummary[] {
  authorize(actor, "training:read");
  return TRAINING_MODULES.map(summarizeModule);
}

const isMe = (actor: Actor) => (trainee: { email: string; userId: string | null }) =>
  (trainee.userId !== null && trainee.userId === actor.id) ||
  (actor.email !== undefined && trainee.email === normalizeEmail(actor.email));

/** Every module, each with my standing when it is assigned to me. */
export async function myTraining(ctx: ServiceContext, actor: Actor): Promise<MyTrainingModule[]> {
  authorize(actor, "training:read");
  const state = await read(ctx.db, (tx) =>
    loadTrainingState(tx, scopeOf(actor), ctx.now(), { only: isMe(actor) }),
  );
  const mine = new Map((state.people[0]?.modules ?? []).map((m) => [m.module.id, m]));
  return TRAINING_MODULES.map((module) => {
    const assigned = mine.get(module.id);
    return {
      ...summarizeModule(module),
      standing: assigned === undefined ? null : standingView(assigned),
    };
  });
}

export async function showTrainingModule(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<TrainingModuleView> {
  authorize(actor, "training:read");
  const module = findModule(id);
  const state = await read(ctx.db, (tx) =>
    loadTrainingState(tx, scopeOf(actor), ctx.now(), { only: isMe(actor) }),
  );
  const me = state.people[0];
  const assigned = me?.modules.find((m) => m.module.id === module.id);
  const attempts = state.completions
    .filter((c) => c.moduleId === module.id && c.email === me?.trainee.email)
    .reverse();
  return {
    ...summarizeModule(module),
    standing: assigned === undefined ? null : standingView(assigned),
    body: module.body,
    quiz: module.quiz.map((q) => ({ prompt: q.prompt, choices: q.choices })),
    attempts: attempts.map(completionView),
  };
}

export const quizInput = z
  .object({
    answers: z
      .array(z.number().int("must be whole numbers").nonnegative("must not be negative"), {
        error: "give one answer (a choice's index) per question",
      })
      .max(50),
    version: z
      .string()
      .regex(/^[0-9a-f]{64}$/, "must be the SHA-256 of the module as it was read")
      .optional(),
  })
  .strict();

export async function takeQuiz(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: z.input<typeof quizInput>,
): Promise<QuizResult> {
  authorize(actor, "training:take");
  const data = parseInput(quizInput, input);
  const module = findModule(id);
  const sha256 = moduleSha256(module);
  if (data.version !== undefined && data.version !== sha256) {
    throw invalidField("version", `${module.title} changed since it was read; read it again`);
  }
  if (data.answers.length !== module.quiz.length) {
    throw invalidField(
      "answers",
      `${module.title} has ${module.quiz.length} questions; ${data.answers.length} answers given`,
    );
  }
  module.quiz.forEach((question, index) => {
    if ((data.answers[index] ?? 0) >= question.choices.length) {
      throw invalidField(
        `answers.${index}`,
        `question ${index + 1} has ${question.choices.length} choices`,
      );
    }
  });
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const state = await loadTrainingState(tx, scopeOf(actor), at, { only: isMe(actor) });
    const me = state.people[0];
    if (me === undefined) {
      throw new AppError("FORBIDDEN", "only a member of the workforce can take the training");
    }
    if (!me.modules.some((m) => m.module.id === module.id)) {
      throw new AppError("INVALID_STATE", `${module.title} is not part of your training`);
    }
    const mark = markQuiz(module, data.answers);
    const completion: TrainingCompletion = {
      id: newId(),
      email: me.trainee.email,
      userId: me.trainee.userId,
      name: me.trainee.name,
      moduleId: module.id,
      moduleVersion: module.version,
      moduleSha256: sha256,
      completedOn: state.today,
      recordedAt: at.toISOString(),
      score: mark.score,
      passed: mark.passed,
      source: "quiz",
      evidenceId: null,
      recordedBy: actor.name,
    };
    await insertCompletions(tx, scopeOf(actor), [completion]);
    await recordEvent(
      tx,
      actor,
      "training.quiz-taken",
      completion.id,
      {
        module: module.id,
        version: module.version,
        sha256,
        email: completion.email,
        score: mark.score,
        passed: mark.passed,
      },
      at,
    );
    if (mark.passed) await closeOwnSteps(tx, actor, completion.email, ["training"], at);
    return {
      completion: completionView(completion),
      correct: mark.correct,
      questions: mark.questions,
      passMark: module.passMark,
      review: module.quiz.map((question, index) => ({
        right: mark.right[index] ?? false,
        answer: mark.passed ? question.answer : null,
        explanation: mark.passed ? question.explanation : null,
      })),
    };
  });
}

const WORST: Record<State, number> = { current: 0, due: 1, overdue: 2 };

/** Everyone in the training audience and where they stand on each of their modules. */
export async function trainingStatus(ctx: ServiceContext, actor: Actor): Promise<TrainingStatus> {
  authorize(actor, "training:manage");
  const state = await read(ctx.db, (tx) => loadTrainingState(tx, scopeOf(actor), ctx.now()));
  const people: TraineeStatus[] = state.people.map(({ trainee, modules }) => ({
    email: trainee.email,
    name: trainee.name,
    hasAccount: trainee.userId !== null,
    startedOn: trainee.startedOn,
    state: modules.reduce<State>(
      (worst, m) => (WORST[m.standing.state] > WORST[worst] ? m.standing.state : worst),
      "current",
    ),
    modules: modules.map((m) => ({ moduleId: m.module.id, ...standingView(m) })),
  }));
  const count = (s: State) => people.filter((p) => p.state === s).length;
  return {
    today: state.today,
    people,
    totals: {
      people: people.length,
      current: count("current"),
      due: count("due"),
      overdue: count("overdue"),
    },
  };
}

/**
 * Completions, newest first: one's own to anyone who trains; anyone's (or one person's, by
 * email) to owners and admins.
 */
export async function listTrainingCompletions(
  ctx: ServiceContext,
  actor: Actor,
  email?: string,
): Promise<CompletionView[]> {
  authorize(actor, "training:read");
  const everyone = can(actor, "training:manage");
  const own = actor.email === undefined ? [] : [normalizeEmail(actor.email)];
  const asked = email === undefined ? undefined : normalizeEmail(email);
  if (!everyone && asked !== undefined && !own.includes(asked)) {
    throw new AppError("FORBIDDEN", "you may read only your own training completions");
  }
  const emails = asked !== undefined ? [asked] : everyone ? undefined : own;
  const rows = await read(ctx.db, (tx) =>
    listCompletions(tx, scopeOf(actor), emails === undefined ? {} : { emails }),
  );
  return rows.reverse().map(completionView);
}
