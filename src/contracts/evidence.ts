/** Answers of the evidence routes: an evidence item, its detail with history, and pages. */
import { z } from "zod";
import { EVIDENCE_KINDS, EVIDENCE_SOURCES } from "../domain/evidence.ts";
import { day, historyEntry, instant, pageOf } from "./common.ts";

export const evidenceKind = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.output<typeof evidenceKind>;

export const evidenceSource = z.enum(EVIDENCE_SOURCES);
export type EvidenceSource = z.output<typeof evidenceSource>;

export const evidenceItem = z.object({
  id: z.string(),
  kind: evidenceKind,
  title: z.string(),
  source: evidenceSource,
  sha256: z
    .string()
    .describe("SHA-256 of the file's bytes, of the URL, or of the record's canonical JSON"),
  size: z.number().int().describe("bytes of the file, URL or record"),
  mediaType: z.string().nullable().describe("the file's media type; null for links and records"),
  fileName: z.string().nullable(),
  url: z.string().nullable(),
  recordKind: z.string().nullable(),
  recordData: z.unknown().describe("the record's data; null unless kind is record"),
  forFrom: day.describe("first day the evidence is for (inclusive)"),
  forTo: day.describe("last day the evidence is for (inclusive); equals forFrom for one date"),
  addedBy: z.string().describe("name of who added it"),
  addedAt: instant,
  removedAt: instant.nullable(),
  removedBy: z.string().nullable(),
  removedReason: z.string().nullable(),
  controls: z.array(z.string()).describe("refs of the controls it serves"),
});
export type EvidenceItem = z.output<typeof evidenceItem>;

export const evidencePage = pageOf(evidenceItem);

export const evidenceDetail = z.object({
  evidence: evidenceItem,
  history: z.array(historyEntry),
});
export type EvidenceDetail = z.output<typeof evidenceDetail>;
