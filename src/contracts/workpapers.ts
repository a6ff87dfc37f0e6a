/**
 * Answers of the workpaper routes: per control the attributes tested and each sampled item's
 * results, the testing progress, and the auditor's own files (never shown to the company).
 */
import { z } from "zod";
import { ATTRIBUTE_RESULTS } from "../domain/workpaper.ts";
import { ITEM_RESULTS } from "../domain/test-results.ts";
import { day, instant } from "./common.ts";
import { controlConclusion, testingProgress } from "./engagements.ts";

export const attributeResult = z.enum(ATTRIBUTE_RESULTS);
export type AttributeResult = z.output<typeof attributeResult>;

export const workpaperStep = z.object({
  id: z.number().int().describe("stays with the step when steps are added or reordered"),
  text: z.string().describe("the attribute tested"),
});
export type WorkpaperStep = z.output<typeof workpaperStep>;

export const workpaperAttachment = z.object({
  id: z.string(),
  controlRef: z.string(),
  itemKey: z.string().nullable().describe("the sampled item; null for the whole control"),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedByEmail: z.string().nullable(),
  uploadedAt: instant,
});
export type WorkpaperAttachment = z.output<typeof workpaperAttachment>;

export const workpaperItem = z.object({
  key: z.string(),
  label: z.string().describe('in words: "March 2026", "week 12 (16–22 March)"'),
  from: day,
  to: day,
  evidence: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.string(),
      mediaType: z.string().nullable(),
    }),
  ),
  result: z.enum(ITEM_RESULTS).nullable().describe("null while the item awaits a result"),
  description: z.string().nullable(),
  attributes: z
    .array(attributeResult.nullable())
    .describe("one per step, in the steps' order; null where none is recorded"),
  note: z.string().nullable(),
  attachments: z.number().int().describe("the auditor's own files on the item (0 for others)"),
});
export type WorkpaperItem = z.output<typeof workpaperItem>;

export const controlWorkpaper = z.object({
  controlRef: z.string(),
  title: z.string(),
  conclusion: controlConclusion,
  summary: z.string(),
  steps: z.array(workpaperStep),
  items: z.array(workpaperItem),
  attachments: z
    .array(workpaperAttachment)
    .describe("the auditor's own files; always empty for a company role"),
});
export type ControlWorkpaper = z.output<typeof controlWorkpaper>;

export const engagementWorkpapers = z.object({
  progress: testingProgress,
  controls: z.array(controlWorkpaper),
});
export type EngagementWorkpapers = z.output<typeof engagementWorkpapers>;

export const itemWorkpaper = z.object({
  controlRef: z.string(),
  itemKey: z.string(),
  attributes: z.record(z.string(), attributeResult).describe("step id → result"),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: instant,
});
export type ItemWorkpaper = z.output<typeof itemWorkpaper>;
