// How risks to the company's objectives are found, rated, treated and revisited.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { EXECUTIVE_SPONSOR, SECURITY_OFFICER } from "./variables.ts";

export const riskManagementPolicy: PolicyTemplate = {
  id: "risk-management",
  title: "Risk Management Policy",
  summary:
    "Sets how risks to security, availability and the company's commitments are identified, " +
    "rated and treated, and who may accept them.",
  categories: [],
  criteria: ["CC3.1", "CC3.2", "CC3.3", "CC3.4", "CC5.1", "CC5.2", "CC5.3", "CC9.1"],
  controls: POLICY_TEMPLATE_CONTROLS["risk-management"],
  ownerRole: "security",
  reviewMonths: 12,
  variables: [
    SECURITY_OFFICER,
    EXECUTIVE_SPONSOR,
    {
      name: "assessment_frequency",
      label: "Full risk assessment",
      default: "year",
      help: "How often the complete risk assessment is carried out and approved.",
    },
    {
      name: "register_review_frequency",
      label: "Risk register review",
      default: "quarter",
      help: "How often the risk register is reviewed for changes in scores, owners and treatment progress.",
    },
    {
      name: "risk_appetite_score",
      label: "Risk appetite (score out of 25)",
      default: "9",
      help: "The highest residual score the security lead may accept alone; anything above needs executive sign-off.",
    },
  ],
  body: `## Purpose

This policy sets how {{organization}} finds and manages the risks that could stop it from meeting its commitments to customers, its legal duties and its own objectives. The aim is to spend effort where it matters most, to decide knowingly which risks to accept, and to be able to show those decisions.

## Scope

This policy covers risks to the confidentiality, integrity and availability of the service and of customer data, including risks arising from technology, people, vendors, fraud, legal and regulatory change, and changes to the business itself. It applies to all teams, who contribute to the assessment and own the risks assigned to them.

## Roles and responsibilities

- **{{executive_sponsor}}** approves the risk assessment, sets the risk appetite and signs off on any risk accepted above it.
- **{{security_officer}}** owns this policy, runs the risk assessment, keeps the risk register and links risks to controls.
- **Risk owners** manage the risks assigned to them, carry out agreed treatments and report changes.
- **Team leads** from engineering, operations, people, legal and finance take part in the assessment and raise new risks as they see them.

## Policy statements

### Objectives first

- Before each assessment, leadership confirms the objectives the system must meet: the commitments made to customers on security, availability and confidentiality, and the laws and contracts that apply. Risks are assessed against these objectives.

### The assessment

- A full risk assessment is carried out at least every {{assessment_frequency}}, with input from engineering, operations and leadership.
- It considers threats and weaknesses across the system and the business, including vendors and subservice organizations, business disruption, changes in technology and the market, and the regulatory environment.
- Each risk is rated for likelihood and impact on a scale of 1 to 5, giving a score out of 25, first before controls (inherent) and then after existing controls (residual).
- The assessment considers fraud: how privileged access, billing or usage data, vendor payments or management override could be misused, the incentives and opportunities involved, and the controls that deter or detect each scenario.
- {{executive_sponsor}} approves the completed assessment.

### Treatment

- Every risk in the register has an owner, a score and a treatment decision: mitigate, transfer, avoid or accept.
- Mitigations are linked to the controls or actions that carry them out, with owners and due dates.
- {{security_officer}} may accept a residual risk scored at or below {{risk_appetite_score}}. A higher residual risk is accepted only by {{executive_sponsor}}, in writing, with a date for reconsideration.
- After each assessment, the control matrix is updated so every significant risk and applicable criterion is covered by at least one control.

### Keeping it current

- The risk register is reviewed every {{register_review_frequency}} for changes in scores, new risks, overdue treatments and expired acceptances.
- Significant changes, such as a new product line, an acquisition, a major change to architecture or hosting, a new critical vendor, the loss of key people or a new regulation, trigger a documented review of their effect on risks and controls, without waiting for the next full assessment.
- Incidents, audit findings and penetration test results are checked for risks the register missed.

### Reporting

- The state of the register, significant risks and overdue treatments are reported to leadership at the management security review, and the yearly assessment is shared with the board.

## Exceptions

This policy has no exceptions for individual risks: a risk that will not be treated is recorded and accepted under the rules above. A change to the method, such as the scoring scale, is approved by {{executive_sponsor}}.

## Enforcement

Risk owners who let treatments lapse are followed up at the register review and, if needed, by leadership. Overdue treatments on high risks are reported as deficiencies.

## Review

{{security_officer}} reviews this policy at least yearly, before the risk assessment begins, and {{executive_sponsor}} approves each new version.
`,
};
