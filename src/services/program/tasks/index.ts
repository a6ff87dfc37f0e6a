/** Every task source, in the order their tasks are gathered. */
import { evidenceDueTasks } from "./evidence-due.ts";
import { findingTasks } from "./finding.ts";
import { policyAcknowledgementTasks } from "./policy-acknowledgement.ts";
import { policyReviewTasks } from "./policy-review.ts";
import type { TaskSourceModule } from "./source.ts";

export const TASK_SOURCE_MODULES: readonly TaskSourceModule[] = [
  evidenceDueTasks,
  policyReviewTasks,
  policyAcknowledgementTasks,
  findingTasks,
];
