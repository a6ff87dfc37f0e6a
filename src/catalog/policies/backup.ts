// What is backed up, how often, where copies live, how long they are kept and how restores are proven.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { ENGINEERING_LEAD, SECURITY_OFFICER } from "./variables.ts";

export const backupPolicy: PolicyTemplate = {
  id: "backup",
  title: "Backup Policy",
  summary:
    "Sets what is backed up, how often, where the copies are kept, how long they last and " +
    "how restores are tested.",
  categories: [],
  criteria: ["A1.2", "A1.3", "CC5.3", "CC7.5"],
  controls: POLICY_TEMPLATE_CONTROLS["backup"],
  ownerRole: "engineering",
  reviewMonths: 12,
  variables: [
    ENGINEERING_LEAD,
    SECURITY_OFFICER,
    {
      name: "backup_frequency",
      label: "Full backup interval",
      default: "24 hours",
      help: "How often a complete backup of each production data store is taken.",
    },
    {
      name: "point_in_time_window",
      label: "Point-in-time recovery window",
      default: "7 days",
      help: "How far back a database can be restored to any chosen moment, where the platform offers it.",
    },
    {
      name: "backup_retention",
      label: "Backup retention",
      default: "35 days",
      help: "How long each backup is kept before it expires and is deleted.",
    },
    {
      name: "restore_test_frequency",
      label: "Restore test",
      default: "quarter",
      help: "How often engineering restores a real backup to prove it can be used.",
    },
  ],
  body: `## Purpose

A backup is only worth something if it exists when needed, cannot be damaged by the same event as the original, and can actually be restored. This policy sets how {{organization}} backs up the data its service depends on, protects those copies and proves they work.

## Scope

This policy covers every production data store that holds customer data or data needed to run the service: relational databases, object storage, file stores and the configuration and secrets needed to rebuild them. Source code and infrastructure definitions are kept in the code host and are covered by its own redundancy. Laptops are not backed up under this policy; company data belongs in company systems, not on a single device.

## Roles and responsibilities

- **{{engineering_lead}}** owns this policy and makes sure every in-scope data store is backed up as required.
- **The on-call engineer** responds to backup failure alerts and records the outcome.
- **The engineer running the restore test** performs it, records the result and raises follow-up actions.
- **{{security_officer}}** confirms that backups are encrypted and that access to them is restricted.

## Policy statements

### Coverage and frequency

- Each in-scope data store is listed in the backup inventory with its backup method, frequency and owner. New data stores are added before they hold production data.
- A full backup of each production data store is taken at least every {{backup_frequency}}, and databases keep point-in-time recovery for {{point_in_time_window}} where the platform offers it.
- Backups are automated. No production data store depends on a person remembering to run a backup.

### Protection

- Backups are encrypted with managed keys, as required by the Encryption Policy.
- Copies are held in a separate region or cloud account from production, so that a regional outage, a deleted account or a compromised production credential cannot destroy both the data and its backups.
- Permission to delete or change backups is limited to a small named group, and deletion protection or object lock is used where the platform supports it.
- Backups hold the same classification as the data they contain and are accessed under the same rules.

### Retention

- Backups are kept for {{backup_retention}} and then expire automatically. Data deleted from production, for example at the end of a customer contract, leaves the backups when they expire, and customers are told of this period.
- Longer retention for a specific data set requires approval from {{security_officer}} and a recorded reason.

### Monitoring

- Backup jobs report their status to monitoring. A failed, late or missing backup alerts the on-call engineer.
- The on-call engineer finds the cause, re-runs the backup and records the outcome in a ticket.

### Restore testing

- Every {{restore_test_frequency}}, an engineer restores a recent production backup into an isolated environment, checks that the data is complete and usable, and times the restore against the recovery time objective in the Business Continuity and Disaster Recovery Policy.
- The result, the time taken and any problems are recorded. Problems are fixed and tracked to completion.
- Restored copies are deleted when the test ends.

## Exceptions

A data store that cannot meet this policy, for example a vendor-managed system without export, is recorded with the reason and any compensating measure, and approved by {{engineering_lead}} and {{security_officer}}. Exceptions are reviewed at least yearly.

## Enforcement

Backup coverage is checked against the inventory at each restore test. Disabling backups or deleting backup copies outside this policy is a security incident and is handled under the Incident Response Policy.

## Review

{{engineering_lead}} reviews this policy at least yearly and when data stores, hosting or recovery objectives change.
`,
};
