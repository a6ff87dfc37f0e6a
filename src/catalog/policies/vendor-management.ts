// Choosing, contracting with, monitoring and leaving the third parties the service relies on.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { LEGAL_LEAD, SECURITY_OFFICER } from "./variables.ts";

export const vendorManagementPolicy: PolicyTemplate = {
  id: "vendor-management",
  title: "Vendor Management Policy",
  summary:
    "Sets how vendors that touch customer data or that the service depends on are assessed, " +
    "contracted, monitored and offboarded.",
  categories: [],
  criteria: ["A1.2", "C1.1", "CC2.3", "CC4.1", "CC5.3", "CC6.4", "CC9.2"],
  controls: POLICY_TEMPLATE_CONTROLS["vendor-management"],
  ownerRole: "security",
  reviewMonths: 12,
  variables: [
    SECURITY_OFFICER,
    LEGAL_LEAD,
    {
      name: "inventory_reconciliation_frequency",
      label: "Vendor inventory reconciliation",
      default: "quarter",
      help: "How often the vendor inventory is compared with finance spend records to find vendors added outside this process.",
    },
    {
      name: "vendor_breach_notice_hours",
      label: "Vendor breach notice (hours)",
      default: "48",
      help: "The longest a vendor may take to tell the company about a breach affecting its data.",
    },
    {
      name: "critical_review_frequency",
      label: "Critical vendor review",
      default: "year",
      help: "How often the assurance reports of critical vendors are read again.",
    },
  ],
  body: `## Purpose

{{organization}} relies on vendors to host its service, process payments, send email and run business tools. A weakness at a vendor can expose customer data or stop the service as surely as one of our own. This policy makes sure vendors are chosen with care, bound by suitable terms, watched over the life of the relationship and offboarded cleanly.

## Scope

This policy covers every third party that stores, processes or can reach customer or confidential data of {{organization}}, and every third party the production service depends on, including cloud hosting providers, SaaS applications, contractors and consultants. Vendors with no access to data and no effect on the service, such as office supplies, only need to be recorded in the finance system.

## Roles and responsibilities

- **{{security_officer}}** owns this policy, keeps the vendor inventory, sets each vendor's tier and reviews security assessments.
- **{{legal_lead}}** reviews vendor contracts and makes sure the required terms are present before signature.
- **Vendor owners**, the employees who requested or manage each vendor, keep its record current, request reviews when its use changes and run its offboarding.
- **Finance** shares spend records so unlisted vendors can be found.

## Policy statements

### Inventory and tiers

- Every in-scope vendor is listed in the vendor inventory with its owner, the service it provides, the data it receives and a tier:
  - **Critical**: stores or processes customer data, or its failure would stop the service;
  - **High**: can reach confidential company data or production systems in a limited way;
  - **Low**: no access to confidential data and no effect on the service.
- Vendors whose controls the company relies on for its own SOC 2 report are marked as subservice organizations.
- Every {{inventory_reconciliation_frequency}}, the inventory is compared with finance spend records, and vendors found outside the process are assessed or stopped.

### Before contract

- Critical and high vendors are assessed before any data is shared, using an independent assurance report such as SOC 2 Type 2 or ISO/IEC 27001 certification, or a security questionnaire where no report exists. The result and any accepted risks are recorded.
- A vendor that fails the assessment is not used for the data or service in question unless {{security_officer}} accepts the risk in writing.
- A vendor or contractor who will handle confidential information signs a non-disclosure agreement, or a contract with equivalent terms, before any such information is shared.

### Contract terms

- Contracts with vendors that handle customer data include: confidentiality; security obligations appropriate to the data; notice of a breach affecting our data within {{vendor_breach_notice_hours}} hours; the right to receive assurance reports; disclosure of their own subprocessors; and return or deletion of our data at termination.
- {{legal_lead}} reviews these terms before signature and records any that could not be obtained, with the risk accepted by {{security_officer}}.

### Monitoring

- Every {{critical_review_frequency}}, {{security_officer}} reads the current assurance reports of critical vendors and subservice organizations, checking the opinion, any exceptions and the period covered, and records a conclusion.
- The complementary user entity controls listed in those reports are matched to our own controls, and any that we do not perform are raised as deficiencies.
- For the cloud hosting provider, the review confirms the physical and environmental protections of its data centers, which {{organization}} relies on rather than runs itself.
- Vendor owners report significant changes, such as a breach, an acquisition or a new use of the vendor, so the tier and assessment can be revisited.

### Offboarding

- When a vendor relationship ends, its access and integrations are removed, credentials it held are rotated, and the return or deletion of our data is confirmed in writing where the contract allows.

## Exceptions

An urgent need to use a vendor before its assessment completes is approved in writing by {{security_officer}}, with limits on the data shared until the assessment is done. Exceptions are recorded in the inventory and expire after 90 days.

## Enforcement

Purchases of in-scope services that bypass this policy are stopped until assessed. Staff who share customer data with an unapproved vendor may face disciplinary action, and the sharing is handled under the Incident Response Policy.

## Review

{{security_officer}} reviews this policy at least yearly and after a significant vendor incident.
`,
};
