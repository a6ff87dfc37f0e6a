/** The answers of the request routes (the contracts are in src/contracts/requests.ts). */
import type { RequestStatus } from "../../../../src/contracts/requests.ts";
export type {
  AuditRequest,
  BulkOpening,
  RequestComment,
  RequestCounts,
  RequestList,
  RequestStatus,
} from "../../../../src/contracts/requests.ts";

// A copy for pickers (the browser runs none of the server's code), held to the contract's type.
export const REQUEST_STATUSES = [
  "open",
  "submitted",
  "returned",
  "accepted",
  "withdrawn",
] as const satisfies readonly RequestStatus[];
