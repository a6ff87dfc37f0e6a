// Operations control templates (OP, IR): endpoints, vulnerabilities, monitoring, incidents.
import type { ControlTemplate } from "../types.ts";

export const operationsControls: readonly ControlTemplate[] = [
  {
    id: "OP-01",
    title: "Endpoint protection and device management",
    description:
      "Company laptops are enrolled in device management, which enforces screen lock, OS " +
      "updates and the host firewall and installs anti-malware or endpoint detection. Devices " +
      "that drift out of compliance are flagged and cannot reach company applications.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "it",
    criteria: ["CC6.8", "CC7.2"],
    suggestedEvidence: [
      "Device management compliance policy settings",
      "Device inventory showing enrollment and endpoint agent status",
      "Endpoint detection alert history and handling for the period",
    ],
    testProcedure:
      "Inspect the compliance policy and confirm it requires screen lock, updates, firewall " +
      "and the endpoint agent. Compare the device inventory with the HR roster and confirm " +
      "each active person's laptop is enrolled and healthy. For a sample of endpoint alerts, " +
      "confirm they were investigated and resolved.",
  },
  {
    id: "OP-02",
    title: "Hardened configuration baselines",
    description:
      "Servers and containers are built from minimal, hardened base images, and cloud " +
      "accounts follow a documented baseline aligned with an industry benchmark. A posture " +
      "tool checks accounts against the baseline continuously and reports drift to security.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["CC7.1", "CC6.8"],
    suggestedEvidence: [
      "Documented configuration baselines for cloud accounts, hosts and images",
      "Posture tool configuration and current findings",
      "Tickets for baseline deviations found in the period",
    ],
    testProcedure:
      "Inspect the baselines and confirm they name the benchmark they follow. Inspect the " +
      "posture tool and confirm every in-scope cloud account is connected. For a sample of " +
      "high-severity findings, confirm they were fixed or formally accepted.",
  },
  {
    id: "OP-03",
    title: "Vulnerability scanning with remediation deadlines",
    description:
      "Scanners check hosts, container images, code dependencies and the external attack " +
      "surface, and security triages new findings every week into the tracker. Fixes are due " +
      "by severity (by default 15 days for critical, 30 for high, 90 for medium, 180 for " +
      "low), and missing a deadline needs an exception approved by the security lead.",
    kind: "detective",
    automation: "it-dependent-manual",
    frequency: "weekly",
    ownerRole: "security",
    criteria: ["CC7.1", "CC4.1"],
    suggestedEvidence: [
      "Scanner configuration showing the assets covered and scan schedule",
      "Vulnerability tracker export with severity, found date and fixed date",
      "Approved exceptions for findings past their deadline",
    ],
    testProcedure:
      "Inspect the scanner configuration and confirm it covers in-scope hosts, images and " +
      "dependencies. For a sample of weeks, confirm triage took place. For a sample of " +
      "critical and high findings, compare found and fixed dates with the deadline, and " +
      "inspect an approved exception for each one that missed it.",
  },
  {
    id: "OP-04",
    title: "Yearly penetration test",
    description:
      "An independent, qualified firm tests the application and external infrastructure at " +
      "least yearly and after major architecture changes. Findings enter the vulnerability " +
      "tracker under the same deadlines, and the firm retests high-severity fixes.",
    kind: "detective",
    automation: "manual",
    frequency: "annual",
    ownerRole: "security",
    criteria: ["CC4.1", "CC7.1"],
    suggestedEvidence: [
      "Penetration test report with scope, dates and the tester's qualifications",
      "Tracker entries for the findings, with remediation dates",
      "Retest letter or report confirming fixes",
    ],
    testProcedure:
      "Inspect the report and confirm the test was done in the period by a party independent " +
      "of engineering and covered the production application. Trace each high or critical " +
      "finding to the tracker and confirm it was fixed within its deadline and retested.",
  },
  {
    id: "OP-05",
    title: "Patch management",
    description:
      "Managed cloud services patch themselves in scheduled maintenance windows, container " +
      "images are rebuilt from updated base images at least monthly, and laptops must " +
      "install OS updates within a set grace period. Urgent security patches follow the " +
      "vulnerability deadlines.",
    kind: "preventive",
    automation: "automated",
    frequency: "monthly",
    ownerRole: "engineering",
    criteria: ["CC7.1", "CC6.8"],
    suggestedEvidence: [
      "Maintenance window settings for managed services",
      "Build pipeline history showing monthly image rebuilds",
      "Device management report of OS versions across laptops",
    ],
    testProcedure:
      "Inspect maintenance window settings for in-scope managed services. For a sample of " +
      "months, inspect the build history and confirm images were rebuilt. Inspect the device " +
      "report and confirm laptops run a supported OS version within the grace period.",
  },
  {
    id: "OP-06",
    title: "Centralized, protected audit logging",
    description:
      "Audit logs from the cloud control plane, identity provider, code host, applications " +
      "and databases flow to a central log platform. Only security staff can change or " +
      "delete them, storage is tamper-resistant, and logs are kept for at least one year.",
    kind: "detective",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["CC7.2", "CC2.1"],
    suggestedEvidence: [
      "List of log sources connected to the central platform",
      "Retention and immutability settings",
      "Access policy for the log platform",
    ],
    testProcedure:
      "Inspect the log source list and confirm every in-scope system is connected. Pick a " +
      "recent event in a sample of sources and locate it in the central platform. Inspect " +
      "retention, immutability and access settings against the logging standard.",
  },
  {
    id: "OP-07",
    title: "Security alerting and on-call response",
    description:
      "Alert rules fire on security-relevant events such as root account use, permission " +
      "changes, logging being disabled, unusual data egress and bursts of failed logins. " +
      "Alerts page the on-call engineer, who acknowledges them within the target time and " +
      "closes each one with a triage note.",
    kind: "detective",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["CC7.2", "CC7.3"],
    suggestedEvidence: [
      "Alert rule definitions and their routing to the paging tool",
      "On-call schedule for the period",
      "Alert history with acknowledgement times and triage notes",
    ],
    testProcedure:
      "Inspect the alert rules and confirm they cover the events listed in the monitoring " +
      "standard. Inspect the on-call schedule for gaps. For a sample of security alerts, " +
      "confirm acknowledgement within the target and a triage note, and that any alert " +
      "judged an incident was escalated.",
  },
  {
    id: "OP-08",
    title: "Intrusion and threat detection",
    description:
      "A managed threat detection service analyses cloud API activity, network flows and DNS " +
      "queries for signs of attack, and a web application firewall screens inbound traffic. " +
      "Their findings feed the alerting pipeline at matching severity.",
    kind: "detective",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "security",
    criteria: ["CC7.2", "CC6.6"],
    suggestedEvidence: [
      "Threat detection service status for each in-scope account and region",
      "Web application firewall rule set and logging",
      "Sample findings and the tickets that resolved them",
    ],
    testProcedure:
      "Inspect the threat detection service and confirm it is enabled for every in-scope " +
      "account and region and sends findings to alerting. Inspect the firewall configuration. " +
      "For a sample of findings in the period, confirm triage and resolution.",
  },
  {
    id: "OP-09",
    title: "Weekly security log review",
    description:
      "Each week a security team member reviews reports of privileged actions, new admin " +
      "grants, firewall and permission changes, failed logins and suppressed alerts. The " +
      "review is recorded, and anything unexplained becomes a ticket.",
    kind: "detective",
    automation: "it-dependent-manual",
    frequency: "weekly",
    ownerRole: "security",
    criteria: ["CC7.2", "CC7.3"],
    suggestedEvidence: [
      "Saved queries or reports used for the review",
      "Review records for the sampled weeks with reviewer and date",
      "Tickets opened from the reviews",
    ],
    testProcedure:
      "Inspect the saved queries and confirm they cover the events the policy lists. For a " +
      "sample of weeks, inspect the review record and confirm it was completed by someone " +
      "other than the people whose actions were reviewed. Trace findings to tickets.",
  },
  {
    id: "IR-01",
    title: "Incident response plan",
    description:
      "A written plan sets severity levels, the criteria that turn an event into an " +
      "incident, roles such as incident commander and communications lead, and the steps " +
      "to contain, eradicate and recover while preserving evidence. It names when to bring in " +
      "leadership and legal, and is reviewed yearly and after major incidents.",
    kind: "corrective",
    automation: "manual",
    frequency: "annual",
    ownerRole: "security",
    criteria: ["CC7.3", "CC7.4", "CC7.5"],
    suggestedEvidence: [
      "Incident response plan with version history and approval date",
      "Contact and escalation list",
      "Record of the yearly review",
    ],
    testProcedure:
      "Inspect the plan and confirm it defines severities, roles, escalation, containment, " +
      "recovery, evidence handling and notification duties. Confirm it was reviewed in the " +
      "period. Inquire of on-call engineers where the plan is and how they would use it.",
  },
  {
    id: "IR-02",
    title: "Incident tracking and post-mortems",
    description:
      "Every incident gets a ticket recording severity, timeline, systems and data affected, " +
      "actions and closure. High-severity incidents get a blameless post-mortem within ten " +
      "business days, and the corrective actions from it are tracked to completion.",
    kind: "corrective",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "security",
    criteria: ["CC7.3", "CC7.4", "CC4.2"],
    suggestedEvidence: [
      "Incident log for the period",
      "Tickets for the sampled incidents with timelines",
      "Post-mortems and the status of their corrective actions",
    ],
    testProcedure:
      "Obtain the incident log and select a sample. For each, confirm the ticket records " +
      "severity, timeline, impact and closure consistent with the plan. For high-severity " +
      "incidents, inspect the post-mortem and confirm its corrective actions were tracked.",
  },
  {
    id: "IR-03",
    title: "Yearly incident response exercise",
    description:
      "At least once a year the response team runs a tabletop or simulated incident using a " +
      "realistic scenario. Gaps found in the plan, tooling or contacts are recorded and fixed.",
    kind: "detective",
    automation: "manual",
    frequency: "annual",
    ownerRole: "security",
    criteria: ["CC7.4", "CC7.5"],
    suggestedEvidence: [
      "Exercise scenario, date and participant list",
      "After-action report with findings",
      "Tickets or plan changes that resolved the findings",
    ],
    testProcedure:
      "Inspect the after-action report and confirm the exercise took place in the period and " +
      "involved the roles named in the plan. Trace each finding to a ticket or plan update.",
  },
  {
    id: "IR-04",
    title: "Recovery and verification after incidents",
    description:
      "After containment, affected systems are rebuilt from known-good images or restored " +
      "from backup, exposed credentials are rotated, and service is verified before the " +
      "incident is closed. Root-cause fixes are made through normal change management.",
    kind: "corrective",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "engineering",
    criteria: ["CC7.5"],
    suggestedEvidence: [
      "Recovery steps recorded in the sampled incident tickets",
      "Credential rotation records for incidents that exposed secrets",
      "Change tickets for root-cause fixes",
    ],
    testProcedure:
      "For a sample of incidents, inspect the ticket and confirm recovery and verification " +
      "steps were recorded before closure. Where credentials were exposed, confirm rotation. " +
      "Trace root-cause fixes to approved change tickets.",
  },
  {
    id: "IR-05",
    title: "Customer notification of incidents",
    description:
      "When an incident affects customer data or service commitments, legal and security " +
      "notify affected customers within the contractual or legal deadline using reviewed " +
      "templates. Notices and their send times are kept with the incident record.",
    kind: "corrective",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "legal",
    criteria: ["CC7.4", "CC2.3"],
    suggestedEvidence: [
      "Notification procedure and templates",
      "Notices sent for incidents in the period, with timestamps",
    ],
    testProcedure:
      "Inspect the procedure and confirm its deadlines match customer contracts. For each " +
      "incident that required notice, compare the confirmation time with the notice time and " +
      "confirm the deadline was met. Inquire how incidents were judged not to need notice.",
  },
];
