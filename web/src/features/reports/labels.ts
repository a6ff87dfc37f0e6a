import type {
  AccessEvent,
  ComponentKind,
  OpinionType,
  ReportAgeStatus,
  ReportFormat,
  ReportSection,
  ShareLinkState,
  ThreadStatus,
} from "../../api/types.ts";

/** The five sections of a SOC 2 report, as the package and its outputs number them. */
export const SECTION_NAMES: Record<ReportSection, string> = {
  I: "Independent service auditor's report",
  II: "Management's assertion",
  III: "System description",
  IV: "Criteria, controls and tests",
  V: "Other information",
};

export const sectionLabel = (section: ReportSection) => `${section} · ${SECTION_NAMES[section]}`;

export const OPINION_LABELS: Record<OpinionType, string> = {
  unmodified: "Unmodified (clean)",
  qualified: "Qualified",
  adverse: "Adverse",
  disclaimer: "Disclaimer of opinion",
};

export const OPINION_COLOR: Record<OpinionType, string> = {
  unmodified: "green",
  qualified: "yellow",
  adverse: "red",
  disclaimer: "red",
};

export const THREAD_STATUS_COLOR: Record<ThreadStatus, string> = {
  open: "blue",
  resolved: "green",
  disputed: "red",
};

export const COMPONENT_LABELS: Record<ComponentKind, string> = {
  infrastructure: "Infrastructure",
  software: "Software",
  people: "People",
  procedures: "Procedures",
  data: "Data",
};

export const FORMAT_LABELS: Record<ReportFormat, string> = {
  pdf: "PDF",
  html: "HTML",
  json: "JSON",
  "oscal-ssp": "OSCAL SSP",
  "oscal-ar": "OSCAL AR",
};

export const SHARE_STATE_COLOR: Record<ShareLinkState, string> = {
  active: "green",
  expired: "gray",
  revoked: "red",
};

export const ACCESS_EVENT_LABELS: Record<AccessEvent, string> = {
  viewed: "Opened the link",
  "nda-accepted": "Accepted the NDA",
  downloaded: "Downloaded",
  "refused-expired": "Refused: expired",
  "refused-revoked": "Refused: revoked",
};

/** How old the newest final report is, in the words and colour the dashboard uses. */
export const AGE_STATUS: Record<ReportAgeStatus, { label: string; color: string }> = {
  current: { label: "Current", color: "green" },
  "renew-soon": { label: "Renew soon", color: "yellow" },
  aging: { label: "Aging", color: "orange" },
  expired: { label: "Expired", color: "red" },
};

export const monthsOld = (months: number) =>
  months === 0 ? "less than a month old" : months === 1 ? "1 month old" : `${months} months old`;

/**
 * A refusal to finalize reads "E-1 cannot be finalized:\n- reason\n- reason": the first line
 * and the reasons apart, so the page can show them as a list.
 */
export function splitReasons(detail: string): { lead: string; reasons: string[] } {
  const lines = detail.split("\n");
  const reasons = lines.filter((l) => l.startsWith("- ")).map((l) => l.slice(2).trim());
  const lead = lines
    .filter((l) => !l.startsWith("- "))
    .join(" ")
    .trim();
  return { lead, reasons };
}
