/** The auditor's home (the contract is in src/contracts/auditor-home.ts). */
export type { AuditorHome, HomeEngagement } from "../../../../src/contracts/auditor-home.ts";
