// People control templates (HR): hiring, training, accountability, joiners and leavers.
import type { ControlTemplate } from "../types.ts";

export const peopleControls: readonly ControlTemplate[] = [
  {
    id: "HR-01",
    title: "Background checks before hire",
    description:
      "Before the start date, new employees and contractors who will reach production or " +
      "customer data are screened through a background check provider, to the extent local " +
      "law allows. HR and the hiring manager review any adverse result before the hire goes on.",
    kind: "preventive",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "people",
    criteria: ["CC1.1", "CC1.4"],
    suggestedEvidence: [
      "Screening policy stating which checks apply to which roles and countries",
      "List of hires in the period from the HR system, with start dates",
      "Provider completion reports for the sampled hires, with completion dates",
    ],
    testProcedure:
      "Obtain the list of hires in the period from the HR system and select a sample. For " +
      "each, inspect the provider report and confirm the check was completed before the start " +
      "date, or started before it where the policy allows. Inquire how adverse results are " +
      "handled and inspect the record of any such case.",
  },
  {
    id: "HR-02",
    title: "Written job descriptions",
    description:
      "Every role has a written description of its responsibilities, required skills and " +
      "experience, and, for roles with elevated access, its security duties. Hiring managers " +
      "use it to recruit and assess candidates, and it is updated when the role changes.",
    kind: "preventive",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "people",
    criteria: ["CC1.3", "CC1.4"],
    suggestedEvidence: [
      "Job descriptions for the roles of the sampled hires",
      "Job postings or offer letters that reference the description",
    ],
    testProcedure:
      "For a sample of hires in the period, inspect the job description for the role and " +
      "confirm it lists responsibilities and required qualifications. For roles in " +
      "engineering, IT and security, confirm the description includes security duties.",
  },
  {
    id: "HR-03",
    title: "Security awareness training at hire and yearly",
    description:
      "New staff complete security awareness training within 30 days of starting, and all " +
      "staff complete a refreshed course every year covering phishing, passwords, data " +
      "handling and how to report an incident. Engineers also take secure development " +
      "training, and completion is tracked in the training platform.",
    kind: "preventive",
    automation: "it-dependent-manual",
    frequency: "event-driven",
    ownerRole: "security",
    criteria: ["CC1.4", "CC2.2"],
    suggestedEvidence: [
      "Training content or syllabus for the current year",
      "Completion report from the training platform with completion dates",
      "Follow-up records for staff who were late or did not complete",
    ],
    testProcedure:
      "Inspect the course content and confirm it covers the topics the policy requires. " +
      "For a sample of hires, confirm training was completed within 30 days of the start date. " +
      "For a sample of other staff, confirm the yearly course was completed in the period, and " +
      "inspect follow-up for anyone overdue.",
  },
  {
    id: "HR-04",
    title: "Yearly performance reviews",
    description:
      "Managers hold a formal performance review with each employee at least once a year, " +
      "covering goals, competencies and how the employee met policy and security duties. " +
      "Completion is tracked in the HR system and gaps are chased by HR.",
    kind: "detective",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "people",
    criteria: ["CC1.4", "CC1.5"],
    suggestedEvidence: [
      "Completion report for the latest review cycle from the HR system",
      "Completed review forms for the sampled employees",
    ],
    testProcedure:
      "Obtain the review cycle completion report and select a sample of employees employed " +
      "for the full cycle. For each, inspect the completed review and confirm it was signed " +
      "off by the manager within the cycle. Inquire how incomplete reviews are followed up.",
  },
  {
    id: "HR-05",
    title: "Disciplinary process for policy violations",
    description:
      "A documented disciplinary process sets out a graduated range of consequences, up to " +
      "termination, for breaking the code of conduct or security policies. HR records each " +
      "case with the facts, the decision and the action taken.",
    kind: "corrective",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "people",
    criteria: ["CC1.1", "CC1.5"],
    suggestedEvidence: [
      "Disciplinary procedure, and the handbook section that refers to it",
      "Case records for disciplinary matters in the period (redacted as needed)",
    ],
    testProcedure:
      "Inspect the disciplinary procedure and confirm the handbook or code of conduct refers " +
      "to it. Inquire of HR about cases in the period; for each case, or a sample if there " +
      "are many, inspect the record and confirm the action followed the procedure.",
  },
  {
    id: "HR-06",
    title: "Confidentiality agreements signed at hire",
    description:
      "Employees and contractors sign a confidentiality agreement, as part of their contract " +
      "or separately, before they receive access to company or customer information. The " +
      "agreement survives the end of the engagement.",
    kind: "preventive",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "people",
    criteria: ["CC1.1", "CC2.2"],
    suggestedEvidence: [
      "Template confidentiality agreement or contract clause",
      "Signed agreements for the sampled hires and contractors, with signature dates",
    ],
    testProcedure:
      "Inspect the agreement template and confirm it covers company and customer information " +
      "and continues after the engagement ends. For a sample of hires and contractors in the " +
      "period, confirm a signed agreement exists and was signed before the start date.",
  },
  {
    id: "HR-07",
    title: "Onboarding checklist",
    description:
      "Each new hire has an onboarding ticket created from the HR system that lists the steps " +
      "to complete: agreements signed, background check cleared, training assigned, device " +
      "issued and enrolled, and access granted according to the approved role.",
    kind: "preventive",
    automation: "it-dependent-manual",
    frequency: "event-driven",
    ownerRole: "people",
    criteria: ["CC1.4", "CC2.2", "CC6.2"],
    suggestedEvidence: [
      "Onboarding checklist template",
      "Completed onboarding tickets for the sampled hires, with step completion dates",
    ],
    testProcedure:
      "Inspect the checklist template and confirm it includes agreements, screening, training, " +
      "device setup and role-based access. For a sample of hires, inspect the ticket and " +
      "confirm each step was completed, with access granted only after required steps.",
  },
  {
    id: "HR-08",
    title: "Offboarding checklist",
    description:
      "When HR records a departure, an offboarding ticket is opened for IT and system owners: " +
      "remove remaining accounts that are not behind single sign-on, recover the laptop and " +
      "any badges or keys, and transfer ownership of files and shared credentials. Returned " +
      "devices are wiped before reuse.",
    kind: "preventive",
    automation: "it-dependent-manual",
    frequency: "event-driven",
    ownerRole: "it",
    criteria: ["CC6.2", "CC6.4", "CC6.5"],
    suggestedEvidence: [
      "Offboarding checklist template",
      "List of leavers in the period from the HR system, with last working days",
      "Completed offboarding tickets for the sampled leavers, with dates for each step",
    ],
    testProcedure:
      "Obtain the list of leavers from the HR system and select a sample. For each, inspect " +
      "the offboarding ticket and confirm accounts were removed, the device and badge were " +
      "recovered and the device was wiped. Compare step dates with the last working day and " +
      "confirm they met the timeframe in the access policy.",
  },
];
