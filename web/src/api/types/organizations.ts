/** The answers of the organizations routes (see src/contracts for the server's side). */
import type { CategoryId, Role } from "./common.ts";
export interface OrganizationSummary {
  id: string;
  slug: string;
  name: string;
  systemName: string;
  timeZone: string;
  role: Role;
}

export interface Organization {
  id: string;
  slug: string;
  name: string;
  systemName: string;
  timeZone: string;
  requireTotp: boolean;
  createdAt: string;
}

export interface CreatedOrganization {
  organization: { id: string; slug: string; name: string };
  categories: CategoryId[];
  adoption: { created: string[]; mapped: { ref: string; criteria: string[] }[] } | null;
}

export interface Scope {
  categories: CategoryId[];
  exclusions: { criterionId: string; reason: string; createdBy?: string; createdAt?: string }[];
}

export interface Criterion {
  id: string;
  category: CategoryId;
  label: string;
  summary: string;
  cosoPrinciple: number | null;
  pointsOfFocus: number;
  officialText?: { text: string; pointsOfFocus?: string[] };
}
