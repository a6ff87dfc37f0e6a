/** Every task source, in the order their tasks are gathered. */
import { auditRequestTasks } from "./audit-request.ts";
import { controlOwnerTasks } from "./control-owner.ts";
import { evidenceDueTasks } from "./evidence-due.ts";
import { onboardingStepTasks } from "./onboarding-step.ts";
import { findingTasks } from "./finding.ts";
import { monitorDownTasks } from "./monitor-down.ts";
import { policyAcknowledgementTasks } from "./policy-acknowledgement.ts";
import { policyReviewTasks } from "./policy-review.ts";
import type { TaskSourceModule } from "./source.ts";
import { trainingTasks } from "./training.ts";
import { vendorReviewTasks } from "./vendor-review.ts";
// Access reviews (issue 16 part 3).
import { accessReviewTasks } from "./access-review.ts";

export const TASK_SOURCE_MODULES: readonly TaskSourceModule[] = [
  controlOwnerTasks,
  evidenceDueTasks,
  policyReviewTasks,
  policyAcknowledgementTasks,
  auditRequestTasks,
  trainingTasks,
  vendorReviewTasks,
  onboardingStepTasks,
  findingTasks,
  // The availability monitor.
  monitorDownTasks,
  // Access reviews (issue 16 part 3).
  accessReviewTasks,
];
