// The top-level policy: it sets up the security program and points to the topic policies.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { EXECUTIVE_SPONSOR, SECURITY_CONTACT, SECURITY_OFFICER } from "./variables.ts";

export const informationSecurityPolicy: PolicyTemplate = {
  id: "information-security",
  title: "Information Security Policy",
  summary:
    "Sets up the security program: who owns it, what every person must do, how the other " +
    "policies fit together, and how the program is reviewed and reported to leadership.",
  categories: [],
  criteria: [
    "CC1.1",
    "CC1.2",
    "CC1.3",
    "CC1.5",
    "CC2.1",
    "CC2.2",
    "CC2.3",
    "CC3.1",
    "CC4.1",
    "CC4.2",
    "CC5.1",
    "CC5.3",
  ],
  controls: POLICY_TEMPLATE_CONTROLS["information-security"],
  ownerRole: "security",
  reviewMonths: 12,
  variables: [
    SECURITY_OFFICER,
    EXECUTIVE_SPONSOR,
    SECURITY_CONTACT,
    {
      name: "management_review_frequency",
      label: "Management security review",
      default: "quarter",
      help: "How often leadership meets to review security metrics, risks and incidents.",
    },
    {
      name: "policy_review_frequency",
      label: "Policy review cycle",
      default: "12 months",
      help: "The longest time a security policy may go without a documented review.",
    },
  ],
  body: `## Purpose

This policy sets out how {{organization}} protects the information it holds, above all the data its customers trust it with, and the systems that store and process that information. It creates the security program, names who is accountable for it, and states the rules that apply to everyone. The topic policies listed below add detail; where a topic policy is more specific, it applies in addition to this one.

The program exists to meet three goals:

- keep customer and company information confidential, so only people and systems with a business need can read it;
- keep information and systems intact, so data is changed only through authorized, traceable means;
- keep the service available at the levels promised to customers.

## Scope

This policy applies to all employees, contractors, interns and temporary staff of {{organization}}, and to anyone else given access to its systems or data. It covers every system used to run the business or deliver the service: production infrastructure, source code, business applications, company devices and any personal device used for work, wherever the work is done.

## Roles and responsibilities

- **{{executive_sponsor}}** approves this policy, gives the program its resources and receives the security reports described below.
- **{{security_officer}}** owns the security program: keeps the policy set current, runs the risk assessment, tracks control owners and deficiencies, approves exceptions and reports to leadership.
- **Control owners** run the controls assigned to them, keep the evidence that they ran, and report when a control fails or cannot run.
- **Managers** make sure their teams have read the policies, finished training and hold only the access their work needs.
- **Everyone in scope** follows the policies, protects the information they handle and reports anything that looks wrong to {{security_contact}}.

## Policy statements

### Program and accountability

- {{organization}} keeps a named security lead, {{security_officer}}, with the authority to set security requirements across all teams.
- Every security control has a named owner in a current role, recorded in the control list.
- Security duties form part of job descriptions for roles with elevated access and are considered in performance reviews.

### Objectives and risk

- Leadership writes down the security, availability and confidentiality commitments made to customers and the legal and contractual obligations that apply, and reviews them before each yearly risk assessment.
- Risks to those objectives are assessed at least yearly under the Risk Management Policy, and each significant risk is linked to the controls that address it.

### The policy set

- The security policies of {{organization}} include at least: acceptable use, access control, change management, secure development, incident response, business continuity and disaster recovery, backup, vendor management, risk management, data classification, data retention and disposal, encryption, asset management, physical security, human resources security, vulnerability management, and logging and monitoring.
- Each policy has an owner, a version history and an approval by leadership, and is published where every person in scope can read it.
- Each policy is reviewed at least every {{policy_review_frequency}}, and sooner after a significant change to the business, the system or the law. The review is recorded even when nothing changes.
- Staff acknowledge the policies that apply to them when they join and again whenever a new version is published.

### Communication and training

- New staff complete security awareness training within the period set in the Human Resources Security Policy, and everyone repeats it yearly.
- Security expectations, changes to policies and lessons from incidents are communicated to staff through the channels leadership uses for company-wide news.
- Customers are told of the security commitments that apply to them through the customer agreement and a public security page, which also explains how to report a vulnerability or incident. These documents are reviewed yearly, and customers are told of material changes before they apply.

### Monitoring the program

- {{security_officer}} and leadership meet at least every {{management_review_frequency}} to review security metrics, the risk register, incidents, open vulnerabilities, control failures and audit status. Decisions and actions are minuted with an owner and a due date.
- At least once a year, the board, or an advisory board with at least one member independent of management, is briefed on the risk assessment, audit results, significant incidents and open deficiencies. Its questions and requested actions are minuted and given an owner.
- At least once a year, someone who does not run the controls tests a selection of them and records the method, sample and result.
- Every control failure, audit exception, assessment gap and penetration test finding is recorded as a deficiency with an owner, a severity and a due date, and tracked until closed. Overdue or significant deficiencies are escalated to leadership.

### Reporting concerns

- Anyone who suspects a security incident, a lost device, a phishing attempt or a breach of policy reports it without delay to {{security_contact}}. Reporting in good faith is never held against the person who reports.

## Exceptions

An exception to this policy or any security policy is requested in writing from {{security_officer}}. The request names the rule, the business reason, the risk, any compensating measure and an end date. {{security_officer}} approves or refuses it and records the decision; exceptions that leave a high risk open are decided by {{executive_sponsor}}. No exception lasts longer than 12 months without being approved again, and all open exceptions are reviewed at the management security review.

## Enforcement

Breaking this policy may lead to removal of access and to disciplinary action under the Human Resources Security Policy, up to and including termination of employment or contract. Where a breach is also unlawful, {{organization}} may refer it to the authorities. Control owners who find a breach report it to {{security_officer}}, who records it and decides the response with the person's manager and the people team.

## Review

{{security_officer}} reviews this policy at least every {{policy_review_frequency}} and after any significant change to the business or the system, and {{executive_sponsor}} approves each new version. The version history records who approved each version and when.
`,
};
