// Sorting information into levels so each level gets handling that fits its sensitivity.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { SECURITY_OFFICER } from "./variables.ts";

export const dataClassificationPolicy: PolicyTemplate = {
  id: "data-classification",
  title: "Data Classification Policy",
  summary:
    "Defines four levels of information sensitivity and the handling rules for each, and " +
    "requires an inventory of where confidential and customer data lives.",
  categories: [],
  criteria: ["C1.1", "CC2.1", "CC5.3", "CC6.1", "CC6.7"],
  controls: POLICY_TEMPLATE_CONTROLS["data-classification"],
  ownerRole: "security",
  reviewMonths: 12,
  variables: [
    SECURITY_OFFICER,
    {
      name: "inventory_review_frequency",
      label: "Data inventory review",
      default: "year",
      help: "How often the inventory of systems holding confidential and customer data is checked against reality.",
    },
    {
      name: "approved_sharing_service",
      label: "Approved file-sharing service",
      default: "the company file-sharing service",
      help: "The tool staff must use to send confidential files outside the company.",
    },
  ],
  body: `## Purpose

Not all information needs the same protection. This policy gives everyone at {{organization}} a shared way to decide how sensitive a piece of information is and what that means for how it is stored, shared and disposed of. It also requires the company to know where its most sensitive data lives.

## Scope

This policy covers all information created, received or held by {{organization}} in any form, including customer data, source code, business records and documents, and applies to all employees, contractors and systems that handle it.

## Roles and responsibilities

- **{{security_officer}}** owns this policy, keeps the data inventory and advises when the right level is unclear.
- **Data owners**, the managers responsible for a system or data set, assign its level, approve access and make sure the handling rules are applied.
- **Everyone** handles information according to its level and asks the data owner when unsure, treating the information at the higher level until answered.

## Policy statements

### Levels

Information is classified at one of four levels:

- **Public**: approved for anyone to see, such as marketing pages, published documentation and job postings. Disclosure causes no harm.
- **Internal**: for staff and approved contractors, such as internal procedures, meeting notes and the organization chart. Disclosure would be unwelcome but cause limited harm.
- **Confidential**: limited to people with a business need, such as contracts, financial results, source code, security findings, employee records and system designs. Disclosure could harm {{organization}}, its staff or partners.
- **Restricted**: the most sensitive information, including all customer data held in the service, credentials and encryption keys, and sensitive personal data. Disclosure could cause serious harm to customers or individuals and may trigger notice duties.

Information without a label is treated as internal. A collection takes the level of the most sensitive item it contains.

### Handling rules

- **Public** information may be shared freely once approved for publication.
- **Internal** information stays in company systems and is not posted publicly or sent to personal accounts.
- **Confidential** information:
  - is stored only in approved company systems with access limited to named groups;
  - is shared outside the company only with parties bound by a confidentiality agreement, through {{approved_sharing_service}} with sharing limited to named recipients;
  - is encrypted in transit and at rest.
- **Restricted** information, in addition:
  - is stored only in production systems and approved tools listed in the data inventory;
  - is reached only through access approved under the Access Control Policy, which for customer data means time-limited, logged production access;
  - is never copied to laptops, removable media, personal accounts, development or staging environments, or chat and ticket systems, except as a specific task approved by the data owner and {{security_officer}};
  - is never entered into tools that have not been approved for restricted data.

### Labels and inventory

- Documents and data sets at confidential or restricted level are labelled where the tool allows it, for example in the document title, folder name or a system tag.
- {{security_officer}} keeps an inventory of the systems that store or process confidential and restricted data, with the owner and level of each. New systems are added before they receive such data.
- The inventory is reviewed with data owners every {{inventory_review_frequency}}, and sooner when a new system or data flow is added.

### Transfer and removable media

- Restricted and confidential data leaves company systems only through approved encrypted channels. Device management blocks removable storage unless {{security_officer}} grants an exception, and alerts flag bulk external sharing of classified files.

### Disposal

- Information is disposed of when its retention period ends, using the methods set in the Data Retention and Disposal Policy for its level.

## Exceptions

A need to handle information outside these rules, for example to use customer data to reproduce a defect, is approved in advance by the data owner and {{security_officer}}, limited to the data and time needed, and recorded.

## Enforcement

Mishandling confidential or restricted information may lead to disciplinary action up to and including termination. Any exposure of restricted data is reported immediately and handled as an incident.

## Review

{{security_officer}} reviews this policy and the levels at least yearly, and when new kinds of data or new legal obligations arise.
`,
};
