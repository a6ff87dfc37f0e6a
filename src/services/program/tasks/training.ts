/**
 * Training: each person's modules that are not passed yet, past due, or whose yearly
 * refresher is near (domain/training.ts). Passing the quiz, or an imported completion, is
 * what closes the task.
 */
import { scopeOf } from "../../../domain/actor.ts";
import type { Task } from "../../../domain/task.ts";
import { isAssignee, taskStatus } from "../../../domain/task.ts";
import { ONBOARDING_DAYS, needsAttention } from "../../../domain/training.ts";
import { loadTrainingState } from "../training-standing.ts";
import type { TaskSourceModule } from "./source.ts";

export const trainingTasks: TaskSourceModule = {
  source: "training",
  async load({ tx, actor, now, timeZone, only }) {
    const state = await loadTrainingState(tx, scopeOf(actor), now, {
      timeZone,
      ...(only === undefined
        ? {}
        : {
            only: (trainee) =>
              isAssignee({ userId: trainee.userId, email: trainee.email, name: null }, only),
          }),
    });
    const tasks: Task[] = [];
    for (const { trainee, modules } of state.people) {
      for (const { module, standing } of modules) {
        if (!needsAttention(standing, state.today)) continue;
        tasks.push({
          id: `training:${module.id}:${trainee.email}`,
          source: "training",
          title: `Complete the training: ${module.title}`,
          reason:
            standing.lastPassedOn === null
              ? `due within ${ONBOARDING_DAYS} days of starting on ${trainee.startedOn}`
              : `yearly refresher: last passed on ${standing.lastPassedOn}`,
          subject: module.id,
          link: `/training/${module.id}`,
          assignee: { userId: trainee.userId, email: trainee.email, name: trainee.name },
          dueBy: standing.dueBy,
          status: taskStatus(standing.dueBy, state.today),
        });
      }
    }
    return tasks;
  },
};
