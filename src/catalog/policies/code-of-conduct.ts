// The standards of behaviour expected of everyone, and how to raise a concern safely.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { EXECUTIVE_SPONSOR, LEGAL_LEAD, PEOPLE_LEAD } from "./variables.ts";

export const codeOfConductPolicy: PolicyTemplate = {
  id: "code-of-conduct",
  title: "Code of Conduct",
  summary:
    "States the behaviour expected of everyone on honesty, respect, conflicts of interest, " +
    "company assets and customer data, and how to report concerns without fear of retaliation.",
  categories: [],
  criteria: ["CC1.1", "CC1.5", "CC2.2", "CC3.3", "CC5.3"],
  controls: POLICY_TEMPLATE_CONTROLS["code-of-conduct"],
  ownerRole: "people",
  reviewMonths: 12,
  variables: [
    PEOPLE_LEAD,
    EXECUTIVE_SPONSOR,
    LEGAL_LEAD,
    {
      name: "ethics_channel",
      label: "Confidential reporting channel",
      default: "the anonymous ethics reporting line",
      help: "Where staff and outsiders can report concerns anonymously, outside their management line.",
    },
    {
      name: "gift_limit",
      label: "Gift and hospitality limit",
      default: "USD 100",
      help: "The value above which a gift or hospitality offered to staff must be declared and approved.",
    },
  ],
  body: `## Purpose

This Code sets out how everyone at {{organization}} is expected to behave towards customers, colleagues, partners and the company. Customers trust us with their data and their business; that trust depends on each of us acting honestly and carefully every day, including when no one is watching.

## Scope

This Code applies to all employees, officers and board members, and to contractors and temporary staff while they work with {{organization}}. Leaders are expected to model it and to make it safe for others to raise concerns.

## Roles and responsibilities

- **{{executive_sponsor}}** approves this Code and sets the example for it.
- **{{people_lead}}** owns the Code, runs the yearly acknowledgement and handles breaches through the disciplinary process.
- **{{legal_lead}}** receives reports made through {{ethics_channel}}, makes sure they are investigated independently and protects reporters.
- **Managers** make sure their teams understand the Code and act on concerns raised with them.
- **Everyone** reads and follows the Code, acknowledges it when joining and each year, and speaks up about breaches.

## Policy statements

### Honesty and integrity

- We are truthful with customers, auditors, regulators and each other. We do not mislead anyone about our product, our security or our results.
- Company records, including time, expenses and evidence for audits, are accurate and complete. Falsifying or backdating a record is never acceptable.
- We comply with the laws that apply to our work, including those on bribery, competition, export control and data protection.

### Respect

- We treat everyone with respect. Harassment, discrimination, bullying and threats are not tolerated, whether in person, in writing or online.

### Conflicts of interest

- We avoid situations where personal interests could affect our judgement for the company, such as a financial interest in a vendor or competitor, or hiring a close relative.
- Possible conflicts are declared to {{people_lead}} when they arise, and the declaration is recorded with the decision made.

### Gifts and hospitality

- We do not offer or accept anything of value meant to influence a business decision.
- Gifts or hospitality above {{gift_limit}} are declared to {{people_lead}} and accepted only with approval. Cash and cash equivalents are never accepted.

### Company assets and information

- Company assets, including devices, accounts, funds and time, are used for legitimate business purposes and in line with the Acceptable Use Policy.
- Customer data is used only to provide the service the customer signed up for, and confidential information is handled as the Data Classification Policy requires.
- Everyone signs a confidentiality agreement before receiving access to company or customer information, and the duty continues after they leave.

### Security and compliance duties

- Following security policies and completing required training and acknowledgements are part of every role.
- No one may override or ask others to bypass a control, including managers and leaders. Requests to do so are reported.

### Speaking up

- Anyone who sees or suspects a breach of this Code, fraud or a security concern raises it with their manager, {{people_lead}}, or through {{ethics_channel}}, which allows anonymous reports and goes outside the reporter's management line to {{legal_lead}} and an independent board member.
- Reports are investigated promptly and fairly, and the reporter is kept informed where possible.
- Retaliation against anyone who raises a concern in good faith is itself a serious breach of this Code.

## Exceptions

This Code has no exceptions for individuals. Where the Code and local law differ, the stricter rule applies, and questions about how it applies are taken to {{people_lead}} or {{legal_lead}}.

## Enforcement

Breaches are handled through the disciplinary process, with consequences from a warning up to termination of employment or contract, depending on the seriousness, intent and any history. Breaches that may be crimes can be referred to the authorities. Each case is recorded with the facts, decision and action taken.

## Review

{{people_lead}} reviews this Code at least yearly, and {{executive_sponsor}} approves each new version. Everyone acknowledges the current version at hire and again each year.
`,
};
