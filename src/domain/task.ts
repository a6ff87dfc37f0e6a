/**
 * One model for "what someone has to do". Tasks are derived from the records each time they
 * are read (a control's evidence, a policy's review date, a version's acknowledgements), so
 * there is no stored copy to go stale: doing the work is what closes the task.
 */

/**
 * Where a task comes from. Later sources: onboarding step, access review decision,
 * vendor review, audit request (each one module in services/program/tasks/).
 * Where a task comes from. Later sources: training, onboarding step, access review decision,
 * audit request (each one module in services/program/tasks/).
 */
export const TASK_SOURCES = [
  "evidence-due",
  "policy-review",
  "policy-acknowledgement",
  "audit-request",
  "training",
  "vendor-review",
  "control-owner",
  "onboarding-step",
  "finding",
  // The availability monitor: an endpoint that is down (issue 17).
  "monitor-down",
  // Access reviews (issue 16 part 3): reviewing a campaign, and each removal or change decided.
  "access-review",
] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

/** Open work not yet due, or past its due day. Done work is no longer a task. */
export const TASK_STATUSES = ["open", "overdue"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface TaskAssignee {
  /** The account, when the assignee is a member (an acknowledgement is asked of a member). */
  userId: string | null;
  /** Who it is recorded against (a control or policy owner is recorded by email). */
  email: string | null;
  name: string | null;
}

export interface Task {
  /** Stable while the task is open: the source and the record it is about. */
  id: string;
  source: TaskSource;
  title: string;
  /** Why it is a task, in words. */
  reason: string;
  /** The record it is about, as people name it: "AC-04", "P-3 v2". */
  subject: string;
  /** Where in the web app the work is done, below /orgs/:org. */
  link: string;
  /** Null when nobody is assigned yet (a control without an owner). */
  assignee: TaskAssignee | null;
  dueBy: string | null;
  status: TaskStatus;
}

export function taskStatus(dueBy: string | null, today: string): TaskStatus {
  return dueBy !== null && dueBy < today ? "overdue" : "open";
}

/** Someone a task may be assigned to: an account id, and the email records name them by. */
export interface TaskPerson {
  id: string;
  email?: string | undefined;
}

/** Whether the person (by account or recorded email) is the assignee. */
export function isAssignee(assignee: TaskAssignee | null, who: TaskPerson): boolean {
  if (assignee === null) return false;
  if (assignee.userId !== null && assignee.userId === who.id) return true;
  return (
    assignee.email !== null &&
    who.email !== undefined &&
    assignee.email.trim().toLowerCase() === who.email.toLowerCase()
  );
}

export function isAssignedTo(task: Task, who: TaskPerson): boolean {
  return isAssignee(task.assignee, who);
}

/** Overdue first, then by due day (undated last), then by id: the order every list uses. */
export function compareTasks(a: Task, b: Task): number {
  if (a.status !== b.status) return a.status === "overdue" ? -1 : 1;
  if (a.dueBy !== b.dueBy) {
    if (a.dueBy === null) return 1;
    if (b.dueBy === null) return -1;
    return a.dueBy < b.dueBy ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
