// Privacy control templates (P1.1–P8.1).
import type { ControlTemplate } from "../types.ts";

export const privacyControls: readonly ControlTemplate[] = [
  {
    id: "PV-01",
    title: "Privacy notice published and reviewed",
    description:
      "A privacy notice on the website and in the product explains what personal data is " +
      "collected, why, how it is used, shared and kept, and how people can exercise their rights " +
      "or complain. Privacy and legal review it yearly and before processing changes, keeping " +
      "dated prior versions.",
    kind: "preventive",
    automation: "manual",
    frequency: "annual",
    ownerRole: "privacy",
    criteria: ["P1.1"],
    suggestedEvidence: [
      "Current privacy notice with version history",
      "Annual review record with approver",
      "Screenshots showing the notice linked at collection points",
    ],
    testProcedure:
      "Inspect the published notice and confirm it covers collection, purposes, use, sharing, " +
      "retention, individual rights and contact details. Confirm a review within the last 12 " +
      "months. For a sample of changes to personal data processing, confirm the notice was " +
      "updated before the change went live.",
  },
  {
    id: "PV-02",
    title: "Consent capture and records",
    description:
      "Where processing relies on consent, the product asks for it with an unticked opt-in and " +
      "records who agreed, to what, under which notice version and when. Withdrawing is as easy " +
      "as giving consent and stops the related processing.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["P2.1"],
    suggestedEvidence: [
      "Screenshots of the consent prompts",
      "Consent record schema and a sample export",
      "Withdrawal records with evidence that processing stopped",
    ],
    testProcedure:
      "Observe the consent flow and confirm boxes are not pre-ticked and the notice is linked. " +
      "For a sample of users processed on the basis of consent, inspect the record for " +
      "timestamp, scope and notice version. For a sample of withdrawals, confirm processing " +
      "stopped.",
  },
  {
    id: "PV-03",
    title: "Explicit consent for sensitive personal data",
    description:
      "Privacy keeps a list of sensitive data elements (such as health data or government ids) " +
      "and the flows that collect them. Each flow asks for separate, explicit consent naming the " +
      "data and purpose, and blocks collection until it is given.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "privacy",
    criteria: ["P3.2", "P2.1"],
    suggestedEvidence: [
      "List of sensitive data elements and the flows collecting them",
      "Screenshots of the explicit consent steps",
      "Consent records for sampled individuals",
    ],
    testProcedure:
      "Inspect the list and confirm each flow collecting sensitive data has an explicit consent " +
      "step. Re-perform one flow in a test environment and confirm the data cannot be submitted " +
      "without consent. For a sample of records holding sensitive data, confirm a matching " +
      "consent record exists.",
  },
  {
    id: "PV-04",
    title: "Personal data inventory and minimization review",
    description:
      "Privacy keeps a record of processing listing each personal data element with its source, " +
      "purpose, legal basis, systems and recipients. Each year it is reviewed with data owners " +
      "to drop fields no longer needed and confirm data is used only for the purposes in the " +
      "notice.",
    kind: "detective",
    automation: "manual",
    frequency: "annual",
    ownerRole: "privacy",
    criteria: ["P3.1", "P4.1"],
    suggestedEvidence: [
      "Record of processing with its review date",
      "Sign-offs or notes from the annual review",
      "Tickets for fields removed or uses stopped",
    ],
    testProcedure:
      "Inspect the record of processing and confirm each element has a purpose consistent with " +
      "the notice. Trace the actions from this year's review to closed tickets. For a sample of " +
      "personal data fields in a production schema, confirm each appears in the record.",
  },
  {
    id: "PV-05",
    title: "Privacy review of new or changed processing",
    description:
      "Changes that add a personal data field, a new purpose or a new recipient trigger a " +
      "privacy review in the change process. The reviewer confirms the data is needed, that the " +
      "notice covers the use, and whether an impact assessment is due, before release.",
    kind: "preventive",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "privacy",
    criteria: ["P3.1", "P4.1", "P1.1"],
    suggestedEvidence: [
      "Change checklist showing the privacy review trigger",
      "Completed privacy reviews or impact assessments",
      "Change tickets linked to the reviews",
    ],
    testProcedure:
      "Obtain the changes flagged as affecting personal data in the period. For a sample sized " +
      "to the population, confirm the privacy review was approved before deployment and assessed " +
      "necessity, purpose and notice coverage. Inspect a few unflagged changes to personal data " +
      "tables to check whether any should have been reviewed.",
  },
  {
    id: "PV-06",
    title: "Retention schedule for personal data",
    description:
      "The retention schedule sets how long each category of personal data is kept and why. " +
      "Scheduled jobs delete or anonymize records once their period ends, and privacy reviews " +
      "the schedule yearly.",
    kind: "preventive",
    automation: "automated",
    frequency: "daily",
    ownerRole: "engineering",
    criteria: ["P4.2", "P4.3"],
    suggestedEvidence: [
      "Approved retention schedule for personal data",
      "Deletion job settings mapped to the schedule",
      "Job run logs showing records deleted or anonymized",
    ],
    testProcedure:
      "Inspect the schedule and confirm it covers each category in the record of processing and " +
      "was reviewed in the last 12 months. Compare the deletion job settings with the schedule. " +
      "Query one data store for records past their retention date and confirm none remain.",
  },
  {
    id: "PV-07",
    title: "Secure disposal of personal data",
    description:
      "Erasure requests and account closures go through a deletion workflow that removes " +
      "personal data from production and connected tools and logs what was removed and when. " +
      "Devices and media that held personal data are wiped or destroyed with a record kept.",
    kind: "corrective",
    automation: "it-dependent-manual",
    frequency: "event-driven",
    ownerRole: "engineering",
    criteria: ["P4.3"],
    suggestedEvidence: [
      "Deletion runbook listing the systems covered",
      "Deletion logs for erasure requests and closures",
      "Device wipe or destruction records",
    ],
    testProcedure:
      "Obtain the erasure requests and account closures in the period. For a sample sized to the " +
      "population, inspect the deletion log and confirm data was removed from each system in the " +
      "runbook within the committed time. For a sample of retired devices, inspect the wipe or " +
      "destruction record.",
  },
  {
    id: "PV-08",
    title: "Data subject access requests",
    description:
      "Access requests are logged in a tracker and the requester's identity is verified. A copy " +
      "of their data, and on request the list of third parties it was disclosed to, is sent " +
      "within the legal or notice deadline (for example 30 days); any refusal is explained in " +
      "writing.",
    kind: "corrective",
    automation: "it-dependent-manual",
    frequency: "event-driven",
    ownerRole: "privacy",
    criteria: ["P5.1", "P6.7"],
    suggestedEvidence: [
      "Request procedure with deadlines and identity checks",
      "Request log with received and response dates",
      "Responses and identity checks for sampled requests",
    ],
    testProcedure:
      "Obtain the request log for the period. For a sample sized to the population, compare the " +
      "received date with the response date and confirm the response within the committed " +
      "deadline. Confirm identity was verified before data was released, that disclosures were " +
      "listed when asked for, and that any refusal gave a reason.",
  },
  {
    id: "PV-09",
    title: "Correction requests",
    description:
      "Users can edit their own profile data, and other correction requests go through the " +
      "request tracker. Corrections are made within the deadline and passed on to third parties " +
      "that received the data; a refusal is recorded with its reason and sent to the individual.",
    kind: "corrective",
    automation: "it-dependent-manual",
    frequency: "event-driven",
    ownerRole: "privacy",
    criteria: ["P5.2", "P7.1"],
    suggestedEvidence: [
      "Correction request log",
      "Tickets showing the correction and notice to recipients",
      "Written responses for refused corrections",
    ],
    testProcedure:
      "For a sample of correction requests sized to the population, compare the received and " +
      "completion dates and confirm the correction within the deadline. Confirm recipients of " +
      "the data were told where applicable. For any refusal, confirm the reason was sent.",
  },
  {
    id: "PV-10",
    title: "Authorized third-party disclosures and disclosure log",
    description:
      "Personal data goes to third parties only for purposes stated in the notice or with the " +
      "individual's consent. Other disclosures, such as to law enforcement, need privacy " +
      "approval and are logged with date, recipient, data, purpose and authority.",
    kind: "preventive",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "privacy",
    criteria: ["P6.1", "P6.2", "P6.7"],
    suggestedEvidence: [
      "Disclosure procedure and approval workflow",
      "Disclosure log for the period",
      "Approvals and consent or legal basis for sampled disclosures",
    ],
    testProcedure:
      "Inspect the disclosure log for the period. For a sample sized to the population, confirm " +
      "privacy approved the disclosure and that consent or a basis stated in the notice exists. " +
      "Compare the legal requests mailbox with the log and confirm no disclosure is missing.",
  },
  {
    id: "PV-11",
    title: "Privacy incident register and breach notification",
    description:
      "Every suspected unauthorized access to or disclosure of personal data is logged in a " +
      "register with its risk assessment. Where notice is required, legal informs individuals, " +
      "regulators and customers within the legal or contractual deadline (for example 72 hours " +
      "to a GDPR regulator) and keeps copies.",
    kind: "corrective",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "legal",
    criteria: ["P6.3", "P6.6"],
    suggestedEvidence: [
      "Privacy incident register for the period",
      "Risk assessments deciding whether notice was required",
      "Notices sent, with dates, for notifiable incidents",
    ],
    testProcedure:
      "Compare the register with security incidents involving personal data and confirm each is " +
      "recorded. For each notifiable incident, compare the discovery date with the notice dates " +
      "and confirm the deadlines were met. For incidents not notified, inspect the reason given.",
  },
  {
    id: "PV-12",
    title: "Data processing agreements with vendors",
    description:
      "Before a vendor processes personal data, legal signs a data processing agreement that " +
      "limits use to the company's instructions, requires security and confidentiality, binds " +
      "sub-processors and obliges the vendor to report breaches within a set number of hours.",
    kind: "preventive",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "legal",
    criteria: ["P6.4", "P6.5", "CC9.2"],
    suggestedEvidence: [
      "DPA template showing the privacy and breach notice clauses",
      "Current sub-processor list",
      "Signed DPAs for sampled vendors",
    ],
    testProcedure:
      "Obtain the vendors processing personal data, including those added in the period. For a " +
      "sample sized to the population, inspect the signed DPA and confirm it limits use, " +
      "requires protection, sets a breach notice deadline and was signed before data was shared. " +
      "Compare the sub-processor list with the vendors receiving personal data.",
  },
  {
    id: "PV-13",
    title: "Personal data quality checks",
    description:
      "Personal data fields are validated at entry (format, required fields, email verification) " +
      "and users can review and update their profile at any time. Data imported from customers " +
      "or partners is checked for format and duplicates before loading.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["P7.1"],
    suggestedEvidence: [
      "Validation rules for personal data fields",
      "Screenshots of email verification and profile editing",
      "Import checks and rejection logs",
    ],
    testProcedure:
      "Inspect the validation rules for personal data fields. Re-perform by entering invalid " +
      "data in a test environment and confirm it is rejected. Observe a user updating their " +
      "profile and confirm the change is saved and logged.",
  },
  {
    id: "PV-14",
    title: "Privacy complaints and compliance monitoring",
    description:
      "Privacy questions and complaints come in through a published contact and are logged, " +
      "investigated and answered. Each quarter the privacy lead reviews complaints, request " +
      "metrics and privacy control results, reports to leadership and tracks fixes to closure.",
    kind: "detective",
    automation: "manual",
    frequency: "quarterly",
    ownerRole: "privacy",
    criteria: ["P8.1"],
    suggestedEvidence: [
      "Complaint log with dates, outcome and response",
      "Quarterly privacy compliance reports to leadership",
      "Corrective action tickets",
    ],
    testProcedure:
      "For a sample of complaints sized to the population, confirm each was answered and its " +
      "resolution recorded. Inspect the reports for a sample of two quarters and confirm they " +
      "cover complaints, requests and control results, and that actions were closed.",
  },
];
