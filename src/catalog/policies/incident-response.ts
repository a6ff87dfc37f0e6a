// How security incidents are reported, triaged, contained, communicated and learned from.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { EXECUTIVE_SPONSOR, LEGAL_LEAD, SECURITY_CONTACT, SECURITY_OFFICER } from "./variables.ts";

export const incidentResponsePolicy: PolicyTemplate = {
  id: "incident-response",
  title: "Incident Response Policy",
  summary:
    "Sets how security incidents are reported, classified, contained, resolved and " +
    "communicated, and how lessons are fed back into the program.",
  categories: [],
  criteria: ["CC2.3", "CC4.2", "CC5.3", "CC7.2", "CC7.3", "CC7.4", "CC7.5"],
  controls: POLICY_TEMPLATE_CONTROLS["incident-response"],
  ownerRole: "security",
  reviewMonths: 12,
  variables: [
    SECURITY_OFFICER,
    EXECUTIVE_SPONSOR,
    LEGAL_LEAD,
    SECURITY_CONTACT,
    {
      name: "critical_response_minutes",
      label: "Response to a critical alert (minutes)",
      default: "15",
      help: "How quickly the on-call engineer acknowledges a critical security alert.",
    },
    {
      name: "customer_notice_hours",
      label: "Customer notice deadline (hours)",
      default: "72",
      help: "The longest time after confirming an incident that affects customer data before affected customers are told, unless a contract or law sets a shorter one.",
    },
    {
      name: "postmortem_days",
      label: "Days to write a post-mortem",
      default: "10 business days",
      help: "How long after a high-severity incident closes its written post-mortem may take.",
    },
  ],
  body: `## Purpose

This policy prepares {{organization}} to respond to security incidents quickly and in an orderly way, so that harm to customers is limited, evidence is preserved, obligations to notify are met and the same incident does not happen twice.

## Scope

This policy covers any event that threatens the confidentiality, integrity or availability of the systems or data of {{organization}} or its customers: for example unauthorized access, malware, leaked credentials, lost devices holding company data, data sent to the wrong recipient, or an attack that disrupts the service. It applies to all staff and contractors, and to vendors whose incidents affect our data.

## Roles and responsibilities

- **{{security_officer}}** owns this policy and the response plan, keeps the incident register and makes sure post-mortem actions are completed.
- **The incident commander**, by default the on-call engineer until {{security_officer}} assigns someone else, leads the response, makes decisions and keeps the timeline.
- **The communications lead** prepares internal updates and, with {{legal_lead}}, any notice to customers, regulators or the public.
- **{{legal_lead}}** decides whether legal or contractual notice duties apply and approves outside notices.
- **{{executive_sponsor}}** is informed of every high-severity incident and decides matters beyond the response team's authority.
- **Everyone** reports suspected incidents immediately to {{security_contact}} or through the on-call channel, and does not investigate on their own.

## Policy statements

### Reporting and detection

- Staff report anything suspicious as soon as they notice it. A report that turns out to be harmless is still welcome.
- Security alerts page the on-call engineer, who acknowledges a critical alert within {{critical_response_minutes}} minutes and records a triage note on every alert.

### Classification

- Each incident is given a severity:
  - **Critical**: confirmed access to customer data, or an outage or attack affecting most customers;
  - **High**: likely exposure of customer or confidential data, or significant service degradation;
  - **Medium**: a contained compromise of a single account or device, or a policy breach with limited exposure;
  - **Low**: a suspicious event with no sign of harm.
- Critical and high incidents bring in {{security_officer}}, {{legal_lead}} and {{executive_sponsor}} at once.

### Response

- The response follows the written plan: triage, containment, eradication, recovery and follow-up.
- Evidence such as logs, disk images and messages is preserved before systems are changed where this can be done safely, and access to it is limited to the response team.
- Containment comes before root-cause work: affected accounts are suspended, exposed credentials are rotated and malicious access is blocked.
- Affected systems are rebuilt from known-good images or restored from backup, and service is verified before the incident is closed. Lasting fixes go through change management.

### Recording

- Every incident has a ticket in the incident register recording severity, timeline, systems and data affected, actions taken, decisions and closure.
- High and critical incidents receive a blameless post-mortem within {{postmortem_days}}. Its corrective actions are tracked to completion as deficiencies.

### Communication

- During an incident, internal updates go to the response channel at a pace set by the incident commander.
- Outages and degradations that customers can see are posted on the status page, with updates and a resolution notice.
- When an incident affects customer data or breaks a service commitment, affected customers are notified within {{customer_notice_hours}} hours of confirmation, or sooner when a contract or law requires. Notices use reviewed templates approved by {{legal_lead}}, and copies with their send times are kept with the incident record.
- No one speaks publicly about an incident without approval from {{executive_sponsor}}.

### Readiness

- The response team runs a tabletop or simulated incident at least once a year with a realistic scenario. Gaps found in the plan, tools or contact lists are recorded and fixed.
- Contact lists for the response team, key vendors and outside advisers are kept current and reachable when company systems are down.

## Exceptions

The incident commander may depart from the plan during an incident when following it would cause more harm, and records the reason in the incident ticket. Any other exception to this policy needs written approval from {{security_officer}}.

## Enforcement

Failing to report a known incident, concealing one or destroying evidence is a serious breach and may lead to disciplinary action up to and including termination. Completion of post-mortem actions is tracked at the management security review.

## Review

{{security_officer}} reviews this policy and the response plan at least yearly, after each exercise and after every critical or high incident.
`,
};
