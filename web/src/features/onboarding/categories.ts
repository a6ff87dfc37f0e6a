import type { CategoryId } from "../../api/types.ts";

/** The five trust services categories, in the catalog's order, described in our words. */
export const CATEGORY_INFO: readonly { id: CategoryId; name: string; summary: string }[] = [
  {
    id: "security",
    name: "Security",
    summary: "The common criteria: protection against unauthorized access. Always in scope.",
  },
  {
    id: "availability",
    name: "Availability",
    summary: "Uptime you promise customers: capacity, backups, tested recovery.",
  },
  {
    id: "processing-integrity",
    name: "Processing integrity",
    summary: "Data processed completely, accurately, on time and only as authorized.",
  },
  {
    id: "confidentiality",
    name: "Confidentiality",
    summary: "Information you treat as confidential: where it lives, who sees it, disposal.",
  },
  {
    id: "privacy",
    name: "Privacy",
    summary: "Personal information collected, used, kept, shared and deleted as promised.",
  },
];

export function categoryName(id: CategoryId): string {
  return CATEGORY_INFO.find((category) => category.id === id)?.name ?? id;
}
