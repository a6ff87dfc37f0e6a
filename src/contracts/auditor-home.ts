/** Answer of the auditor's home: their engagements with progress and the next items to test. */
import { z } from "zod";
import { engagement } from "./engagements.ts";

export const fieldworkProgress = z.object({
  controls: z.number().int().describe("controls of the frozen scope that apply"),
  concluded: z.number().int(),
  items: z.number().int().describe("sampled items (Type 2)"),
  tested: z.number().int().describe("sampled items with a result"),
});

export const homeEngagement = z.object({
  engagement,
  label: z.string().describe('"E-<number>"'),
  progress: fieldworkProgress.nullable().describe("null before fieldwork"),
  openRequests: z
    .number()
    .int()
    .nullable()
    .describe("requests to the company still open; null where requests are not kept"),
  nextItems: z.array(
    z.object({
      control: z.string(),
      controlTitle: z.string(),
      item: z.string().describe("the sampled item's key"),
      label: z.string().describe("the item in words"),
    }),
  ),
  itemsAwaiting: z.number().int().describe("sampled items waiting for a result, all told"),
});
export type HomeEngagement = z.output<typeof homeEngagement>;

export const auditorHome = z.object({ items: z.array(homeEngagement) });
export type AuditorHome = z.output<typeof auditorHome>;
