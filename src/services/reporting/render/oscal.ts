/**
 * OSCAL 1.2.1 exports of a report package: the description as a system security plan and the
 * tests as assessment results. Each lives in its own file; this is the one place to import from.
 */
export { toOscalSsp } from "./oscal-ssp.ts";
export { OSCAL_METHODS, toOscalAssessmentResults } from "./oscal-ar.ts";
export { ATTEST_NS, OSCAL_VERSION, uuidV5 } from "./oscal-common.ts";
export type { JsonObject, JsonValue, OscalOptions } from "./oscal-common.ts";
