/** Every task source, in the order their tasks are gathered. */
import { auditRequestTasks } from "./audit-request.ts";
import { evidenceDueTasks } from "./evidence-due.ts";
import { policyAcknowledgementTasks } from "./policy-acknowledgement.ts";
import { policyReviewTasks } from "./policy-review.ts";
import type { TaskSourceModule } from "./source.ts";
import { trainingTasks } from "./training.ts";

export const TASK_SOURCE_MODULES: readonly TaskSourceModule[] = [
  evidenceDueTasks,
  policyReviewTasks,
  policyAcknowledgementTasks,
  auditRequestTasks,
  trainingTasks,
];
