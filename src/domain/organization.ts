import type { CategoryId } from "../catalog/types.ts";

export interface Organization {
  id: string;
  slug: string;
  name: string;
  systemName: string;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
  /** Members must sign in with a second factor to act in this organization. */
  requireTotp: boolean;
}

export interface CriterionExclusion {
  criterionId: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

/** What an organization's SOC 2 covers: its categories and the criteria marked not relevant. */
export interface Scope {
  categories: CategoryId[];
  exclusions: CriterionExclusion[];
}

/** A URL- and shell-friendly handle derived from the name: "Acme Cloud, Inc." → "acme-cloud-inc". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return slug === "" ? "org" : slug;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
