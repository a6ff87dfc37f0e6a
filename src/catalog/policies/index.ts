/** The policy template library: every template Attest ships, sorted by title. */
import { acceptableUsePolicy } from "./acceptable-use.ts";
import { informationSecurityPolicy } from "./information-security.ts";
import type { PolicyTemplate } from "./types.ts";

export type { PolicyTemplate, PolicyVariable } from "./types.ts";

export const POLICY_TEMPLATES: readonly PolicyTemplate[] = [
  acceptableUsePolicy,
  informationSecurityPolicy,
].sort((a, b) => a.title.localeCompare(b.title));

const BY_ID = new Map(POLICY_TEMPLATES.map((template) => [template.id, template]));

/** The template with this id, or undefined when the library has none. */
export function policyTemplate(id: string): PolicyTemplate | undefined {
  return BY_ID.get(id);
}
