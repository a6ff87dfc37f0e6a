// Change management control templates (CM): review, testing, deployment, infrastructure (CC8.1).
import type { ControlTemplate } from "../types.ts";

export const changeControls: readonly ControlTemplate[] = [
  {
    id: "CM-01",
    title: "Changes linked to a ticket",
    description:
      "Every change to production code, infrastructure or configuration traces to a ticket " +
      "or pull request that states its purpose, scope and how it was tested. Changes that " +
      "touch authentication, authorization, encryption or logging are flagged for security.",
    kind: "preventive",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "engineering",
    criteria: ["CC8.1"],
    suggestedEvidence: [
      "Change management policy",
      "List of production deployments in the period from the pipeline",
      "Tickets or pull requests for the sampled changes",
    ],
    testProcedure:
      "Obtain the population of production deployments from the pipeline and select a " +
      "sample. For each, trace the deployed commit to a pull request and ticket that describe " +
      "purpose and testing. For changes to security features, confirm the security flag.",
  },
  {
    id: "CM-02",
    title: "Peer review before merge",
    description:
      "A qualified engineer other than the author reviews every pull request for correctness, " +
      "security and test coverage before it merges. Review comments are resolved and the " +
      "approval is recorded on the pull request.",
    kind: "preventive",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "engineering",
    criteria: ["CC8.1", "CC5.2"],
    suggestedEvidence: [
      "Merged pull requests for the sampled changes showing reviewer and approval time",
      "Code review guidelines",
    ],
    testProcedure:
      "Inspect the code review guidelines and confirm they require a reviewer other than the " +
      "author. For the sample selected in CM-01, inspect each pull request and confirm " +
      "someone other than the author approved it before merge, and that the approval came " +
      "after the last code change.",
  },
  {
    id: "CM-03",
    title: "Branch protection and author-approver separation",
    description:
      "The code host blocks direct pushes to the default branch, requires an approval from " +
      "someone other than the author plus passing checks, and discards approvals when new " +
      "commits arrive. The rules apply to administrators, and the few people who can change " +
      "them are listed and alerted on.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["CC8.1", "CC6.3", "CC5.2"],
    suggestedEvidence: [
      "Branch protection or ruleset settings for each production repository",
      "List of users able to change or bypass the rules",
      "Code host audit log of rule changes in the period",
    ],
    testProcedure:
      "Inspect the protection settings for each production repository and confirm they " +
      "require a non-author approval and passing checks and cannot be bypassed by admins. " +
      "Compare the bypass list with the approved list. Inspect the audit log for changes to " +
      "the rules in the period and confirm each was approved.",
  },
  {
    id: "CM-04",
    title: "Automated tests and security checks in CI",
    description:
      "Unit and integration tests, static analysis, dependency scanning and secret scanning " +
      "run on every pull request. Failing required checks block the merge and therefore " +
      "the deploy.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["CC8.1", "CC7.1"],
    suggestedEvidence: [
      "CI pipeline definition listing the required checks",
      "Repository settings marking those checks as required",
      "CI run history for the sampled pull requests",
    ],
    testProcedure:
      "Inspect the pipeline definition and repository settings and confirm tests and " +
      "security checks are required. For the sample selected in CM-01, confirm all required " +
      "checks passed before merge. Observe a pull request with a failing check being blocked.",
  },
  {
    id: "CM-05",
    title: "Separate development, staging and production",
    description:
      "Development, staging and production run in separate cloud accounts or projects with " +
      "their own credentials. Customer data from production is not copied to other " +
      "environments, and changes are validated in staging before release.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["CC8.1", "CC6.1"],
    suggestedEvidence: [
      "Cloud organization structure showing separate accounts per environment",
      "Access groups per environment",
      "Release records showing staging validation",
    ],
    testProcedure:
      "Inspect the cloud organization and confirm each environment is a separate account or " +
      "project. Compare access groups and confirm production access is narrower. Inquire how " +
      "test data is produced and inspect a non-production data store for customer data.",
  },
  {
    id: "CM-06",
    title: "Deploys only through the approved pipeline",
    description:
      "Production deploys run only through the delivery pipeline from the protected branch, " +
      "and engineers have no standing permission to deploy by hand. The pipeline logs who " +
      "triggered each deploy and which commit went out.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["CC8.1", "CC5.2"],
    suggestedEvidence: [
      "Pipeline configuration showing the deploy source branch",
      "Cloud permissions showing who can deploy outside the pipeline",
      "Deploy log for the period",
    ],
    testProcedure:
      "Inspect the pipeline and cloud permissions and confirm only the pipeline identity can " +
      "deploy to production. Compare the deploy log with merged pull requests and investigate " +
      "any deploy of a commit that did not come from the protected branch.",
  },
  {
    id: "CM-07",
    title: "Emergency change procedure",
    description:
      "On-call engineers may ship an urgent fix with shortened review when an incident " +
      "requires it. Each emergency change is labelled, linked to the incident, and given a " +
      "full review within two business days.",
    kind: "corrective",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "engineering",
    criteria: ["CC8.1", "CC7.5"],
    suggestedEvidence: [
      "Emergency change procedure",
      "List of emergency changes in the period",
      "Retrospective reviews for the sampled emergency changes",
    ],
    testProcedure:
      "Obtain the list of emergency changes and confirm it agrees with the deploy log. For " +
      "each, or a sample if there are many, confirm it was linked to an incident and fully " +
      "reviewed within two business days.",
  },
  {
    id: "CM-08",
    title: "Infrastructure as code with reviewed plans",
    description:
      "Cloud infrastructure is defined in code, and planned changes are shown in the pull " +
      "request, reviewed and applied only by the pipeline. Policy checks stop insecure " +
      "settings such as public storage or open admin ports before they apply.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["CC8.1", "CC7.1"],
    suggestedEvidence: [
      "Infrastructure repository with branch protection settings",
      "Pull requests with plan output for the sampled changes",
      "Policy check rules and their results",
    ],
    testProcedure:
      "Inspect the infrastructure repository protection settings. For a sample of " +
      "infrastructure changes, confirm the plan was shown, reviewed and applied by the " +
      "pipeline. Inspect the policy rules and observe a blocked insecure change.",
  },
  {
    id: "CM-09",
    title: "Configuration changes outside code controlled",
    description:
      "Changes to settings not held in code, such as identity provider policies, SaaS admin " +
      "consoles, DNS and security feature flags, need an approved ticket. Audit logs and the " +
      "posture tool detect manual cloud changes that bypass code, and security reviews them.",
    kind: "detective",
    automation: "it-dependent-manual",
    frequency: "event-driven",
    ownerRole: "security",
    criteria: ["CC8.1", "CC7.1"],
    suggestedEvidence: [
      "Audit log entries for configuration changes in the sampled systems",
      "Tickets with approvals for the sampled changes",
      "Drift detection alerts and their resolution",
    ],
    testProcedure:
      "From the audit logs of the identity provider and a sample of SaaS systems, select a " +
      "sample of configuration changes and trace each to an approved ticket. For a sample of " +
      "drift alerts, confirm the change was reviewed and either approved or reverted.",
  },
];
