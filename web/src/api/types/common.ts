/** Shapes used by every area of the API: roles, categories, problems, list pages. */
export const ROLES = ["owner", "admin", "control-owner", "employee", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const CATEGORY_IDS = [
  "security",
  "availability",
  "processing-integrity",
  "confidentiality",
  "privacy",
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: { field: string; message: string }[];
}

export interface ListResponse<T> {
  items: T[];
  nextCursor: string | null;
}
