/**
 * Security awareness training rules, pure: which modules a person must take, the exact
 * version of a module (a hash of its content), how a quiz is marked, and when training is due.
 *
 * - Everyone in the workforce takes the modules for everyone; a module for engineers is for
 *   people whose department names engineering ("Engineering", "Platform Engineering"); a
 *   module tied to a category (privacy) only while that category is in scope.
 * - Training is due within ONBOARDING_DAYS of the day a person started, then a year after
 *   their last pass. A content change is a new version, but it does not cut a year short:
 *   the next yearly round takes the new text.
 */
import type { TrainingModule } from "../catalog/training/index.ts";
import type { CategoryId } from "../catalog/types.ts";
import { canonicalJson } from "./audit-chain.ts";
import { sha256Hex } from "./digest.ts";
import { addDays, addMonths } from "./periods.ts";

/** Days a new starter has to complete their training. */
export const ONBOARDING_DAYS = 30;
/** Months a pass counts for. */
export const TRAINING_VALID_MONTHS = 12;
/** Days before a yearly refresher is due that it shows as a task. */
export const REFRESHER_NOTICE_DAYS = 30;

export const COMPLETION_SOURCES = ["quiz", "external"] as const;
export type CompletionSource = (typeof COMPLETION_SOURCES)[number];

export const TRAINING_STATES = ["current", "due", "overdue"] as const;
export type TrainingState = (typeof TRAINING_STATES)[number];

/** Someone who must train, keyed by normalized email; the account when they have one. */
export interface Trainee {
  email: string;
  userId: string | null;
  name: string;
  department: string | null;
  /** The day they started (their onboarding window counts from here). */
  startedOn: string;
}

/** The SHA-256 of what a person reads and answers: a changed text or quiz is a new version. */
export function moduleSha256(module: TrainingModule): string {
  return sha256Hex(
    canonicalJson({
      id: module.id,
      title: module.title,
      body: module.body,
      quiz: module.quiz,
      passMark: module.passMark,
    }),
  );
}

export function isEngineer(department: string | null): boolean {
  return department !== null && /\bengineer(ing)?\b/i.test(department);
}

export function modulesFor(
  person: Pick<Trainee, "department">,
  modules: readonly TrainingModule[],
  inScope: readonly CategoryId[],
): TrainingModule[] {
  return modules.filter(
    (module) =>
      (module.audience === "everyone" || isEngineer(person.department)) &&
      module.categories.every((category) => inScope.includes(category)),
  );
}

export interface QuizMark {
  correct: number;
  questions: number;
  /** Whole percent, rounded down (a pass is never rounded up into being). */
  score: number;
  passed: boolean;
  /** Per question, whether the answer given was right. */
  right: boolean[];
}

/** Marks answers (indexes into each question's choices); the caller checked their shape. */
export function markQuiz(module: TrainingModule, answers: readonly number[]): QuizMark {
  const right = module.quiz.map((question, index) => answers[index] === question.answer);
  const correct = right.filter(Boolean).length;
  const questions = module.quiz.length;
  return {
    correct,
    questions,
    score: Math.floor((100 * correct) / questions),
    passed: correct >= module.passMark * questions,
    right,
  };
}

/** Whether an imported score (a whole percent) meets the module's pass mark. */
export function scorePasses(module: TrainingModule, score: number | null): boolean {
  // A provider that reports completion without a score reports a pass.
  return score === null || score >= module.passMark * 100;
}

export interface ModuleStanding {
  state: TrainingState;
  dueBy: string;
  lastPassedOn: string | null;
}

/** Where a person stands on one module today, from the day of their last pass (if any). */
export function moduleStanding(
  startedOn: string,
  lastPassedOn: string | null,
  today: string,
): ModuleStanding {
  const dueBy =
    lastPassedOn === null
      ? addDays(startedOn, ONBOARDING_DAYS)
      : addMonths(lastPassedOn, TRAINING_VALID_MONTHS);
  const state: TrainingState =
    lastPassedOn !== null && dueBy >= today ? "current" : dueBy < today ? "overdue" : "due";
  return { state, dueBy, lastPassedOn };
}

/** Whether a module shows on the person's tasks: never passed, or the refresher is near. */
export function needsAttention(standing: ModuleStanding, today: string): boolean {
  if (standing.state !== "current") return true;
  return addDays(today, REFRESHER_NOTICE_DAYS) >= standing.dueBy;
}
