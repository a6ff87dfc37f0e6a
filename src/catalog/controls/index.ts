/** The control library: every template Attest ships, across all families. */
import type { ControlTemplate } from "../types.ts";
import { accessControls } from "./access.ts";
import { assetControls } from "./assets.ts";
import { availabilityControls } from "./availability.ts";
import { changeControls } from "./change.ts";
import { confidentialityControls } from "./confidentiality.ts";
import { governanceControls } from "./governance.ts";
import { operationsControls } from "./operations.ts";
import { peopleControls } from "./people.ts";
import { privacyControls } from "./privacy.ts";
import { processingIntegrityControls } from "./processing-integrity.ts";
import { riskControls } from "./risk.ts";

export const CONTROL_TEMPLATES: readonly ControlTemplate[] = [
  ...governanceControls,
  ...peopleControls,
  ...riskControls,
  ...accessControls,
  ...operationsControls,
  ...changeControls,
  ...assetControls,
  ...availabilityControls,
  ...confidentialityControls,
  ...processingIntegrityControls,
  ...privacyControls,
];
