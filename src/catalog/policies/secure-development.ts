// How software is designed, written and tested so that security is built in, not added later.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { ENGINEERING_LEAD, SECURITY_OFFICER } from "./variables.ts";

export const secureDevelopmentPolicy: PolicyTemplate = {
  id: "secure-development",
  title: "Secure Development Policy",
  summary:
    "Sets the security practices engineers follow when designing, writing, reviewing and " +
    "testing software, including dependencies, secrets and training.",
  categories: [],
  criteria: ["CC1.4", "CC2.2", "CC4.1", "CC5.3", "CC6.1", "CC7.1", "CC8.1"],
  controls: POLICY_TEMPLATE_CONTROLS["secure-development"],
  ownerRole: "engineering",
  reviewMonths: 12,
  variables: [
    ENGINEERING_LEAD,
    SECURITY_OFFICER,
    {
      name: "secure_training_frequency",
      label: "Secure development training",
      default: "year",
      help: "How often engineers repeat secure development training after their first course.",
    },
    {
      name: "pentest_frequency",
      label: "Penetration test",
      default: "year",
      help: "How often an independent firm tests the application and its external infrastructure.",
    },
    {
      name: "secret_rotation_period",
      label: "Secret rotation period",
      default: "12 months",
      help: "The longest a long-lived credential may be used before it is replaced.",
    },
  ],
  body: `## Purpose

This policy makes security part of how {{organization}} builds software, from the first design note to the release. Defects are cheapest to fix when found early, and many serious breaches come from a small set of well-known mistakes. The practices below are meant to prevent those mistakes and to catch the ones that slip through.

## Scope

This policy applies to all software that {{organization}} writes or configures for its product and internal tools: application code, infrastructure code, scripts, and the build and delivery pipeline. It applies to employees and contractors who write, review or release that software.

## Roles and responsibilities

- **{{engineering_lead}}** owns this policy, sets coding standards and makes sure the required checks run in the pipeline.
- **{{security_officer}}** advises on design reviews, triages findings from security tooling and testing, and runs the penetration test programme.
- **Engineers** apply these practices, review each other's work for security as well as correctness, and raise design questions early.

## Policy statements

### Design

- New features that handle authentication, authorization, payments, customer data exports or new external integrations receive a short written threat review before build starts, recording the risks found and how the design addresses them.
- Designs follow least privilege, deny by default, and validate data at every trust boundary.
- Changes that add new personal or confidential data fields are flagged so the data owner can confirm the data is needed.

### Coding

- Code treats all external input as untrusted: inputs are validated against an explicit schema, database queries are parameterized, and output is encoded for the context it is shown in.
- Authorization is checked on the server for every request, never only in the user interface.
- Sensitive values such as passwords, tokens and customer data are not written to logs.
- Cryptography uses well-maintained libraries and the algorithms approved in the Encryption Policy; engineers do not write their own cryptographic primitives.

### Secrets

- Credentials are stored in the secrets manager and injected at runtime. They are never committed to source code, configuration files or tickets.
- Secret scanning runs on every commit and blocks pushes that contain credentials. A secret that reaches the repository is treated as exposed and rotated at once.
- Long-lived credentials are replaced at least every {{secret_rotation_period}}.

### Dependencies

- Third-party libraries come from the official package registries, are pinned by a lock file and are scanned for known vulnerabilities on every pull request.
- Vulnerable dependencies are fixed within the deadlines of the Vulnerability Management Policy.
- New dependencies are chosen with their maintenance and security history in mind.

### Review and testing

- Every change is reviewed by an engineer other than the author, who checks security as well as correctness and test coverage.
- Automated tests, static analysis, dependency scanning and secret scanning run on every pull request, and failing required checks block the merge.
- Tests for security-relevant behaviour, such as permission checks and input validation, are written with the code and kept passing.
- Development and staging environments use synthetic or anonymized data, not production customer data.

### Independent testing

- An independent, qualified firm tests the application and external infrastructure at least every {{pentest_frequency}} and after major architecture changes. Findings are tracked under the Vulnerability Management Policy, and high-severity fixes are retested.

### Training

- Engineers complete secure development training when they join and again every {{secure_training_frequency}}, covering the common classes of web application weaknesses and how this codebase prevents them. Completion is recorded.

## Exceptions

Where a practice cannot be followed, for example a legacy component that cannot yet run a required scanner, the responsible engineer asks {{security_officer}} for an exception, stating the risk, the compensating measure and the date by which it will comply. Exceptions are recorded and reviewed at least yearly.

## Enforcement

Required checks are enforced by the pipeline. Repeated or deliberate disregard of this policy, such as committing secrets knowingly or bypassing review, may lead to loss of access and disciplinary action.

## Review

{{engineering_lead}} and {{security_officer}} review this policy at least yearly, and after a penetration test or incident that shows a gap in these practices.
`,
};
