// Honouring the confidentiality commitments made to customers and partners over the life of their information.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { CUSTOMER_DELETION_DAYS, LEGAL_LEAD, SECURITY_OFFICER } from "./variables.ts";

export const confidentialityPolicy: PolicyTemplate = {
  id: "confidentiality",
  title: "Confidential Information Policy",
  summary:
    "Sets how the company identifies the confidential information it receives and the " +
    "promises made about it, limits its use and disclosure, and disposes of it when those " +
    "promises end.",
  categories: ["confidentiality"],
  criteria: ["C1.1", "C1.2", "CC2.3", "CC5.3", "CC6.1", "CC6.5", "CC6.7"],
  controls: POLICY_TEMPLATE_CONTROLS["confidentiality"],
  ownerRole: "legal",
  reviewMonths: 12,
  variables: [
    LEGAL_LEAD,
    SECURITY_OFFICER,
    {
      name: "commitments_review_frequency",
      label: "Commitments register review",
      default: "year",
      help: "How often the register of confidentiality commitments is checked against current contracts.",
    },
    CUSTOMER_DELETION_DAYS,
  ],
  body: `## Purpose

Customers and partners share information with {{organization}} on the understanding that it will be kept confidential, used only for agreed purposes and returned or destroyed when the relationship ends. This policy makes sure the company knows what it has promised, keeps those promises while it holds the information, and can show that it disposed of the information when the promises required.

This policy sits alongside the Data Classification, Encryption and Data Retention and Disposal policies, which set the technical handling rules; it adds the commitments and the life cycle of information received from others.

## Scope

This policy covers confidential information that {{organization}} receives from or creates for customers, prospects, partners and vendors, including all customer data in the service, and information exchanged under a non-disclosure agreement. It applies to all staff and contractors, and to vendors who receive such information from us.

## Roles and responsibilities

- **{{legal_lead}}** owns this policy, keeps the register of confidentiality commitments and reviews contracts and non-disclosure agreements.
- **{{security_officer}}** makes sure the commitments are met in systems, through access restrictions, encryption, retention and disposal, and verifies disposal.
- **Relationship owners**, such as account managers and vendor owners, tell {{legal_lead}} when a contract with unusual confidentiality terms is signed and pass on requests to return or destroy information.
- **Everyone** uses confidential information only for the purpose it was shared for.

## Policy statements

### Knowing what we promised

- Customer contracts, the data processing terms and the public security page state our confidentiality commitments, including how long information is kept and how it is disposed of.
- {{legal_lead}} keeps a register of confidentiality commitments: the standard terms, plus any customer or partner whose contract differs from them, for example on retention, location of data or deletion deadlines.
- The register is checked against current contracts every {{commitments_review_frequency}}, and any term the company cannot meet is raised before signature, not after.

### Identifying confidential information

- Information received from a customer or partner is treated as confidential unless it is clearly public.
- Confidential information is classified and labelled under the Data Classification Policy, and the systems that store it appear in the confidential data inventory with an owner.

### Use and access

- Confidential information is used only to provide the agreed service or for the purpose stated in the agreement under which it was shared. It is not used for other purposes, such as marketing or training models, unless the owner has agreed in writing.
- Access to production data stores holding customer data is limited to a named engineering group and granted just in time through an approval workflow that expires automatically. Each grant and session is logged.
- Support staff view a customer's data only to resolve that customer's request.

### Protection

- Confidential information is encrypted at rest and in transit under the Encryption Policy, and use of the keys is limited to the services and roles that need them.

### Disclosure

- Confidential information is shared with a vendor or contractor only when they have signed a non-disclosure agreement, or a contract with equivalent terms, and only as much as their work needs.
- Requests from third parties, including authorities, to disclose a customer's confidential information are referred to {{legal_lead}}, who decides whether the law requires disclosure and whether the customer can be told.

### Retention and disposal

- Confidential information is kept only as long as the retention schedule and the register of commitments allow. Storage lifecycle rules and scheduled jobs delete it when its period ends.
- When a customer contract ends, the customer's data is deleted from production within {{customer_deletion_days}} days of the end and any agreed export, and the customer receives written confirmation. Backups holding it expire under the backup retention period.
- Each quarter, {{security_officer}} checks that deletions and contract-end disposals happened and that retired media has a destruction record.

## Exceptions

A departure from a confidentiality commitment is never made without the agreement of the party who shared the information. Internal exceptions to this policy that keep the commitment intact are approved by {{legal_lead}} and {{security_officer}} and recorded.

## Enforcement

Using or disclosing confidential information outside this policy is a serious breach that may lead to disciplinary action up to and including termination, and to legal action. Suspected disclosures are handled under the Incident Response Policy, and affected parties are told as their contracts require.

## Review

{{legal_lead}} reviews this policy at least yearly and when standard customer terms change.
`,
};
