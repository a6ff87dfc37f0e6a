// Making sure the service processes customer data completely, accurately and on time.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { ENGINEERING_LEAD } from "./variables.ts";

export const processingIntegrityPolicy: PolicyTemplate = {
  id: "processing-integrity",
  title: "Processing Integrity Policy",
  summary:
    "Sets how the service documents, validates, reconciles and monitors its processing so " +
    "that results are complete, accurate, timely and traceable.",
  categories: ["processing-integrity"],
  criteria: ["CC5.3", "PI1.1", "PI1.2", "PI1.3", "PI1.4", "PI1.5"],
  controls: POLICY_TEMPLATE_CONTROLS["processing-integrity"],
  ownerRole: "engineering",
  reviewMonths: 12,
  variables: [
    ENGINEERING_LEAD,
    {
      name: "product_lead",
      label: "Product lead's title",
      default: "Head of Product",
      help: "The role that decides what the service promises customers about its processing.",
    },
    {
      name: "processing_reconciliation_frequency",
      label: "Processing reconciliation",
      default: "day",
      help: "How often record counts and totals are compared between processing stages.",
    },
    {
      name: "processing_record_retention",
      label: "Processing record retention",
      default: "90 days",
      help: "How long inputs, outputs and processing logs are kept so a result can be traced and re-run.",
    },
  ],
  body: `## Purpose

Customers rely on {{organization}} not only to keep their data safe but to process it correctly: every record received, handled the way the documentation says, and delivered on time to the right place. This policy sets how the service makes its processing complete, accurate, timely and traceable, and how errors are caught and corrected.

## Scope

This policy covers the processing services named in the system description: the points where customer data enters the service (APIs, file imports and forms), the jobs and pipelines that transform it, and the outputs the service delivers, such as reports, exports, notifications and calls to customer systems. It applies to the engineers who build and operate those services.

## Roles and responsibilities

- **{{engineering_lead}}** owns this policy and makes sure each in-scope processing service has an owner who meets it.
- **{{product_lead}}** approves what the product documentation promises customers about processing, including timing and error handling.
- **Service owners** keep their processing specifications current, run the reconciliations and make sure exceptions are resolved.
- **On-call engineers** work the error queues and alerts described below.

## Policy statements

### Specifications

- For each in-scope processing service, engineering documents the inputs it accepts, the processing steps, the outputs it produces and when, and how errors are handled.
- The parts customers rely on are published in the product documentation. Changes to them are approved by {{product_lead}} and announced to customers before they apply.
- Owners review the specifications at least yearly and whenever processing changes.

### Inputs

- Every entry point checks each input against an explicit schema before accepting it: required fields, types, ranges, formats and duplicates.
- A rejected input returns an error to the sender that names the problem, and the rejection is logged. Nothing is partly accepted without the sender being told.
- Each accepted input receives a unique identifier and a timestamp so it can be traced through processing.

### Processing

- Processing steps are designed to be safe to repeat, so that a retried job does not create duplicates or double-count.
- Failed jobs and messages that cannot be processed are moved to an error queue and raise an alert; nothing is dropped silently.
- The on-call engineer works the error queue every day, fixes the cause, reprocesses the items and records the outcome.

### Reconciliation

- Automated reconciliations compare record counts and control totals between processing stages (received, processed, delivered) every {{processing_reconciliation_frequency}}.
- A difference raises an alert and an exception ticket, which an engineer investigates and resolves, recording the cause and the correction.

### Outputs

- Outputs are checked against expected totals and formats before release.
- Outputs are delivered only to authenticated recipients. Each delivery is logged with the recipient's acknowledgement where the channel supports it.
- Failed or late deliveries are retried automatically and alert the on-call engineer when retries run out.

### Storage and traceability

- Inputs, items in process and outputs are kept in encrypted, access-controlled storage with versioning or object lock to prevent unauthorized change.
- They are kept for {{processing_record_retention}}, or longer where the specification says so, so that any result can be traced to its inputs and re-run.

### Changes

- Changes to processing logic go through the Change Management Policy, and include tests that show results remain correct for representative inputs.

## Exceptions

A processing service that cannot yet meet a requirement, for example a legacy import without reconciliation, is recorded with the gap, a compensating check and a date to comply, and approved by {{engineering_lead}}. Customers are not promised processing behaviour that an exception leaves unsupported.

## Enforcement

Reconciliation differences and error queue items left unresolved are escalated to {{engineering_lead}} and tracked as deficiencies. Disabling validation, reconciliation or alerts without approval may lead to disciplinary action.

## Review

{{engineering_lead}} reviews this policy at least yearly and when a new processing service is added to the system description.
`,
};
