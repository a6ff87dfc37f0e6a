// How long information is kept, and how it is destroyed once that period ends.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import {
  CUSTOMER_DELETION_DAYS,
  ENGINEERING_LEAD,
  LEGAL_LEAD,
  SECURITY_OFFICER,
} from "./variables.ts";

export const dataRetentionPolicy: PolicyTemplate = {
  id: "data-retention",
  title: "Data Retention and Disposal Policy",
  summary:
    "Sets how long each kind of information is kept and how it is securely deleted or " +
    "destroyed, including customer data at the end of a contract.",
  categories: [],
  criteria: ["C1.1", "C1.2", "CC5.3", "CC6.5"],
  controls: POLICY_TEMPLATE_CONTROLS["data-retention"],
  ownerRole: "security",
  reviewMonths: 12,
  variables: [
    SECURITY_OFFICER,
    LEGAL_LEAD,
    ENGINEERING_LEAD,
    CUSTOMER_DELETION_DAYS,
    {
      name: "business_records_retention",
      label: "Business and financial records retention",
      default: "7 years",
      help: "How long contracts, invoices and accounting records are kept, set by tax and company law.",
    },
    {
      name: "disposal_check_frequency",
      label: "Disposal verification",
      default: "quarter",
      help: "How often security checks that deletions and device destruction actually happened.",
    },
  ],
  body: `## Purpose

Keeping information longer than needed adds risk without adding value: more to protect, more to expose in a breach, more to search when asked. This policy sets how long {{organization}} keeps each kind of information and how it is disposed of so that it cannot be recovered.

## Scope

This policy covers all information held by {{organization}}, in production systems, backups, business applications, documents, email and devices, including information held for us by vendors. It applies to all staff and to the systems and vendors that store that information.

## Roles and responsibilities

- **{{security_officer}}** owns this policy and the retention schedule, and checks that disposal happens.
- **{{legal_lead}}** sets retention periods required by law and contract and issues legal holds.
- **{{engineering_lead}}** makes sure production systems delete data automatically when its period ends, and carries out contract-end deletions.
- **Data owners** apply the schedule to the data they own and report kinds of data it does not cover.

## Policy statements

### Retention schedule

- A retention schedule lists each kind of information, where it is kept, how long it is kept and why. It includes at least:
  - **Customer data in the service**: for the term of the customer's contract, then deleted within {{customer_deletion_days}} days of the contract ending and any agreed export;
  - **Backups**: for the period in the Backup Policy, after which they expire;
  - **Security and audit logs**: for the period in the Logging and Monitoring Policy;
  - **Business and financial records**: {{business_records_retention}};
  - **Employee records**: for the period local employment law requires after employment ends;
  - **Audit evidence**: for the period needed to support the current and previous audit reports.
- Periods are based on contracts, law and real business need. Where none applies, information is kept no longer than needed for the purpose it was collected for.

### Automated deletion

- Production systems enforce the schedule with storage lifecycle rules and scheduled deletion jobs wherever possible, rather than relying on people remembering.
- Deletion jobs log what they removed and when, and failures alert engineering.

### Customer data at contract end

- When a customer contract ends, a ticket opens to track deletion. After any agreed export, engineering deletes the customer's data from production within {{customer_deletion_days}} days and sends the customer written confirmation.
- Copies in backups are not restored into use and expire under the backup retention period, which is stated in customer terms.
- Customer data held by vendors is deleted under the terms of their contracts.

### Legal holds

- When litigation, an investigation or a regulator's request is expected, {{legal_lead}} may place a hold that suspends deletion of the information concerned. Holds are recorded, limited to what is needed and lifted as soon as they end.

### Disposal methods

- Electronic data is deleted using the system's own deletion functions, or by destroying the encryption keys that protect it.
- Returned laptops are wiped remotely through device management before reuse.
- Devices and storage media at end of life are destroyed by a certified vendor that issues a certificate of destruction, and the asset inventory is updated.
- Paper holding confidential or restricted information is shredded.
- Physical media in cloud data centers is disposed of by the cloud provider under its own controls, which are reviewed under the Vendor Management Policy.

### Verification

- Every {{disposal_check_frequency}}, {{security_officer}} checks that deletion jobs removed data past its date, that each contract-end deletion ticket is closed with a confirmation, and that retired devices have a wipe or destruction record. Gaps are ticketed and followed up.

## Exceptions

Keeping information beyond its period, other than under a legal hold, needs written approval from the data owner and {{security_officer}}, with the reason and a new end date recorded in the schedule.

## Enforcement

Deleting information under a legal hold, or keeping restricted information outside approved systems past its period, may lead to disciplinary action. Disposal failures found in verification are tracked as deficiencies.

## Review

{{security_officer}} and {{legal_lead}} review this policy and the retention schedule at least yearly, and when laws, contracts or systems change.
`,
};
