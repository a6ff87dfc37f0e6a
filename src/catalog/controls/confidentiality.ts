// Confidentiality control templates (C1.1–C1.2, with related CC6.5 and CC6.7).
import type { ControlTemplate } from "../types.ts";

export const confidentialityControls: readonly ControlTemplate[] = [
  {
    id: "CF-01",
    title: "Data classification and confidential data inventory",
    description:
      "A data classification policy sets levels (for example public, internal, confidential, " +
      "restricted) and the handling rules for each. Security keeps an inventory of the systems " +
      "that store or process confidential and customer data, with owner and level, and reviews " +
      "the policy and inventory yearly.",
    kind: "preventive",
    automation: "manual",
    frequency: "annual",
    ownerRole: "security",
    criteria: ["C1.1"],
    suggestedEvidence: [
      "Approved data classification policy",
      "Confidential data inventory with system, data type, owner and level",
      "Record of the latest annual review",
    ],
    testProcedure:
      "Inspect the policy and confirm it defines levels and handling rules and was approved in " +
      "the last 12 months. Inspect the inventory and, for a sample of production data stores " +
      "taken from the cloud asset listing, confirm each is recorded with an owner and level.",
  },
  {
    id: "CF-02",
    title: "Confidentiality agreements with customers and vendors",
    description:
      "Customer contracts carry confidentiality terms, and vendors or contractors who will " +
      "handle confidential information sign a non-disclosure agreement, or a contract with " +
      "equivalent terms, before any confidential information is shared with them.",
    kind: "preventive",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "legal",
    criteria: ["C1.1"],
    suggestedEvidence: [
      "Standard customer terms and NDA template showing the confidentiality clauses",
      "Lists of new customers and of vendors given confidential data in the period",
      "Signed agreements for the sampled parties",
    ],
    testProcedure:
      "Obtain the new customers and the vendors given access to confidential information in the " +
      "period. For a sample sized to each population, inspect the signed agreement and confirm " +
      "it contains confidentiality terms and was signed before information was exchanged.",
  },
  {
    id: "CF-03",
    title: "Restricted access to customer data",
    description:
      "Access to production data stores holding customer data is limited to a named engineering " +
      "group and granted just in time through an approval workflow, expiring automatically. Each " +
      "grant and session is logged.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["C1.1", "CC6.1"],
    suggestedEvidence: [
      "Workflow configuration showing approval and automatic expiry",
      "List of users able to request or hold access to customer data stores",
      "Access grant log with approvals for the period",
    ],
    testProcedure:
      "Inspect the access configuration and confirm grants require approval and expire on their " +
      "own. For a sample of grants sized to the population, confirm someone other than the " +
      "requester approved it before access began. Compare the users able to request access with " +
      "the approved group and confirm there are no others.",
  },
  {
    id: "CF-04",
    title: "Encryption of confidential data",
    description:
      "Confidential and customer data is encrypted at rest with managed keys in every production " +
      "data store and backup, and in transit with TLS 1.2 or later. Use of the encryption keys " +
      "is limited to the services and roles that need them.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["C1.1", "CC6.7"],
    suggestedEvidence: [
      "Encryption settings for the data stores and backups in the inventory",
      "TLS scan of the public endpoints",
      "Key policies showing who and what can use the keys",
    ],
    testProcedure:
      "Inspect the encryption settings of each data store in the confidential data inventory and " +
      "confirm encryption at rest is on. Inspect a TLS scan of the public endpoints and confirm " +
      "older protocols are refused. Inspect the key policies and confirm key use is restricted.",
  },
  {
    id: "CF-05",
    title: "Retention schedule for confidential data",
    description:
      "A retention schedule states how long each type of confidential data is kept, based on " +
      "contracts and legal needs. Storage lifecycle rules and scheduled jobs delete data once " +
      "its period ends, and the schedule is reviewed yearly.",
    kind: "preventive",
    automation: "automated",
    frequency: "daily",
    ownerRole: "engineering",
    criteria: ["C1.1", "C1.2"],
    suggestedEvidence: [
      "Approved retention schedule with its last review date",
      "Lifecycle rules and deletion job settings mapped to the schedule",
      "Deletion job run logs for the period",
    ],
    testProcedure:
      "Inspect the retention schedule and confirm it covers each data type in the inventory and " +
      "was reviewed in the last 12 months. Compare the lifecycle rules and job settings with the " +
      "schedule. Inspect the job run history and confirm the jobs ran through the period.",
  },
  {
    id: "CF-06",
    title: "Deletion of customer data at contract end",
    description:
      "When a customer contract ends, a ticket opens from the offboarding list. After any agreed " +
      "export, engineering deletes the customer's data within the contractual period and sends " +
      "the customer written confirmation; backups holding the data expire under the backup " +
      "retention period.",
    kind: "corrective",
    automation: "it-dependent-manual",
    frequency: "event-driven",
    ownerRole: "engineering",
    criteria: ["C1.2", "CC6.5"],
    suggestedEvidence: [
      "Terminated customers in the period from billing or CRM",
      "Deletion tickets with termination date, deletion date and steps performed",
      "Deletion confirmations sent to customers",
    ],
    testProcedure:
      "Obtain the customers whose contracts ended in the period from billing or CRM. For a " +
      "sample sized to the population, inspect the deletion ticket and confirm deletion was " +
      "finished within the contractual deadline and a confirmation was sent. For one sampled " +
      "customer, inspect a query of the production data stores showing no remaining records.",
  },
  {
    id: "CF-07",
    title: "Disposal verification",
    description:
      "Each quarter security checks that retention jobs removed data past its date, that each " +
      "contract-end deletion ticket is closed with a confirmation, and that retired devices and " +
      "media have a wipe or destruction record. Gaps found are ticketed and followed up.",
    kind: "detective",
    automation: "it-dependent-manual",
    frequency: "quarterly",
    ownerRole: "security",
    criteria: ["C1.2", "CC6.5"],
    suggestedEvidence: [
      "Quarterly disposal verification records",
      "Retention job results and record counts reviewed",
      "Certificates of destruction or device wipe records",
    ],
    testProcedure:
      "Inspect the verification records for a sample of two quarters and confirm the reviewer " +
      "covered retention job results, open deletion tickets and media disposal. Confirm the gaps " +
      "noted were ticketed and closed. Re-perform one check by querying a data store for records " +
      "older than their retention period.",
  },
];
