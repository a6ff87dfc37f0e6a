/** The security awareness training modules shipped with Attest, in the order they are taken. */
import { dataHandlingModule } from "./data-handling.ts";
import { incidentReportingModule } from "./incident-reporting.ts";
import { passwordsMfaModule } from "./passwords-mfa.ts";
import { phishingModule } from "./phishing.ts";
import { privacyModule } from "./privacy.ts";
import { secureDevelopmentModule } from "./secure-development.ts";
import type { TrainingModule } from "./types.ts";

export type { QuizQuestion, TrainingModule } from "./types.ts";

export const TRAINING_MODULES: readonly TrainingModule[] = [
  phishingModule,
  passwordsMfaModule,
  dataHandlingModule,
  incidentReportingModule,
  secureDevelopmentModule,
  privacyModule,
];

const modulesById = new Map(TRAINING_MODULES.map((module) => [module.id, module]));

export function trainingModule(id: string): TrainingModule | undefined {
  return modulesById.get(id);
}
