// Availability control templates (A1.1–A1.3, with related CC7.5 and CC9.1).
import type { ControlTemplate } from "../types.ts";

export const availabilityControls: readonly ControlTemplate[] = [
  {
    id: "BC-01",
    title: "Capacity and uptime monitoring",
    description:
      "Resource usage (compute, memory, storage, database connections, queue depth) and external " +
      "uptime probes feed the monitoring platform. Alerts page the on-call engineer when usage " +
      "crosses a set threshold or a service-level objective's error budget burns too fast.",
    kind: "detective",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["A1.1"],
    suggestedEvidence: [
      "Alert rules and thresholds exported from the monitoring platform",
      "SLO and uptime probe definitions with their routing to on-call",
      "Uptime or SLO attainment report for the period",
      "Tickets or pages for a sample of capacity alerts",
    ],
    testProcedure:
      "Inspect the monitoring configuration and confirm alert rules cover the key capacity " +
      "metrics and each customer-facing SLO, routed to the on-call rotation. Observe a test " +
      "alert reach the on-call engineer. For a sample of capacity alerts in the period, inspect " +
      "the related ticket and confirm it was acknowledged and resolved or consciously accepted.",
  },
  {
    id: "BC-02",
    title: "Quarterly capacity planning review",
    description:
      "Each quarter engineering compares utilization trends, growth forecasts and planned " +
      "launches with the headroom left in production, and records the scaling actions agreed " +
      "with an owner and due date.",
    kind: "preventive",
    automation: "it-dependent-manual",
    frequency: "quarterly",
    ownerRole: "engineering",
    criteria: ["A1.1"],
    suggestedEvidence: [
      "Capacity review notes with attendees, findings and decisions",
      "Utilization trend reports used in the review",
      "Tickets for the scaling actions raised",
    ],
    testProcedure:
      "Inspect the capacity review records for a sample of two quarters and confirm each " +
      "compared usage trends with forecast demand and available headroom. Trace the actions " +
      "recorded to tickets and confirm they were completed or carried forward with a stated " +
      "reason.",
  },
  {
    id: "BC-03",
    title: "Redundancy across availability zones",
    description:
      "Production services and databases run in at least two availability zones behind load " +
      "balancers, with automatic database failover to a standby in another zone, so the loss of " +
      "one zone does not stop the service.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["A1.2"],
    suggestedEvidence: [
      "Infrastructure-as-code or console views showing the multi-zone deployment",
      "Database settings showing a standby in another zone with automatic failover",
      "Load balancer targets spread across zones",
    ],
    testProcedure:
      "Inspect the infrastructure configuration for the in-scope services and confirm compute " +
      "and data stores span at least two zones. Inspect the database settings and confirm " +
      "automatic failover is enabled. Where a failover happened or was exercised in the period, " +
      "inspect its record and outcome.",
  },
  {
    id: "BC-04",
    title: "Automated encrypted backups",
    description:
      "Production databases and file stores are backed up automatically at least daily, with " +
      "point-in-time recovery where the platform offers it. Backups are encrypted, copied to a " +
      "separate region or account and kept for the period set in the backup policy.",
    kind: "preventive",
    automation: "automated",
    frequency: "daily",
    ownerRole: "engineering",
    criteria: ["A1.2", "CC7.5"],
    suggestedEvidence: [
      "Backup schedule configuration for each production data store",
      "Settings showing encryption, cross-region copy and retention",
      "Backup job history covering the period",
    ],
    testProcedure:
      "Inspect the backup configuration for each in-scope data store and confirm frequency, " +
      "encryption, off-site copy and retention agree with the backup policy. As the control is " +
      "automated, inspect the configuration once and the job history to confirm backups ran " +
      "throughout the period.",
  },
  {
    id: "BC-05",
    title: "Backup failure alerting",
    description:
      "Backup jobs report their status to monitoring, and a failed, late or missing backup " +
      "alerts the on-call engineer. The engineer finds the cause, re-runs the backup and records " +
      "the outcome in a ticket.",
    kind: "detective",
    automation: "automated",
    frequency: "daily",
    ownerRole: "engineering",
    criteria: ["A1.2"],
    suggestedEvidence: [
      "Alert rule for failed or missing backups and its routing",
      "List of backup failures raised in the period",
      "Tickets showing investigation and a successful re-run",
    ],
    testProcedure:
      "Inspect the alert configuration and confirm both failed and missing backups raise an " +
      "alert to on-call. Obtain the list of backup failures in the period and, for a sample " +
      "sized to the population, confirm a ticket was opened and a successful backup followed.",
  },
  {
    id: "BC-06",
    title: "Quarterly backup restore test",
    description:
      "Each quarter an engineer restores a recent production backup into an isolated " +
      "environment, checks that the data is complete and usable, times the restore against the " +
      "recovery time objective and records the result and any follow-up.",
    kind: "detective",
    automation: "it-dependent-manual",
    frequency: "quarterly",
    ownerRole: "engineering",
    criteria: ["A1.2", "A1.3", "CC7.5"],
    suggestedEvidence: [
      "Restore test records with date, backup used, checks run and duration",
      "Logs or screenshots of the restored data and integrity checks",
      "Tickets for problems found during the test",
    ],
    testProcedure:
      "Inspect the restore test records for a sample of two quarters. Confirm each restored a " +
      "backup taken shortly before the test, checked completeness (for example row counts or " +
      "checksums) and recorded the restore time against the objective. Confirm problems found " +
      "were ticketed and resolved.",
  },
  {
    id: "BC-07",
    title: "Business continuity and disaster recovery plan",
    description:
      "A BC/DR plan names the critical services, their recovery time and recovery point " +
      "objectives, recovery roles, contacts and step-by-step recovery procedures. Management " +
      "approves it at least yearly and after significant changes to the system.",
    kind: "preventive",
    automation: "manual",
    frequency: "annual",
    ownerRole: "operations",
    criteria: ["A1.2", "CC7.5", "CC9.1"],
    suggestedEvidence: [
      "Current BC/DR plan with version history and approval",
      "RTO and RPO for each critical service",
      "Evidence the plan is reachable by people with recovery roles during an outage",
    ],
    testProcedure:
      "Inspect the BC/DR plan and confirm it covers critical services, recovery objectives, " +
      "roles and procedures. Inspect the approval and confirm a review within the last 12 " +
      "months. Inquire of two people with recovery roles and confirm they know where the plan is " +
      "kept and what they are expected to do.",
  },
  {
    id: "BC-08",
    title: "Annual disaster recovery test",
    description:
      "Once a year the company exercises the DR plan, either as a tabletop or by failing over to " +
      "the recovery environment, then writes up the recovery times reached, what went wrong and " +
      "the lessons learned, and updates the plan.",
    kind: "detective",
    automation: "manual",
    frequency: "annual",
    ownerRole: "operations",
    criteria: ["A1.3", "CC7.5", "CC9.1"],
    suggestedEvidence: [
      "DR test plan and scenario",
      "DR test report with participants, times against RTO and RPO, and findings",
      "Plan revisions or tickets arising from the lessons learned",
    ],
    testProcedure:
      "Inspect the DR test report for the period and confirm the test covered the critical " +
      "services in the plan and compared achieved recovery times with the objectives. Trace each " +
      "finding to a ticket or plan change and confirm it was addressed.",
  },
  {
    id: "BC-09",
    title: "Cloud provider environmental protections review",
    description:
      "Data center power, cooling, fire suppression and physical protections are run by the " +
      "cloud provider, a carved-out subservice organization. Each year security reviews the " +
      "provider's SOC 2 report, its exceptions and the complementary user entity controls, and " +
      "records the conclusion.",
    kind: "detective",
    automation: "manual",
    frequency: "annual",
    ownerRole: "security",
    criteria: ["A1.2", "CC9.2"],
    suggestedEvidence: [
      "The cloud provider's current SOC 2 Type 2 report",
      "Review record covering the opinion, exceptions and CUECs",
      "Mapping of the provider's CUECs to the company's controls",
    ],
    testProcedure:
      "Inspect the review record and confirm it covers a provider report whose period overlaps " +
      "the audit period. Confirm the reviewer assessed the opinion, exceptions bearing on " +
      "environmental protections and each CUEC, and that every CUEC maps to a company control.",
  },
  {
    id: "BC-10",
    title: "Status page and outage communication",
    description:
      "A public status page shows the state of customer-facing services. During each outage or " +
      "degradation affecting customers, the incident lead posts updates and a resolution notice, " +
      "and a written incident summary goes to customers when the impact calls for it.",
    kind: "corrective",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "operations",
    criteria: ["CC2.3", "CC7.4"],
    suggestedEvidence: [
      "Status page incident history for the period",
      "Incident tickets linked to their status page posts",
      "Post-incident summaries sent to customers",
    ],
    testProcedure:
      "Obtain the customer-affecting availability incidents in the period. For a sample sized to " +
      "the population, compare the incident start time with the first status page post and " +
      "confirm customers were informed within the time set in the incident procedure and told " +
      "when service was restored.",
  },
];
