// Processing integrity control templates (PI1.1–PI1.5).
import type { ControlTemplate } from "../types.ts";

export const processingIntegrityControls: readonly ControlTemplate[] = [
  {
    id: "DQ-01",
    title: "Documented processing specifications",
    description:
      "For each in-scope processing service, engineering documents the inputs accepted, the " +
      "processing steps, the expected outputs and their timing, and how errors are handled, and " +
      "publishes the parts customers rely on in the product documentation. Owners review the " +
      "specifications yearly and whenever processing changes.",
    kind: "preventive",
    automation: "manual",
    frequency: "annual",
    ownerRole: "engineering",
    criteria: ["PI1.1"],
    suggestedEvidence: [
      "Processing specifications with owner and last review date",
      "Customer documentation describing inputs, outputs and processing times",
      "Change tickets that updated a specification",
    ],
    testProcedure:
      "Inspect the specification for each in-scope service and confirm it defines inputs, steps, " +
      "outputs and error handling and was reviewed in the last 12 months. For a sample of " +
      "changes to processing logic in the period, confirm the specification and customer " +
      "documentation were updated where behaviour changed.",
  },
  {
    id: "DQ-02",
    title: "Input validation at every entry point",
    description:
      "APIs, file imports and forms check each input against a schema (required fields, types, " +
      "ranges, formats and duplicates) before accepting it. Rejected inputs return an error to " +
      "the sender and are logged; accepted inputs get a unique id and timestamp.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["PI1.2"],
    suggestedEvidence: [
      "Validation schemas or code for the in-scope entry points",
      "Automated tests covering the validation rules",
      "Logs of rejected inputs with the errors returned",
    ],
    testProcedure:
      "Inspect the validation rules for the in-scope entry points and confirm they cover " +
      "required fields, types and formats. Re-perform by submitting one valid and several " +
      "invalid inputs in a test environment and confirm the invalid ones are refused with an " +
      "error and logged.",
  },
  {
    id: "DQ-03",
    title: "Daily processing reconciliations",
    description:
      "Automated reconciliations compare record counts and control totals between processing " +
      "stages (received, processed, delivered) each day. A difference raises an alert and an " +
      "exception ticket, which an engineer investigates and resolves.",
    kind: "detective",
    automation: "automated",
    frequency: "daily",
    ownerRole: "engineering",
    criteria: ["PI1.2", "PI1.3", "PI1.4"],
    suggestedEvidence: [
      "Reconciliation job definitions and schedule",
      "Daily reconciliation results for the period",
      "Exception tickets with investigation and resolution",
    ],
    testProcedure:
      "Inspect the reconciliation logic and confirm it compares counts or totals across every " +
      "stage. For a sample of 25 days, confirm the reconciliation ran and that each difference " +
      "has a resolved ticket. Re-perform one day's reconciliation from the source records.",
  },
  {
    id: "DQ-04",
    title: "Job failure monitoring, error queues and reprocessing",
    description:
      "Failed jobs and messages that cannot be processed land in an error queue and raise an " +
      "alert. The on-call engineer works the queue each day, fixes the cause, reprocesses the " +
      "items and records the outcome, so that nothing is dropped silently.",
    kind: "corrective",
    automation: "it-dependent-manual",
    frequency: "daily",
    ownerRole: "engineering",
    criteria: ["PI1.3", "PI1.5"],
    suggestedEvidence: [
      "Alert rules for job failures and error queue depth",
      "Daily queue review records or tickets",
      "Reprocessing records for failed items",
    ],
    testProcedure:
      "Inspect the alert configuration and confirm job failures and a non-empty error queue " +
      "raise alerts. For a sample of 25 days, inspect the queue review record. For a sample of " +
      "failed items sized to the population, confirm each was reprocessed or closed with a " +
      "reason and that the reprocessed result was checked.",
  },
  {
    id: "DQ-05",
    title: "Output checks and delivery confirmation",
    description:
      "Outputs are checked against expected totals and format before release, and are delivered " +
      "only to the authenticated recipient. Each delivery is logged with the recipient's " +
      "acknowledgement; failed or late deliveries are retried and alert the on-call engineer.",
    kind: "detective",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["PI1.4"],
    suggestedEvidence: [
      "Output validation checks and their configuration",
      "Delivery logs with acknowledgements",
      "Alerts and tickets for failed or late deliveries",
    ],
    testProcedure:
      "Inspect the output checks and confirm outputs are validated before release. For a sample " +
      "of outputs in the period, inspect the delivery log and confirm the intended recipient " +
      "acknowledged delivery within the committed time. For a sample of failed deliveries, " +
      "confirm a retry or follow-up was recorded.",
  },
  {
    id: "DQ-06",
    title: "Retention and protection of inputs and outputs",
    description:
      "Inputs, items in process and outputs are kept in encrypted, access-controlled storage " +
      "with versioning or object lock to prevent unauthorized change, and are kept for the " +
      "period in the processing specification so any result can be traced and re-run.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["PI1.5"],
    suggestedEvidence: [
      "Storage settings showing encryption, access policies and versioning or object lock",
      "Retention settings compared with the processing specification",
      "Trace of one output back to its stored input",
    ],
    testProcedure:
      "Inspect the storage settings for inputs, items in process and outputs and confirm " +
      "encryption, restricted access and versioning or object lock are on. Compare the retention " +
      "settings with the specification. Select one output from the period and trace it back to " +
      "its stored input.",
  },
];
