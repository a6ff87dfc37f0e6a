/**
 * A policy template shipped with Attest, written by us. Adopting one copies its body into the
 * organization's own policy, with the placeholders filled in; after that the text is theirs.
 */
import type { CategoryId, OwnerRole } from "../types.ts";

/** A value the organization chooses on adoption, such as a review frequency or a role's title. */
export interface PolicyVariable {
  /** Placeholder name, snake_case: `{{name}}` in the body. */
  name: string;
  /** Short label for the adoption form. */
  label: string;
  /** Used when the organization keeps the suggestion. */
  default: string;
  /** One sentence on what the value changes. */
  help: string;
}

export interface PolicyTemplate {
  /** Stable kebab-case id, e.g. "access-control". Never reused. */
  id: string;
  title: string;
  /** What the policy is for, one or two sentences. */
  summary: string;
  /**
   * The categories that must be in scope for the template to be proposed; empty means it
   * applies to every SOC 2 (security is always in scope).
   */
  categories: readonly CategoryId[];
  /** Criteria ids the policy supports. */
  criteria: readonly string[];
  /** Library control ids (e.g. "GV-04") that rely on this policy. */
  controls: readonly string[];
  /** Who usually owns the policy. */
  ownerRole: OwnerRole;
  /** How often it is reviewed, in months (usually 12). */
  reviewMonths: number;
  /** Values chosen on adoption. `organization` is always available and is not listed. */
  variables: readonly PolicyVariable[];
  /**
   * The policy in Markdown (headings, paragraphs, lists; no HTML). Placeholders are
   * `{{organization}}` and `{{variable_name}}` for each listed variable, and nothing else.
   */
  body: string;
}
