/** The answers of the policy and task routes (see src/contracts for the server's side). */
export type {
  AcknowledgementRoster,
  PolicyDiff,
  PolicySummary,
  PolicyTemplate,
  PolicyVersionSummary,
  PolicyView,
} from "../../../../src/contracts/policies.ts";
export type { Task } from "../../../../src/contracts/tasks.ts";

/** Copies of the server's lists: the browser runs none of its code. */
export const POLICY_AUDIENCE_ROLES = ["owner", "admin", "control-owner", "employee"] as const;
