/** Evidence: what proves a control operated, and for which date or period it does. */

export const EVIDENCE_KINDS = ["file", "link", "record"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_SOURCES = ["manual", "automated", "imported"] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

export interface EvidenceItem {
  id: string;
  kind: EvidenceKind;
  title: string;
  source: EvidenceSource;
  /** SHA-256 of the file bytes, of the URL, or of the record's canonical JSON. */
  sha256: string;
  size: number;
  mediaType: string | null;
  fileName: string | null;
  url: string | null;
  recordKind: string | null;
  recordData: unknown;
  /** What the evidence is for: one local date (from = to) or a period, both inclusive. */
  forFrom: string;
  forTo: string;
  addedBy: string;
  addedAt: string;
  removedAt: string | null;
  removedBy: string | null;
  removedReason: string | null;
  /** Refs of the controls it serves. */
  controls: string[];
}

/** The earliest date evidence may be "for": anything older is a typo, not evidence. */
export const EARLIEST_EVIDENCE_DATE = "2000-01-01";
