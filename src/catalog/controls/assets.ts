// Asset control templates (AS): inventory, physical access, disposal, endpoints, data movement.
import type { ControlTemplate } from "../types.ts";

export const assetControls: readonly ControlTemplate[] = [
  {
    id: "AS-01",
    title: "Asset inventory",
    description:
      "An inventory lists laptops and mobile devices, cloud accounts and resources, and the " +
      "software and SaaS systems in scope, each with an owner and data classification. " +
      "Device and cloud entries are pulled from device management and provider APIs, and the " +
      "inventory is reconciled with the HR roster every quarter.",
    kind: "detective",
    automation: "it-dependent-manual",
    frequency: "quarterly",
    ownerRole: "it",
    criteria: ["CC6.1", "CC2.1"],
    suggestedEvidence: [
      "Inventory export with owner and classification fields",
      "Reconciliation records for the sampled quarters",
      "System list used in the system description",
    ],
    testProcedure:
      "Inspect the inventory and confirm it covers devices, cloud resources and in-scope " +
      "systems with owners. For a sample of quarters, inspect the reconciliation and confirm " +
      "differences were resolved. Trace a sample of systems named in the system description " +
      "to the inventory.",
  },
  {
    id: "AS-02",
    title: "Office physical access",
    description:
      "Company offices are entered with personal badges issued on request and revoked at " +
      "departure. Visitors sign in and are escorted, and the badge access list is reviewed " +
      "every quarter. A fully remote company marks this control not applicable.",
    kind: "preventive",
    automation: "it-dependent-manual",
    frequency: "quarterly",
    ownerRole: "operations",
    criteria: ["CC6.4"],
    suggestedEvidence: [
      "Badge system user list and the quarterly review records",
      "Visitor log for a sample of days",
      "Badge deactivation records for the sampled leavers",
    ],
    testProcedure:
      "Observe office entry points and confirm badges are required. For a sample of quarters, " +
      "inspect the badge list review. For a sample of leavers, confirm badges were disabled by " +
      "the last working day. Inspect the visitor log for a sample of days.",
  },
  {
    id: "AS-03",
    title: "Data center security relied on from the cloud provider",
    description:
      "Production runs on a cloud provider, which is responsible for physical access to, " +
      "and media disposal in, its data centers as a carved-out subservice organization. " +
      "Each year security reads the provider's SOC 2 report for those controls and any " +
      "exceptions, and the system description lists the controls expected of the provider.",
    kind: "detective",
    automation: "manual",
    frequency: "annual",
    ownerRole: "security",
    criteria: ["CC6.4", "CC6.5", "CC9.2"],
    suggestedEvidence: [
      "Cloud provider's current SOC 2 report",
      "Review notes on its physical security and media disposal results",
      "System description section on the subservice organization and its controls",
    ],
    testProcedure:
      "Inspect the review of the provider's SOC 2 report and confirm it covered physical " +
      "access and media disposal results, exceptions and the report period. Confirm the " +
      "system description names the provider as carved out and lists its expected controls. " +
      "Inquire whether any company equipment is hosted outside the provider.",
  },
  {
    id: "AS-04",
    title: "Secure disposal of devices and media",
    description:
      "Returned laptops are remotely wiped through device management before reissue. Devices " +
      "and storage media at end of life are destroyed by a certified vendor that issues a " +
      "certificate of destruction, and the inventory is updated.",
    kind: "preventive",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "it",
    criteria: ["CC6.5"],
    suggestedEvidence: [
      "Disposal procedure",
      "Device management wipe records for the sampled devices",
      "Certificates of destruction for devices retired in the period",
    ],
    testProcedure:
      "Obtain the list of devices returned or retired in the period and select a sample. " +
      "For returned devices, inspect the wipe record. For retired devices, inspect the " +
      "certificate of destruction and confirm the inventory shows the device as disposed.",
  },
  {
    id: "AS-05",
    title: "Laptop disk encryption",
    description:
      "Device management enforces full-disk encryption on every company laptop and escrows " +
      "the recovery keys. Laptops without encryption fail the compliance check and cannot " +
      "sign in to company applications.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "it",
    criteria: ["CC6.7", "CC6.1"],
    suggestedEvidence: [
      "Device management encryption policy",
      "Device report showing encryption status for all laptops",
      "Identity provider device trust setting",
    ],
    testProcedure:
      "Inspect the encryption policy and the device trust setting. Compare the device report " +
      "with the HR roster and confirm every active person's laptop is encrypted. Investigate " +
      "any unencrypted device and confirm it was blocked.",
  },
  {
    id: "AS-06",
    title: "Controlled data transfer and removable media",
    description:
      "Customer data may leave company systems only through approved encrypted channels, " +
      "such as the company file-sharing service with external sharing limits or SFTP. " +
      "Device management blocks USB storage unless security grants an exception, and alerts " +
      "flag bulk external sharing of classified files.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "it",
    criteria: ["CC6.7"],
    suggestedEvidence: [
      "Data handling policy listing approved transfer channels",
      "Device management removable media restriction and approved exceptions",
      "File-sharing external sharing settings and sample alerts",
    ],
    testProcedure:
      "Inspect the data handling policy and the file-sharing settings. Inspect the removable " +
      "media restriction and confirm each exception was approved. For a sample of sharing " +
      "alerts, confirm they were reviewed.",
  },
];
