/** Answers of the population routes: a control's imported population and its history. */
import { z } from "zod";
import { CONTROL_FREQUENCIES } from "../catalog/types.ts";
import { POPULATION_FORMATS, POPULATION_IMPORT_STATUSES } from "../domain/population-import.ts";
import { day, instant } from "./common.ts";

export const populationImport = z.object({
  id: z.string(),
  engagementId: z.string(),
  controlRef: z.string(),
  number: z.number().int().describe("1 for the control's first import, then 2, 3, …"),
  format: z.enum(POPULATION_FORMATS),
  fileName: z.string().nullable(),
  source: z.object({
    system: z.string().describe("the system of record"),
    query: z.string().nullable().describe("the query or report that produced the rows"),
    ranBy: z.string(),
    ranAt: z.string().describe("a date or an instant"),
  }),
  completeness: z.string().describe("the company's statement that the rows are complete"),
  reason: z.string().nullable().describe("why this import replaced the one before"),
  rowCount: z.number().int(),
  firstDate: day.nullable(),
  lastDate: day.nullable(),
  rowsSha256: z
    .string()
    .describe("SHA-256 of the canonical rows: sorted by key, normalized, canonical JSON"),
  status: z.enum(POPULATION_IMPORT_STATUSES),
  importedBy: z.string(),
  importedAt: instant,
  reviewedBy: z.string().nullable(),
  reviewedAt: instant.nullable(),
  returnReason: z.string().nullable(),
});
export type PopulationImport = z.output<typeof populationImport>;

export const populationRow = z.object({
  line: z.number().int().describe("the CSV line, or the position in the JSON array"),
  key: z.string(),
  date: day,
  label: z.string(),
});

export const populationView = z.object({
  engagement: z.string().describe("E-number"),
  controlRef: z.string(),
  title: z.string(),
  frequency: z.enum(CONTROL_FREQUENCIES),
  period: z.object({ from: day, to: day }),
  current: populationImport.nullable().describe("the latest import; null before any"),
  history: z.array(populationImport).describe("every import, the latest first"),
  preview: z.array(populationRow).describe("the first rows of the latest import"),
});
export type PopulationView = z.output<typeof populationView>;
