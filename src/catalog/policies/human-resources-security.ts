// Security before, during and after employment: screening, agreements, training, reviews and leaving.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { LEAVER_REMOVAL_SLA, PEOPLE_LEAD, SECURITY_OFFICER } from "./variables.ts";

export const humanResourcesSecurityPolicy: PolicyTemplate = {
  id: "human-resources-security",
  title: "Human Resources Security Policy",
  summary:
    "Sets the security steps for hiring, working at and leaving the company: background " +
    "checks, agreements, training, performance reviews, discipline and offboarding.",
  categories: [],
  criteria: ["CC1.1", "CC1.3", "CC1.4", "CC1.5", "CC2.2", "CC5.3", "CC6.2", "CC6.4", "CC6.5"],
  controls: POLICY_TEMPLATE_CONTROLS["human-resources-security"],
  ownerRole: "people",
  reviewMonths: 12,
  variables: [
    PEOPLE_LEAD,
    SECURITY_OFFICER,
    LEAVER_REMOVAL_SLA,
    {
      name: "training_due_days",
      label: "Days for new hires to complete training",
      default: "30",
      help: "How many days after their start date a new hire has to complete security awareness training.",
    },
    {
      name: "acknowledgement_due_days",
      label: "Days for new hires to acknowledge policies",
      default: "7",
      help: "How many days after their start date a new hire has to acknowledge the policies that apply to them.",
    },
    {
      name: "performance_review_frequency",
      label: "Performance review",
      default: "year",
      help: "How often each employee has a formal performance review.",
    },
  ],
  body: `## Purpose

People are both the strongest and the most exposed part of any security program. This policy makes sure that the people {{organization}} trusts with its systems and customer data are suitable for that trust, know what is expected of them, keep their knowledge current, and lose their access promptly when they leave.

## Scope

This policy applies to all employees, and to contractors, interns and temporary staff who receive access to company systems or information. It covers the whole working life: recruitment, onboarding, employment, role changes and departure.

## Roles and responsibilities

- **{{people_lead}}** owns this policy and runs the hiring, onboarding, offboarding and disciplinary processes in the HR system.
- **{{security_officer}}** sets the security content of onboarding and training, and tracks completion.
- **Hiring managers** keep job descriptions current, confirm checks are complete before the start date and request the access the role needs.
- **IT** carries out access and device steps of onboarding and offboarding.
- **Every person** completes their onboarding steps, training and acknowledgements on time.

## Policy statements

### Roles and job descriptions

- Every role has a written job description listing its responsibilities, required skills and, for roles with elevated access, its security duties. It is updated when the role changes.
- The organization chart is kept in the HR system and shows reporting lines up to the chief executive, including where security reports.

### Before the start date

- Employees and contractors who will reach production systems or customer data are screened through a background check provider before their start date, to the extent local law allows. Checks may cover identity, right to work, employment history and criminal records.
- {{people_lead}} and the hiring manager review any adverse result before the hire goes ahead, and the decision is recorded.
- Every person signs a confidentiality agreement, as part of their contract or separately, before receiving access to company or customer information. Its duties continue after the engagement ends.

### Onboarding

- Each new hire has an onboarding checklist created from the HR system covering: agreements signed, background check cleared, policies acknowledged, training assigned, device issued and enrolled, and access granted according to the approved role.
- New hires acknowledge the policies that apply to them within {{acknowledgement_due_days}} days of their start date.
- New hires complete security awareness training within {{training_due_days}} days of their start date. Engineers also complete secure development training.

### During employment

- All staff complete refreshed security awareness training every year and acknowledge new versions of policies when they are published.
- Managers hold a formal performance review with each employee at least every {{performance_review_frequency}}, including how the employee met policy and security duties.
- When a person changes role, their access is adjusted under the Access Control Policy.

### Discipline

- A documented disciplinary process sets out graduated consequences, from a warning to termination, for breaking the Code of Conduct or security policies. The response depends on the seriousness, intent and any history.
- {{people_lead}} records each case with the facts, the decision and the action taken.

### Leaving

- When a departure is recorded, an offboarding checklist opens for IT and system owners.
- The person's identity provider account is suspended within {{leaver_removal_sla}} of their last day, and immediately for an involuntary departure. Accounts outside single sign-on are removed in the same time.
- Devices, badges and keys are recovered, files and shared credentials are handed over, and shared credentials the person knew are rotated.
- Leavers are reminded of their continuing confidentiality duties.

## Exceptions

A start before a background check completes needs written approval from {{people_lead}} and {{security_officer}}, and the person gets no access to production or customer data until the check clears. Other exceptions are approved by {{people_lead}} and recorded.

## Enforcement

Completion of onboarding, training and acknowledgement is tracked and overdue items are raised with the person's manager. Persistent failure to complete required steps is handled through the disciplinary process, and access may be suspended until they are done.

## Review

{{people_lead}} and {{security_officer}} review this policy at least yearly and when employment law or the hiring process changes.
`,
};
