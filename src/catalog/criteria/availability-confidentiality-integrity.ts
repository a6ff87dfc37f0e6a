// Labels and summaries are Attest's own words, not the AICPA criteria text or points of focus.
import type { Criterion } from "../types.ts";

/** Availability (A1), confidentiality (C1) and processing integrity (PI1), in report order. */
export const AVAILABILITY_CONFIDENTIALITY_INTEGRITY_CRITERIA: readonly Criterion[] = [
  {
    id: "A1.1",
    category: "availability",
    label: "Capacity planning",
    summary:
      "Track resource usage with alerts, forecast growth, and scale, ideally automatically, " +
      "before limits are hit so uptime promises hold. Keep dashboards and capacity reviews as " +
      "evidence.",
    cosoPrinciple: null,
    pointsOfFocus: 3,
  },
  {
    id: "A1.2",
    category: "availability",
    label: "Environmental protections, backup, recovery infrastructure",
    summary:
      "Build in what keeps the system running and recoverable: redundancy across zones, " +
      "automated and monitored backups, and protection against power, fire or hardware failure, " +
      "often via the cloud provider.",
    cosoPrinciple: null,
    pointsOfFocus: 11,
  },
  {
    id: "A1.3",
    category: "availability",
    label: "Recovery plan testing",
    summary:
      "Test recovery for real: restore from backup and exercise the disaster recovery plan at " +
      "least yearly, compare results with recovery time and point targets, and fix what failed.",
    cosoPrinciple: null,
    pointsOfFocus: 2,
  },
  {
    id: "C1.1",
    category: "confidentiality",
    label: "Identify and protect confidential information",
    summary:
      "Know which information is confidential, classify or label it, and restrict access to " +
      "match. Keep a data classification policy and an inventory of where confidential data " +
      "lives.",
    cosoPrinciple: null,
    pointsOfFocus: 3,
  },
  {
    id: "C1.2",
    category: "confidentiality",
    label: "Dispose of confidential information",
    summary:
      "Delete or destroy confidential information when it is no longer needed or a contract " +
      "ends, following a retention schedule, and keep proof such as deletion logs or customer " +
      "confirmations.",
    cosoPrinciple: null,
    pointsOfFocus: 2,
  },
  {
    id: "PI1.1",
    category: "processing-integrity",
    label: "Processing specifications and quality information",
    summary:
      "Define and share what correct processing looks like: data definitions, expected inputs, " +
      "processing rules and the outputs to produce, so staff and users agree on what right " +
      "means.",
    cosoPrinciple: null,
    pointsOfFocus: 3,
  },
  {
    id: "PI1.2",
    category: "processing-integrity",
    label: "Complete, accurate inputs",
    summary:
      "Check data as it enters the system, for example with validation rules, and reject or flag " +
      "bad records so they are corrected and tracked rather than silently processed.",
    cosoPrinciple: null,
    pointsOfFocus: 3,
  },
  {
    id: "PI1.3",
    category: "processing-integrity",
    label: "Complete, accurate processing",
    summary:
      "Make sure data is processed fully and as intended, for example with automated checks, " +
      "reconciliations, job monitoring, and handling of failed or duplicate runs.",
    cosoPrinciple: null,
    pointsOfFocus: 5,
  },
  {
    id: "PI1.4",
    category: "processing-integrity",
    label: "Complete, accurate, timely outputs",
    summary:
      "Check outputs before they go out, for example by reconciling totals against inputs, and " +
      "make sure reports and files reach only the intended recipients on schedule.",
    cosoPrinciple: null,
    pointsOfFocus: 4,
  },
  {
    id: "PI1.5",
    category: "processing-integrity",
    label: "Storage of inputs, items in process and outputs",
    summary:
      "Keep stored inputs, in-flight data and outputs intact and safe from unauthorized change, " +
      "with integrity checks, backups and retention that match your commitments.",
    cosoPrinciple: null,
    pointsOfFocus: 4,
  },
];
