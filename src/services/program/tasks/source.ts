/**
 * A task source: one module that reads its records and says what is to be done. Adding a
 * source (training, onboarding, access reviews…) is one such module, listed in index.ts, and
 * its kind in TASK_SOURCES (domain/task.ts).
 */
import type { Tx } from "../../../db/transaction.ts";
import type { Actor } from "../../../domain/actor.ts";
import type { Task, TaskPerson, TaskSource } from "../../../domain/task.ts";
import type { OrganizationDay } from "../../platform/organization-day.ts";

/** The organization's day (now, its zone, its date) and the transaction to read in. */
export interface TaskContext extends OrganizationDay {
  tx: Tx;
  actor: Actor;
  /**
   * Set when only this person's tasks are wanted: a source may skip everyone else's (the
   * list keeps only theirs anyway).
   */
  only?: TaskPerson;
}

export interface TaskSourceModule {
  source: TaskSource;
  /** Every open task of this kind in the organization (or of `only`), assigned or not. */
  load(context: TaskContext): Promise<Task[]>;
}
