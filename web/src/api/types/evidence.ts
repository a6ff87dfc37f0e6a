/** The answers of the evidence routes (see src/contracts for the server's side). */
import type { EvidenceItem } from "../../../../src/domain/evidence.ts";
export type { EvidenceItem };
import type { HistoryEntry } from "./controls.ts";
export const EVIDENCE_KINDS = ["file", "link", "record"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_SOURCES = ["manual", "automated", "imported"] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

export interface EvidenceDetail {
  evidence: EvidenceItem;
  history: HistoryEntry[];
}
