// Who may reach which systems and data, and how access is granted, reviewed and removed.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { IT_LEAD, LEAVER_REMOVAL_SLA, PASSWORD_MIN_LENGTH, SECURITY_OFFICER } from "./variables.ts";

export const accessControlPolicy: PolicyTemplate = {
  id: "access-control",
  title: "Access Control Policy",
  summary:
    "Sets how accounts are created, approved, reviewed and removed, how people sign in, and " +
    "how privileged and production access is limited.",
  categories: [],
  criteria: ["CC5.3", "CC6.1", "CC6.2", "CC6.3", "CC6.6", "CC3.3"],
  controls: POLICY_TEMPLATE_CONTROLS["access-control"],
  ownerRole: "security",
  reviewMonths: 12,
  variables: [
    SECURITY_OFFICER,
    IT_LEAD,
    {
      name: "access_review_frequency",
      label: "User access review",
      default: "quarter",
      help: "How often system owners review every account and permission in the in-scope systems.",
    },
    LEAVER_REMOVAL_SLA,
    {
      name: "review_fix_days",
      label: "Days to act on review findings",
      default: "5 business days",
      help: "How long owners have to remove or change access that a review marked as wrong.",
    },
    {
      name: "elevation_hours",
      label: "Production elevation length (hours)",
      default: "4",
      help: "How many hours a just-in-time grant to production data lasts before it expires.",
    },
    PASSWORD_MIN_LENGTH,
  ],
  body: `## Purpose

This policy makes sure that only the right people and services can reach the systems and data of {{organization}}, with no more access than their work needs, and that access ends when the need ends. It sets the rules for identities, sign-in, granting access, privileged access, reviews and removal.

## Scope

This policy covers every system in scope for security: the cloud console and production infrastructure, production databases and data stores, the code host and delivery pipeline, the identity provider, and the business applications that hold customer or confidential data. It applies to employees, contractors and service accounts, and to vendors given access to these systems.

## Roles and responsibilities

- **{{security_officer}}** owns this policy, approves membership of administrator roles, keeps the role matrix and checks that access reviews happen.
- **{{it_lead}}** runs the identity provider, creates and suspends accounts, and carries out approved changes.
- **System owners** approve access to their systems, review their user lists every {{access_review_frequency}} and remove access that is no longer needed.
- **Managers** request access for their team members that fits their role, and tell the people team promptly when someone moves or leaves.
- **Users** keep their credentials to themselves and use only the access they have been given.

## Policy statements

### Identities and sign-in

- Every person has one named account in the company identity provider. Shared or generic user accounts are not allowed.
- Staff sign in to in-scope systems through single sign-on wherever the system supports it, and local password logins are turned off in those systems.
- Multi-factor authentication is required for every user of the identity provider, the cloud console and the code host. Administrators use a phishing-resistant factor such as a hardware security key.
- Passwords are at least {{password_min_length}} characters, are screened against known breached passwords, and are changed whenever compromise is suspected. Repeated failed sign-ins lock the account, and idle sessions time out.

### Least privilege and roles

- Access is granted through identity provider groups mapped to job functions in a role matrix. Each role gets the least access its work needs.
- Duties that conflict, such as approving one's own access or one's own code, are split between different people. Where the team is too small to split a duty, {{security_officer}} records a monitoring control that covers it.
- The role matrix is reviewed at least yearly.

### Granting access

- Access beyond the default for a role is requested through a ticket naming the system and the level needed.
- The person's manager and the system owner approve the request before {{it_lead}} grants it, and the access granted matches what was approved.
- Vendors and contractors receive access only for the term of their engagement, with an end date recorded on the account where the system allows it.

### Privileged and production access

- Administrator roles in the cloud, identity provider and code host are held by a small group approved by {{security_officer}}, and the list is kept current.
- Engineers have no standing access to production customer data. They reach it through a just-in-time grant tied to a ticket, which expires after {{elevation_hours}} hours and is logged.
- Administrative sessions reach production only through a bastion or identity-aware proxy that requires single sign-on and multi-factor authentication; direct administrative connections from the internet are not allowed.
- Break-glass credentials are kept in a vault, every use raises an alert, and the credentials are rotated after use.

### Service accounts and secrets

- Every service account has an owner and only the permissions its service needs.
- API keys, database passwords and deploy tokens are kept in the secrets manager and injected at runtime, never committed to source code. Secret scanning blocks commits that contain credentials.
- Secrets are rotated on a schedule and whenever a person who could read them leaves.

### Reviews

- Every {{access_review_frequency}}, system owners review the complete user and permission lists of every in-scope system, including the identity provider, cloud console, code host and production databases, and mark each account to keep, change or remove.
- Changes marked in a review are made within {{review_fix_days}}, and the signed-off review is kept as a record.

### Movers and leavers

- When a person leaves, their identity provider account is suspended within {{leaver_removal_sla}} of their last day, and immediately for an involuntary departure. Accounts not behind single sign-on are removed through the offboarding checklist in the same time.
- When a person changes role, access the new role does not need is removed within {{leaver_removal_sla}} of the change.

## Exceptions

Requests to depart from this policy, such as a shared account for a system that cannot support named users, go to {{security_officer}} in writing with the reason, the compensating measure and an end date. Approved exceptions are recorded and revisited at each access review.

## Enforcement

Access granted outside this policy is removed when found. Misuse of access, sharing credentials or bypassing sign-in controls may lead to disciplinary action up to and including termination. Unexplained privileged activity is handled under the Incident Response Policy.

## Review

{{security_officer}} reviews this policy at least yearly and after significant changes to the identity provider, the production environment or the organization's structure.
`,
};
