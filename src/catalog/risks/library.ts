/**
 * The starter risk library: common risks of a small SaaS company, written here, that an
 * organization copies into its own register and rescores. Ids run RL-01 … in this order.
 */
import { businessRisks } from "./business-risks.ts";
import { operationsRisks } from "./operations-risks.ts";
import { securityRisks } from "./security-risks.ts";
import { thirdPartyRisks } from "./third-party-risks.ts";
import type { RiskTemplate } from "./types.ts";

export { RISK_CATEGORIES, RISK_TREATMENTS } from "./types.ts";
export type { RiskCategory, RiskLevel, RiskTemplate, RiskTreatment } from "./types.ts";

export const RISK_LIBRARY: readonly RiskTemplate[] = [
  ...securityRisks,
  ...operationsRisks,
  ...thirdPartyRisks,
  ...businessRisks,
];

const risksById = new Map(RISK_LIBRARY.map((risk) => [risk.id, risk]));

export function riskTemplate(id: string): RiskTemplate | undefined {
  return risksById.get(id);
}
