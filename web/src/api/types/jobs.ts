/** The answers of the jobs routes (see src/contracts for the server's side). */
export type { JobStatus, Notice } from "../../../../src/contracts/jobs.ts";
