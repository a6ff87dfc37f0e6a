/** The policy template library: every template Attest ships, sorted by title. */
import { acceptableUsePolicy } from "./acceptable-use.ts";
import { accessControlPolicy } from "./access-control.ts";
import { assetManagementPolicy } from "./asset-management.ts";
import { backupPolicy } from "./backup.ts";
import { businessContinuityPolicy } from "./business-continuity.ts";
import { changeManagementPolicy } from "./change-management.ts";
import { codeOfConductPolicy } from "./code-of-conduct.ts";
import { confidentialityPolicy } from "./confidentiality.ts";
import { dataClassificationPolicy } from "./data-classification.ts";
import { dataRetentionPolicy } from "./data-retention.ts";
import { encryptionPolicy } from "./encryption.ts";
import { humanResourcesSecurityPolicy } from "./human-resources-security.ts";
import { incidentResponsePolicy } from "./incident-response.ts";
import { informationSecurityPolicy } from "./information-security.ts";
import { loggingMonitoringPolicy } from "./logging-monitoring.ts";
import { physicalSecurityPolicy } from "./physical-security.ts";
import { privacyPolicy } from "./privacy.ts";
import { processingIntegrityPolicy } from "./processing-integrity.ts";
import { riskManagementPolicy } from "./risk-management.ts";
import { secureDevelopmentPolicy } from "./secure-development.ts";
import { vendorManagementPolicy } from "./vendor-management.ts";
import { vulnerabilityManagementPolicy } from "./vulnerability-management.ts";
import type { PolicyTemplate } from "./types.ts";

export type { PolicyTemplate, PolicyVariable } from "./types.ts";

export const POLICY_TEMPLATES: readonly PolicyTemplate[] = [
  acceptableUsePolicy,
  accessControlPolicy,
  assetManagementPolicy,
  backupPolicy,
  businessContinuityPolicy,
  changeManagementPolicy,
  codeOfConductPolicy,
  confidentialityPolicy,
  dataClassificationPolicy,
  dataRetentionPolicy,
  encryptionPolicy,
  humanResourcesSecurityPolicy,
  incidentResponsePolicy,
  informationSecurityPolicy,
  loggingMonitoringPolicy,
  physicalSecurityPolicy,
  privacyPolicy,
  processingIntegrityPolicy,
  riskManagementPolicy,
  secureDevelopmentPolicy,
  vendorManagementPolicy,
  vulnerabilityManagementPolicy,
  // Titles are plain English: code-unit order is their alphabetical order, without a collator.
].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));

const BY_ID = new Map(POLICY_TEMPLATES.map((template) => [template.id, template]));

/** The template with this id, or undefined when the library has none. */
export function policyTemplate(id: string): PolicyTemplate | undefined {
  return BY_ID.get(id);
}
