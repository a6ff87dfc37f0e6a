// Keeping the service and the company running through a major disruption, and recovering after.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { ENGINEERING_LEAD, EXECUTIVE_SPONSOR } from "./variables.ts";

export const businessContinuityPolicy: PolicyTemplate = {
  id: "business-continuity",
  title: "Business Continuity and Disaster Recovery Policy",
  summary:
    "Sets recovery objectives for the service, requires a tested continuity and recovery " +
    "plan, and assigns who leads the company through a major disruption.",
  categories: [],
  criteria: ["A1.1", "A1.2", "A1.3", "CC5.3", "CC7.5", "CC9.1"],
  controls: POLICY_TEMPLATE_CONTROLS["business-continuity"],
  ownerRole: "operations",
  reviewMonths: 12,
  variables: [
    EXECUTIVE_SPONSOR,
    ENGINEERING_LEAD,
    {
      name: "continuity_lead",
      label: "Continuity lead's title",
      default: "Head of Operations",
      help: "The role that keeps the continuity plan current and coordinates the business during a disruption.",
    },
    {
      name: "recovery_time_objective",
      label: "Recovery time objective",
      default: "8 hours",
      help: "The longest the production service may be down after a disaster before it is restored.",
    },
    {
      name: "recovery_point_objective",
      label: "Recovery point objective",
      default: "1 hour",
      help: "The most recent stretch of customer data the company accepts it could lose in a disaster.",
    },
    {
      name: "dr_test_frequency",
      label: "Disaster recovery exercise",
      default: "year",
      help: "How often the recovery plan is exercised by a tabletop or a real failover.",
    },
  ],
  body: `## Purpose

This policy makes sure {{organization}} can keep serving its customers, or restore service within an agreed time, when something serious goes wrong: the loss of a cloud region, a critical vendor failing, a ransomware attack, or key people becoming unavailable. It sets recovery objectives, requires a written and tested plan, and names who decides during a disruption.

## Scope

This policy covers the production service and the business functions needed to run it: engineering on-call, customer support, customer communication, payroll and the tools these depend on. It applies to the people named in the continuity plan and to the teams that build and operate the production environment.

## Roles and responsibilities

- **{{executive_sponsor}}** approves this policy and the plan, declares a disaster when the plan's criteria are met, and leads decisions that affect the whole company.
- **{{continuity_lead}}** owns the plan, keeps contact lists and procedures current, organizes the yearly exercise and coordinates business functions during a disruption.
- **{{engineering_lead}}** owns the technical recovery procedures and the redundancy of the production environment, and leads technical recovery.
- **Named recovery roles** in the plan carry out their procedures when the plan is invoked, and make sure a deputy can act if they cannot.

## Policy statements

### Objectives

- The production service has a recovery time objective of {{recovery_time_objective}} and a recovery point objective of {{recovery_point_objective}}. Commitments to customers are never stricter than what these objectives and their tests support.
- Critical business functions and the systems and vendors they depend on are listed in the plan, each with its own tolerance for downtime.

### Resilience by design

- Production services and databases run across at least two availability zones behind load balancers, with automatic failover of the database to a standby in another zone, so that the loss of one zone does not stop the service.
- Backups are kept as required by the Backup Policy, in a separate region or account from production, so the service can be rebuilt elsewhere.
- Infrastructure is defined as code so that the environment can be recreated in another region.
- Each quarter, engineering compares usage trends, growth forecasts and planned launches with the headroom left in production, and records the scaling actions agreed, each with an owner and due date, so that growth does not become an outage.

### The plan

- A written business continuity and disaster recovery plan names the critical services, their recovery objectives, the criteria for invoking the plan, recovery roles and deputies, internal and external contacts, and step-by-step recovery procedures.
- The plan is kept where the recovery team can reach it even when company systems are unavailable.
- The plan covers communication: how staff are reached, how customers are informed through the status page, and who speaks for the company.
- Leadership considers disruption risks, such as the loss of a region, a critical vendor or key staff, in the yearly risk assessment, and chooses mitigations including insurance where suitable. Insurance cover is checked against the current risks at each renewal.

### Testing

- The plan is exercised at least every {{dr_test_frequency}}, either as a tabletop walk-through or by failing over to the recovery environment.
- Each exercise is written up with the recovery times reached against the objectives, what went wrong and the lessons learned. The plan is updated and follow-up actions are tracked to completion.

### After a disruption

- Once service is restored, the team confirms data integrity against the recovery point objective, returns to normal operation in a controlled way, and writes a review like a high-severity incident post-mortem.

## Exceptions

If a system cannot meet the recovery objectives, {{engineering_lead}} records the gap, the risk and the plan to close it, and {{executive_sponsor}} accepts the risk in writing until it is closed. Exceptions are reviewed at the next exercise.

## Enforcement

Recovery roles are part of the job of the people named in the plan. Failure to keep procedures current or to take part in exercises is raised with the person's manager. Gaps found in exercises are tracked as deficiencies.

## Review

{{continuity_lead}} reviews this policy and the plan at least yearly, after every exercise, after any real invocation and after significant changes to the system, such as a new hosting region or critical vendor. {{executive_sponsor}} approves each new version.
`,
};
