// How changes reach production: tickets, review, testing, pipeline deploys and emergencies.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { ENGINEERING_LEAD, SECURITY_OFFICER } from "./variables.ts";

export const changeManagementPolicy: PolicyTemplate = {
  id: "change-management",
  title: "Change Management Policy",
  summary:
    "Sets how changes to production code, infrastructure and configuration are proposed, " +
    "reviewed, tested, approved and deployed, including emergency changes.",
  categories: [],
  criteria: ["CC5.2", "CC5.3", "CC6.3", "CC7.1", "CC7.5", "CC8.1"],
  controls: POLICY_TEMPLATE_CONTROLS["change-management"],
  ownerRole: "engineering",
  reviewMonths: 12,
  variables: [
    ENGINEERING_LEAD,
    SECURITY_OFFICER,
    {
      name: "required_approvals",
      label: "Approvals needed to merge",
      default: "1",
      help: "How many reviewers other than the author must approve a pull request before it merges.",
    },
    {
      name: "emergency_review_days",
      label: "Days to review an emergency change",
      default: "2 business days",
      help: "How long after an emergency change its full after-the-fact review may take.",
    },
    {
      name: "branch_rule_admins",
      label: "Who may change branch protection",
      default: "two named engineering administrators",
      help: "The small group allowed to change the code host's branch protection rules.",
    },
  ],
  body: `## Purpose

Most outages and many security weaknesses arrive with a change. This policy makes every change to the production system of {{organization}} deliberate, reviewed, tested and traceable, so that mistakes are caught before release and every change in production can be explained afterwards.

## Scope

This policy covers changes to application code, infrastructure, database schemas, production configuration and the settings of the services that run or secure the product, such as the identity provider, DNS and security features of SaaS consoles. It applies to everyone who can propose, approve or deploy such changes, including contractors.

## Roles and responsibilities

- **{{engineering_lead}}** owns this policy and the delivery pipeline, and makes sure the code host and pipeline enforce it.
- **{{security_officer}}** reviews changes flagged as security-relevant and investigates changes made outside the process.
- **Authors** describe, test and document their changes and never approve their own work.
- **Reviewers** check changes for correctness, security and test coverage before approving.
- **On-call engineers** may use the emergency procedure below and are responsible for completing its follow-up.

## Policy statements

### Recording the change

- Every change to production traces to a ticket or pull request that states its purpose, its scope and how it was tested.
- Changes touching authentication, authorization, encryption, logging or the handling of customer data are flagged for review by {{security_officer}} or a delegate.

### Review and approval

- Every pull request is approved before it merges by qualified reviewers other than the author. The number of approvals required is at least {{required_approvals}}. Review comments are resolved before merge, and each approval is recorded on the pull request.
- The code host blocks direct pushes to the default branch, requires the approvals and passing checks above, and discards approvals when new commits are pushed. These rules apply to administrators too.
- Only {{branch_rule_admins}} may change the branch protection rules, and every change to them raises an alert to {{security_officer}}.

### Testing

- Unit and integration tests, static analysis, dependency scanning and secret scanning run on every pull request. A failing required check blocks the merge.
- Changes are validated in a staging environment before release when they affect behaviour that automated tests cannot cover.

### Environments

- Development, staging and production run in separate cloud accounts or projects with separate credentials.
- Production customer data is not copied into development or staging. Test data is synthetic or properly anonymized.

### Deployment

- Production deploys run only through the approved delivery pipeline, from the protected default branch. Engineers hold no standing permission to deploy by hand.
- The pipeline records who triggered each deploy, when, and which commit was released.
- Every deploy can be rolled back, or the change is released behind a switch that can turn it off.

### Infrastructure and configuration

- Cloud infrastructure is defined as code. The planned effect of each change is shown in the pull request, reviewed like application code and applied only by the pipeline.
- Automated policy checks stop insecure settings, such as publicly readable storage or open administrative ports, before they are applied.
- Changes to settings that are not held in code, such as identity provider policies, SaaS admin consoles and DNS, need an approved ticket. Manual changes to cloud resources are detected from audit logs and reviewed by {{security_officer}}.

### Emergency changes

- During an incident, the on-call engineer may ship an urgent fix with a shortened review when waiting would prolong customer harm.
- Each emergency change is labelled as such, linked to the incident and given a full review within {{emergency_review_days}}. Problems found in that review are fixed through the normal process.

## Exceptions

Exceptions to this policy, for example a system that cannot yet be deployed through the pipeline, are approved in writing by {{engineering_lead}} and {{security_officer}}, with a compensating measure and a date by which the system will comply. The emergency procedure above is not an exception and needs no separate approval.

## Enforcement

Changes that bypass review or the pipeline are investigated by {{security_officer}} and reverted if they cannot be justified. Deliberately bypassing the process may lead to removal of deploy rights and to disciplinary action.

## Review

{{engineering_lead}} reviews this policy at least yearly and after any significant change to the delivery pipeline or hosting platform, with {{security_officer}} approving the security-relevant parts.
`,
};
