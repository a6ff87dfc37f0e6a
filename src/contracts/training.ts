/**
 * Answers of the training routes: modules (never with the right answers before a quiz is
 * submitted), one's own standing and attempts, everyone's status, imports and rosters.
 */
import { z } from "zod";
import { CATEGORY_IDS } from "../catalog/types.ts";
import { COMPLETION_SOURCES, TRAINING_STATES } from "../domain/training.ts";
import { day, instant } from "./common.ts";
import { evidenceItem } from "./evidence.ts";

const sha256 = z.string().describe("SHA-256 of the module's text and quiz, lowercase hex");

export const trainingModuleSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  minutes: z.number().int(),
  audience: z.enum(["everyone", "engineers"]),
  categories: z.array(z.enum(CATEGORY_IDS)).readonly(),
  version: z.number().int(),
  sha256,
  passMark: z.number().describe("share of right answers needed, 0.5 to 1"),
  questions: z.number().int(),
  controls: z.array(z.string()).readonly(),
});
export type TrainingModuleSummary = z.output<typeof trainingModuleSummary>;

export const trainingCompletion = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  moduleId: z.string(),
  moduleVersion: z.number().int(),
  moduleSha256: sha256,
  completedOn: day,
  recordedAt: instant,
  score: z.number().int().nullable().describe("whole percent; null when a provider gave none"),
  passed: z.boolean(),
  source: z.enum(COMPLETION_SOURCES),
});
export type TrainingCompletion = z.output<typeof trainingCompletion>;

export const moduleStanding = z.object({
  state: z.enum(TRAINING_STATES),
  dueBy: day,
  lastPassedOn: day.nullable(),
  lastScore: z.number().int().nullable(),
  lastVersion: z.number().int().nullable(),
});
export type ModuleStanding = z.output<typeof moduleStanding>;

export const myTrainingModule = trainingModuleSummary.extend({
  standing: moduleStanding.nullable().describe("null when the module is not assigned to me"),
});
export type MyTrainingModule = z.output<typeof myTrainingModule>;

export const trainingModuleView = myTrainingModule.extend({
  body: z.string().describe("the lesson, Markdown"),
  quiz: z.array(z.object({ prompt: z.string(), choices: z.array(z.string()).readonly() })),
  attempts: z.array(trainingCompletion).describe("my completions of this module, newest first"),
});
export type TrainingModuleView = z.output<typeof trainingModuleView>;

export const quizResult = z.object({
  completion: trainingCompletion,
  correct: z.number().int(),
  questions: z.number().int(),
  passMark: z.number(),
  review: z
    .array(
      z.object({
        right: z.boolean(),
        answer: z.number().int().nullable().describe("the right choice, shown once passed"),
        explanation: z.string().nullable(),
      }),
    )
    .describe("per question; the right answers only after a pass, so a retake is not a copy"),
});
export type QuizResult = z.output<typeof quizResult>;

export const traineeStatus = z.object({
  email: z.string(),
  name: z.string(),
  hasAccount: z.boolean(),
  startedOn: day,
  state: z.enum(TRAINING_STATES).describe("the worst of their modules"),
  modules: z.array(moduleStanding.extend({ moduleId: z.string() })),
});
export type TraineeStatus = z.output<typeof traineeStatus>;

export const trainingStatus = z.object({
  today: day,
  people: z.array(traineeStatus),
  totals: z.object({
    people: z.number().int(),
    current: z.number().int(),
    due: z.number().int(),
    overdue: z.number().int(),
  }),
});
export type TrainingStatus = z.output<typeof trainingStatus>;

export const trainingImportResult = z.object({
  created: z.number().int(),
  skipped: z.number().int().describe("rows already recorded by an earlier import"),
  evidence: evidenceItem.describe("the file, kept as evidence of the training controls"),
});
export type TrainingImportResult = z.output<typeof trainingImportResult>;

export const trainingRoster = z.object({
  from: day,
  to: day,
  asked: z.number().int().describe("people assigned training on the last day"),
  complete: z.number().int().describe("of those, people current on every module on that day"),
  completions: z.array(trainingCompletion).describe("passes recorded in the period"),
  missing: z.array(
    z.object({ email: z.string(), name: z.string(), moduleId: z.string(), dueBy: day }),
  ),
  generatedAt: instant,
});
export type TrainingRoster = z.output<typeof trainingRoster>;
