/** The 61 criteria of the 2017 Trust Services Criteria, in the order the report lists them. */
import { AVAILABILITY_CONFIDENTIALITY_INTEGRITY_CRITERIA } from "./criteria/availability-confidentiality-integrity.ts";
import { PRIVACY_CRITERIA } from "./criteria/privacy.ts";
import { SECURITY_CRITERIA } from "./criteria/security.ts";
import type { Criterion } from "./types.ts";

export const CRITERIA: readonly Criterion[] = [
  ...SECURITY_CRITERIA,
  ...AVAILABILITY_CONFIDENTIALITY_INTEGRITY_CRITERIA,
  ...PRIVACY_CRITERIA,
];
