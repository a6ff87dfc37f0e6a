import type { Category } from "./types.ts";

export const CATEGORIES: readonly Category[] = [
  {
    id: "security",
    prefix: "CC",
    name: "Security",
    summary:
      "Keeping the system and its data safe from unauthorized access, misuse and damage. These " +
      "common criteria also cover governance, risk, monitoring and change, and every SOC 2 " +
      "report includes them.",
    alwaysInScope: true,
  },
  {
    id: "availability",
    prefix: "A",
    name: "Availability",
    summary:
      "Keeping the system up and recoverable at the level promised to customers, through " +
      "capacity planning, backups and a disaster recovery plan that is actually tested.",
    alwaysInScope: false,
  },
  {
    id: "processing-integrity",
    prefix: "PI",
    name: "Processing integrity",
    summary:
      "Showing that the system handles data completely, accurately, on time and only as " +
      "authorized, from what comes in to what goes out.",
    alwaysInScope: false,
  },
  {
    id: "confidentiality",
    prefix: "C",
    name: "Confidentiality",
    summary:
      "Handling information that customers or the business treat as confidential: knowing where " +
      "it lives, limiting who can see it and destroying it when it is no longer needed.",
    alwaysInScope: false,
  },
  {
    id: "privacy",
    prefix: "P",
    name: "Privacy",
    summary:
      "How personal information about individuals is collected, used, kept, shared and deleted, " +
      "in line with the privacy notice and the promises made to those people.",
    alwaysInScope: false,
  },
];
