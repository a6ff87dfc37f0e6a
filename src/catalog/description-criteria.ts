import type { DescriptionCriterion } from "./types.ts";

export const DESCRIPTION_CRITERIA: readonly DescriptionCriterion[] = [
  {
    id: "DC1",
    label: "Services provided",
    summary:
      "Describe what the company offers and which of those services the report covers, clearly " +
      "enough that a customer can tell whether the services they use are in scope.",
    type2Only: false,
  },
  {
    id: "DC2",
    label: "Service commitments and system requirements",
    summary:
      "State the main promises made to customers in contracts, SLAs and public terms, and the " +
      "system requirements that follow from them, such as uptime targets or encryption of " +
      "customer data.",
    type2Only: false,
  },
  {
    id: "DC3",
    label: "System components",
    summary:
      "Lay out what the system is made of: infrastructure, software, people, procedures and " +
      "data, and draw the boundary of what is in scope.",
    type2Only: false,
  },
  {
    id: "DC4",
    label: "Significant incidents",
    summary:
      "Disclose significant incidents that stopped the company from meeting its commitments, " +
      "with what happened, when, how far it reached and how it was resolved.",
    type2Only: false,
  },
  {
    id: "DC5",
    label: "Criteria and related controls",
    summary:
      "List the criteria that apply to the chosen categories and, for each, the controls " +
      "designed to meet it, so a reader can trace every criterion to its controls.",
    type2Only: false,
  },
  {
    id: "DC6",
    label: "Controls customers must run",
    summary:
      "List the complementary user entity controls (CUECs): what customers must do on their " +
      "side, such as managing their own users, for the criteria to be met.",
    type2Only: false,
  },
  {
    id: "DC7",
    label: "Subservice organizations",
    summary:
      "Name the vendors whose services form part of the system, such as the cloud host, say " +
      "whether each is carved out or included, and list the controls expected of them (CSOCs).",
    type2Only: false,
  },
  {
    id: "DC8",
    label: "Criteria that do not apply",
    summary:
      "Name any criterion in the chosen categories that is not relevant to this system and give " +
      "the reason, so its missing controls are not read as a gap.",
    type2Only: false,
  },
  {
    id: "DC9",
    label: "Significant changes during the period",
    summary:
      "For a Type 2, describe significant changes to the system or its controls during the " +
      "period, such as a platform migration or a reorganization, and when they took effect.",
    type2Only: true,
  },
];
