/** Answers of the controls routes: a control, its detail with history and evidence, pages. */
import { z } from "zod";
import {
  CONTROL_AUTOMATIONS,
  CONTROL_FREQUENCIES,
  CONTROL_KINDS,
  OWNER_ROLES,
} from "../catalog/types.ts";
import { CONTROL_STATUSES } from "../domain/control.ts";
import { historyEntry, instant, pageOf } from "./common.ts";
import { evidenceItem } from "./evidence.ts";

export const controlStatus = z.enum(CONTROL_STATUSES);
export type ControlStatus = z.output<typeof controlStatus>;

export const controlKind = z.enum(CONTROL_KINDS);
export type ControlKind = z.output<typeof controlKind>;

export const controlAutomation = z.enum(CONTROL_AUTOMATIONS);
export type ControlAutomation = z.output<typeof controlAutomation>;

export const controlFrequency = z.enum(CONTROL_FREQUENCIES);
export type ControlFrequency = z.output<typeof controlFrequency>;

export const ownerRole = z.enum(OWNER_ROLES);
export type OwnerRole = z.output<typeof ownerRole>;

export const control = z.object({
  id: z.string(),
  ref: z.string().describe("stable reference, e.g. AC-04; how paths name the control"),
  templateId: z
    .string()
    .nullable()
    .describe("the library template it was adopted from; null for the company's own"),
  title: z.string(),
  description: z.string(),
  kind: controlKind,
  automation: controlAutomation,
  frequency: controlFrequency,
  ownerRole: ownerRole.nullable().describe("the function expected to run it"),
  owner: z.string().nullable().describe("email of the person who owns it"),
  status: controlStatus,
  statusReason: z.string().nullable().describe("why the status was last set, in words"),
  suggestedEvidence: z.array(z.string()).describe("what an auditor will ask to see"),
  testProcedure: z.string().describe("how an auditor would test it"),
  version: z.number().int().describe("1 when created, one more with each change"),
  criteria: z.array(z.string()).describe("ids of the criteria it is mapped to"),
  createdAt: instant,
  updatedAt: instant,
});
export type Control = z.output<typeof control>;

export const controlPage = pageOf(control);

export const controlDetail = z.object({
  control,
  history: z.array(historyEntry),
  evidence: z
    .array(evidenceItem)
    .describe("evidence serving the control; empty for a caller who may not read evidence"),
});
export type ControlDetail = z.output<typeof controlDetail>;
