/** The answers of the workpaper routes (the contracts are in src/contracts/workpapers.ts). */
import type { AttributeResult } from "../../../../src/contracts/workpapers.ts";
export type {
  AttributeResult,
  ControlWorkpaper,
  EngagementWorkpapers,
  ItemWorkpaper,
  WorkpaperAttachment,
  WorkpaperItem,
  WorkpaperStep,
} from "../../../../src/contracts/workpapers.ts";

export const ATTRIBUTE_RESULTS = [
  "met",
  "not-met",
  "not-applicable",
] as const satisfies readonly AttributeResult[];
