// Risk control templates (RM): risk assessment, fraud, change, disruption, vendors (CC3, CC9).
import type { ControlTemplate } from "../types.ts";

export const riskControls: readonly ControlTemplate[] = [
  {
    id: "RM-01",
    title: "Yearly risk assessment",
    description:
      "At least once a year the security lead runs a documented risk assessment with input " +
      "from engineering, operations and leadership. It identifies threats to the stated " +
      "objectives, including vendor, business disruption and environmental changes, rates " +
      "each by likelihood and impact, and is approved by leadership.",
    kind: "preventive",
    automation: "manual",
    frequency: "annual",
    ownerRole: "security",
    criteria: ["CC3.1", "CC3.2", "CC3.4", "CC9.1"],
    suggestedEvidence: [
      "Risk assessment methodology with the likelihood and impact scales",
      "Completed risk assessment for the period, with participants and date",
      "Leadership approval of the results",
    ],
    testProcedure:
      "Inspect the methodology and confirm it defines how risks are identified and scored. " +
      "Inspect the assessment completed in the period and confirm it covers internal and " +
      "external threats, vendors, business disruption and recent changes. Confirm leadership " +
      "approved the results and that the assessment is no more than twelve months old.",
  },
  {
    id: "RM-02",
    title: "Risk register with treatment decisions",
    description:
      "Each identified risk sits in a register with an owner, a score and a treatment " +
      "decision (mitigate, transfer, avoid or accept) linked to the controls or actions " +
      "involved. Accepting a risk above the agreed appetite needs leadership sign-off, and " +
      "the register is reviewed every quarter.",
    kind: "corrective",
    automation: "manual",
    frequency: "quarterly",
    ownerRole: "security",
    criteria: ["CC3.2", "CC5.1"],
    suggestedEvidence: [
      "Risk register export with owners, scores, treatments and linked controls",
      "Sign-off records for risks accepted above appetite",
      "Evidence of the quarterly reviews (minutes or register history)",
    ],
    testProcedure:
      "Inspect the register and confirm each risk has an owner, score and treatment. For a " +
      "sample of risks marked mitigate, confirm the linked controls exist and operate. For " +
      "every risk accepted above appetite, inspect the leadership sign-off. For a sample of " +
      "quarters, inspect evidence of the review.",
  },
  {
    id: "RM-03",
    title: "Fraud risk assessment",
    description:
      "As part of the yearly risk assessment, the team considers how fraud could happen: " +
      "misuse of privileged access, tampering with billing or usage data, fictitious " +
      "vendors, and management overriding controls. It weighs incentives and opportunities " +
      "and records the controls that deter or detect each scenario.",
    kind: "preventive",
    automation: "manual",
    frequency: "annual",
    ownerRole: "security",
    criteria: ["CC3.3", "CC3.2"],
    suggestedEvidence: [
      "Fraud risk section of the risk assessment, with scenarios and scores",
      "Mapping of fraud scenarios to the controls that address them",
    ],
    testProcedure:
      "Inspect the fraud risk assessment and confirm it considers incentives, opportunities, " +
      "management override and misuse of system access. Confirm each fraud scenario rated " +
      "above low maps to at least one control, and that finance and leadership took part.",
  },
  {
    id: "RM-04",
    title: "Impact assessment for significant changes",
    description:
      "Significant changes, such as a new product line, an acquisition, a major architecture " +
      "or hosting change, a new critical vendor, turnover in key roles or a new regulation, " +
      "trigger a documented review of their effect on risks and controls. The risk register " +
      "and control matrix are updated with the outcome.",
    kind: "preventive",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "security",
    criteria: ["CC3.4", "CC3.2"],
    suggestedEvidence: [
      "List of significant changes in the period from management",
      "Impact assessments for those changes",
      "Register or control matrix entries updated as a result",
    ],
    testProcedure:
      "Inquire of leadership and inspect meeting minutes to list significant changes in the " +
      "period. For each, or a sample if there are many, inspect the impact assessment and " +
      "confirm it considered effects on risks and controls. Confirm resulting updates appear " +
      "in the register or control matrix.",
  },
  {
    id: "RM-05",
    title: "Business disruption risk and insurance",
    description:
      "Leadership identifies events that could disrupt the service, for example loss of a " +
      "cloud region, a critical vendor or key staff, or a ransomware attack, and selects " +
      "mitigations such as redundancy, continuity plans and cyber liability insurance. Cover " +
      "is checked against the current risk profile at each yearly renewal.",
    kind: "corrective",
    automation: "manual",
    frequency: "annual",
    ownerRole: "leadership",
    criteria: ["CC9.1", "CC3.2"],
    suggestedEvidence: [
      "Business disruption scenarios with selected mitigations",
      "Current cyber liability insurance policy or certificate with limits and dates",
      "Record of the yearly review of cover against the risk profile",
    ],
    testProcedure:
      "Inspect the disruption scenarios and confirm each has a mitigation with an owner. " +
      "Inspect the insurance certificate and confirm the policy was in force during the period. " +
      "Inspect the renewal review and confirm cover was compared with the current risks.",
  },
  {
    id: "RM-06",
    title: "Vendor inventory with risk tiers",
    description:
      "A vendor inventory lists every third party that stores, processes or can reach " +
      "customer data or that the service depends on, with an internal owner, the data shared " +
      "and a criticality tier, and marks subservice organizations. Each quarter it is " +
      "reconciled against finance spend records to catch vendors added outside the process.",
    kind: "detective",
    automation: "it-dependent-manual",
    frequency: "quarterly",
    ownerRole: "security",
    criteria: ["CC9.2"],
    suggestedEvidence: [
      "Vendor inventory export with owner, data shared, tier and subservice flag",
      "Spend report used for the reconciliation",
      "Reconciliation record for the sampled quarters",
    ],
    testProcedure:
      "Inspect the inventory and confirm it includes the subservice organizations named in " +
      "the system description. For a sample of quarters, inspect the reconciliation and " +
      "confirm vendors found only in spend records were added or explained. Select a sample " +
      "of vendors from the spend report and confirm each appears in the inventory.",
  },
  {
    id: "RM-07",
    title: "Vendor due diligence and yearly assurance review",
    description:
      "Before contract, higher-tier vendors are assessed through a security questionnaire or " +
      "an independent report such as SOC 2 or ISO/IEC 27001. Every year, the SOC 2 reports " +
      "of critical vendors and subservice organizations are read for opinion, exceptions and " +
      "period, and their complementary user entity controls are matched to our own controls.",
    kind: "detective",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "security",
    criteria: ["CC9.2", "CC4.1"],
    suggestedEvidence: [
      "Due diligence records for vendors onboarded in the period",
      "Yearly review notes on each critical vendor's SOC 2 report",
      "Mapping of vendors' complementary user entity controls to our controls",
    ],
    testProcedure:
      "For a sample of vendors onboarded in the period, confirm due diligence was completed " +
      "and approved before the contract date. For each critical vendor, inspect the review " +
      "of its latest SOC 2 report and confirm exceptions and coverage gaps were assessed, " +
      "with a bridge letter where the period ended long ago. Inspect the control mapping.",
  },
  {
    id: "RM-08",
    title: "Security terms in vendor contracts",
    description:
      "Contracts with vendors that handle customer data include confidentiality, security " +
      "obligations, breach notice within a set time, the right to receive assurance reports, " +
      "disclosure of their own subprocessors, and return or deletion of data at termination. " +
      "Legal reviews these terms before signature.",
    kind: "preventive",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "legal",
    criteria: ["CC9.2", "CC2.3"],
    suggestedEvidence: [
      "Standard security addendum or data processing agreement used with vendors",
      "Signed contracts for the sampled vendors showing the security terms",
    ],
    testProcedure:
      "Inspect the standard security addendum and confirm it covers confidentiality, breach " +
      "notice, assurance and data return or deletion. For a sample of vendors that handle " +
      "customer data, inspect the signed contract and confirm these terms are present, or " +
      "that any deviation was approved by legal.",
  },
];
