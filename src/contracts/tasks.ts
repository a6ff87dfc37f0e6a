/** Answers of the tasks route: what people have to do, from every source. */
import { z } from "zod";
import { TASK_SOURCES, TASK_STATUSES } from "../domain/task.ts";
import { day } from "./common.ts";

export const task = z.object({
  id: z.string().describe("stable while the task is open"),
  source: z.enum(TASK_SOURCES),
  title: z.string(),
  reason: z.string(),
  subject: z.string().describe('the record it is about: "AC-04", "P-3 v2"'),
  link: z.string().describe("where the work is done in the web app, below /orgs/:org"),
  assignee: z
    .object({
      userId: z.string().nullable(),
      email: z.string().nullable(),
      name: z.string().nullable(),
    })
    .nullable()
    .describe("null when nobody is assigned yet"),
  dueBy: day.nullable(),
  status: z.enum(TASK_STATUSES),
});
export type Task = z.output<typeof task>;
