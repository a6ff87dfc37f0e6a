/** The answers of the evidence routes (the contracts are in src/contracts/evidence.ts). */
import type { EvidenceKind, EvidenceSource } from "../../../../src/contracts/evidence.ts";
export type {
  EvidenceDetail,
  EvidenceItem,
  EvidenceKind,
  EvidenceSource,
} from "../../../../src/contracts/evidence.ts";

export const EVIDENCE_KINDS = ["file", "link", "record"] as const satisfies readonly EvidenceKind[];

export const EVIDENCE_SOURCES = [
  "manual",
  "automated",
  "imported",
] as const satisfies readonly EvidenceSource[];
