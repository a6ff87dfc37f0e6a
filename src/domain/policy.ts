/**
 * Policies: their states, how a template's placeholders are filled, the hash of a version's
 * exact text and when a review falls due. Pure.
 */
import { createHash } from "node:crypto";
import type { Role } from "./actor.ts";
import { invalidField } from "./errors.ts";
import { AppError } from "./errors.ts";
import { localDate } from "./periods.ts";

/**
 * draft → in-review (submitted) → approved (the owner's signature) → published (a version is
 * frozen and people are asked to acknowledge it). Editing an approved or published policy
 * starts a new draft; the published versions stay as they were. Retired is final.
 */
export const POLICY_STATES = ["draft", "in-review", "approved", "published", "retired"] as const;
export type PolicyState = (typeof POLICY_STATES)[number];

/** The roles a policy may ask to acknowledge it: everyone who works for the company. */
export const AUDIENCE_ROLES = [
  "owner",
  "admin",
  "control-owner",
  "employee",
] as const satisfies readonly Role[];
export type AudienceRole = (typeof AUDIENCE_ROLES)[number];

/** Acknowledgements are due this many days after publication unless the policy says otherwise. */
export const DEFAULT_ACK_DAYS = 30;

export const POLICY_LABEL = /^P-(\d+)$/i;

export function policyLabel(number: number): string {
  return `P-${number}`;
}

/** SHA-256 of the exact UTF-8 text, as lowercase hex: what an acknowledgement points at. */
export function policyTextHash(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;

/**
 * Fills `{{organization}}` and each of the template's variables. A value for a variable the
 * template does not have, or a placeholder left without a value, is refused by name.
 */
export function fillTemplate(
  body: string,
  variables: readonly { name: string; default: string }[],
  organization: string,
  chosen: Readonly<Record<string, string>>,
): string {
  const known = new Set(variables.map((v) => v.name));
  for (const name of Object.keys(chosen)) {
    if (!known.has(name)) {
      const names = [...known].join(", ") || "none";
      throw invalidField(
        `values.${name}`,
        `the template has no variable "${name}" (it has: ${names})`,
      );
    }
  }
  const values = new Map<string, string>([["organization", organization]]);
  for (const variable of variables) {
    const value = (chosen[variable.name] ?? variable.default).trim();
    if (value === "") {
      throw invalidField(`values.${variable.name}`, "must not be empty");
    }
    values.set(variable.name, value);
  }
  return body.replace(PLACEHOLDER, (match, name: string) => {
    const value = values.get(name);
    if (value === undefined) {
      // The template itself is broken: our catalog's bug, not the caller's.
      throw new AppError("INTERNAL", `policy template placeholder ${match} has no value`);
    }
    return value;
  });
}

/** `date` plus whole months, the day kept or cut to the month's last (Jan 31 + 1 → Feb 28). */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

/** The day a published policy's next review is due: its last approval plus its cadence. */
export function reviewDueBy(reviewedOn: string, reviewMonths: number): string {
  return addMonths(reviewedOn, reviewMonths);
}

/** "yearly" for 12, "every 6 months" otherwise: how reasons name a cadence. */
/**
 * When the policy's next periodic review is due, in the organization's zone; none before its
 * first review, or once it is retired.
 */
export function policyReviewDue(
  policy: { reviewedAt: string | null; state: PolicyState; reviewMonths: number },
  timeZone: string,
): string | null {
  if (policy.reviewedAt === null || policy.state === "retired") return null;
  return reviewDueBy(localDate(new Date(policy.reviewedAt), timeZone), policy.reviewMonths);
}

export function cadenceWords(months: number): string {
  if (months === 12) return "yearly";
  if (months === 24) return "two-yearly";
  if (months === 3) return "quarterly";
  return `${months}-monthly`;
}

/** The roles asked to acknowledge: an empty list means everyone who works for the company. */
export function audienceRoles(audience: readonly AudienceRole[]): readonly AudienceRole[] {
  return audience.length === 0 ? AUDIENCE_ROLES : audience;
}

export function isAudienceRole(role: string): role is AudienceRole {
  return (AUDIENCE_ROLES as readonly string[]).includes(role);
}
