// Protecting offices, home workspaces and the data centers the service runs in.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { SECURITY_OFFICER } from "./variables.ts";

export const physicalSecurityPolicy: PolicyTemplate = {
  id: "physical-security",
  title: "Physical Security Policy",
  summary:
    "Sets how offices are secured, how staff protect their home workspaces, and how the " +
    "physical security of the cloud provider's data centers is relied on and checked.",
  categories: [],
  criteria: ["A1.2", "CC5.3", "CC6.4", "CC6.5", "CC9.2"],
  controls: POLICY_TEMPLATE_CONTROLS["physical-security"],
  ownerRole: "operations",
  reviewMonths: 12,
  variables: [
    SECURITY_OFFICER,
    {
      name: "facilities_lead",
      label: "Facilities lead's title",
      default: "Office Manager",
      help: "The role that runs office access, badges and visitor arrangements.",
    },
    {
      name: "badge_review_frequency",
      label: "Badge access review",
      default: "quarter",
      help: "How often the list of people holding office badges is checked against current staff.",
    },
    {
      name: "visitor_log_retention",
      label: "Visitor log retention",
      default: "12 months",
      help: "How long the record of office visitors is kept.",
    },
  ],
  body: `## Purpose

Physical access can defeat many technical controls: a stolen laptop, a visitor at an unlocked desk or a disposed drive that was never wiped. This policy sets how {{organization}} protects the places where its information is handled, from offices and home workspaces to the data centers that run the service.

## Scope

This policy covers any office or co-working space used by {{organization}}, the places staff work remotely, and the data centers of the cloud provider that hosts the production service. It applies to all staff, contractors and visitors. A company with no office of its own applies the office section only to any shared space it rents, and records that the office controls do not apply if it has none.

## Roles and responsibilities

- **{{facilities_lead}}** manages office access, issues and revokes badges and keys, and keeps the visitor log.
- **{{security_officer}}** owns this policy, reviews the cloud provider's assurance reports and decides exceptions.
- **Staff** follow these rules wherever they work and report lost badges or suspicious activity.

## Policy statements

### Offices

- Office entrances are locked outside staffed hours and entered with personal badges or keys. Badges are issued on request approved by the person's manager and are never shared or lent.
- Badges and keys are revoked or recovered on the person's last day as part of the offboarding checklist. A lost badge is reported at once and deactivated.
- Every {{badge_review_frequency}}, {{facilities_lead}} compares the badge access list with current staff and removes any badge that is no longer needed.
- Visitors sign in, wear a visitor badge and are escorted by a member of staff while in areas where company information is handled. The visitor log is kept for {{visitor_log_retention}}.
- Network equipment in the office is kept in a locked cabinet or room. The office network does not give access to production systems.
- Confidential paper is kept in locked storage when unattended and destroyed by shredding when no longer needed.

### Clear desk and screen

- Screens are locked whenever a person leaves their device, and devices lock automatically after a short idle period.
- Confidential and restricted information is not left on desks, whiteboards or printers.

### Working remotely

- Staff working outside the office choose a place where their screen and calls cannot easily be overheard or overlooked, and use a privacy screen in public places when handling confidential information.
- Company devices are not left unattended in public places or visible in vehicles, and are stored securely at home.
- Restricted information is never printed at home.

### Data centers

- Production runs on a cloud provider, which is responsible for the physical security, environmental protections and media disposal of its data centers. {{organization}} does not operate its own data center.
- Each year, {{security_officer}} reads the provider's SOC 2 report for its physical and environmental controls and any exceptions, and checks that the complementary controls the provider expects of its customers are in place.
- The system description names the provider as a subservice organization and lists the controls expected of it.

### Equipment disposal

- Devices and media leaving the company's control are wiped or destroyed under the Data Retention and Disposal Policy, with a record kept.

## Exceptions

Departures from these rules, for example a temporary office without badge access, are approved by {{security_officer}} with any compensating measures, such as keeping restricted information off-site, and an end date.

## Enforcement

Lending badges, letting unknown people in or leaving restricted information unattended may lead to disciplinary action. Incidents such as theft or break-ins are reported and handled under the Incident Response Policy.

## Review

{{security_officer}} and {{facilities_lead}} review this policy at least yearly and when offices open, move or close.
`,
};
