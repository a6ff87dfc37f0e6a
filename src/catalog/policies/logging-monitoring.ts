// What is logged, how logs are protected and kept, and how events are watched and acted on.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { ENGINEERING_LEAD, SECURITY_OFFICER } from "./variables.ts";

export const loggingMonitoringPolicy: PolicyTemplate = {
  id: "logging-monitoring",
  title: "Logging and Monitoring Policy",
  summary:
    "Sets which events are logged, how logs are protected and kept, and how security and " +
    "availability are monitored, alerted on and reviewed.",
  categories: [],
  criteria: ["A1.1", "A1.2", "CC2.1", "CC5.3", "CC6.6", "CC7.2", "CC7.3"],
  controls: POLICY_TEMPLATE_CONTROLS["logging-monitoring"],
  ownerRole: "security",
  reviewMonths: 12,
  variables: [
    SECURITY_OFFICER,
    ENGINEERING_LEAD,
    {
      name: "log_retention",
      label: "Log retention",
      default: "1 year",
      help: "How long security and audit logs are kept before deletion.",
    },
    {
      name: "log_review_frequency",
      label: "Security log review",
      default: "week",
      help: "How often a security team member reviews reports of privileged and unusual activity.",
    },
    {
      name: "alert_ack_minutes",
      label: "Alert acknowledgement (minutes)",
      default: "30",
      help: "How quickly the on-call engineer acknowledges a paged alert.",
    },
  ],
  body: `## Purpose

Logs and monitoring let {{organization}} notice an attack, a misuse of access or a failing system while there is still time to act, and reconstruct what happened afterwards. This policy sets what is logged, how logs are protected, and how they are watched.

## Scope

This policy covers the production environment and the systems that control it: the cloud control plane, the identity provider, the code host and delivery pipeline, applications, databases, security tools and the monitoring platform itself. It applies to the teams that build and operate these systems and to those who respond to alerts.

## Roles and responsibilities

- **{{security_officer}}** owns this policy, decides which security events raise alerts, and runs the weekly log review.
- **{{engineering_lead}}** makes sure systems emit the required logs and metrics, and that the on-call rotation is staffed.
- **On-call engineers** acknowledge and triage alerts and escalate under the Incident Response Policy.
- **Security team members** review the log reports and raise tickets for anything unexplained.

## Policy statements

### What is logged

- Audit logs are collected from the cloud control plane, the identity provider, the code host, applications and databases.
- Logs record at least: sign-ins and failed sign-ins, changes to users, groups and permissions, administrative actions, access to customer data through privileged paths, changes to security settings and logging itself, and deploys.
- Each entry records what happened, when, from where and by which identity. Clocks are synchronized to a reliable time source.
- Logs do not contain passwords, secrets, full payment card numbers or unnecessary customer data.

### Protection and retention

- All audit logs flow to a central log platform, outside the control of the systems that produce them.
- Only security staff can change log settings or delete logs. Storage is tamper-resistant, for example with object lock or write-once retention.
- Logs are kept for at least {{log_retention}} and then deleted, unless a legal hold applies.

### Security alerting

- Alert rules fire on security-relevant events, including use of the cloud root account, permission and policy changes, logging being disabled, unusual data egress, bursts of failed sign-ins and break-glass credential use.
- A managed threat detection service analyses cloud activity, network flows and DNS for signs of attack, and a web application firewall screens inbound traffic. Their findings feed the same alerting pipeline at matching severity.
- Alerts page the on-call engineer, who acknowledges them within {{alert_ack_minutes}} minutes and closes each one with a triage note. Alerts that indicate an incident are escalated under the Incident Response Policy.
- Suppressing or tuning an alert rule requires a recorded reason and approval from {{security_officer}}.

### Availability monitoring

- Resource usage, such as compute, memory, storage, database connections and queue depth, and external uptime probes feed the monitoring platform.
- Alerts page the on-call engineer when usage crosses a set threshold or a service objective is at risk.
- Backup jobs report their status, and a failed, late or missing backup raises an alert.

### Log review

- Every {{log_review_frequency}}, a security team member reviews reports of privileged actions, new administrator grants, firewall and permission changes, failed sign-ins and suppressed alerts. The review is recorded, and anything unexplained becomes a ticket.
- Alert volumes, response times and missed alerts are reported at the management security review.

## Exceptions

A system that cannot send logs to the central platform is recorded with the reason and a compensating measure, such as a scheduled export, and approved by {{security_officer}}. Exceptions are reviewed at least yearly.

## Enforcement

Disabling, altering or deleting logs outside this policy is a security incident. Alerts left unacknowledged are escalated automatically, and repeated misses are raised with the on-call engineer's manager.

## Review

{{security_officer}} reviews this policy at least yearly and when new systems join the production environment.
`,
};
