/** The answer of GET /healthz, for load balancers and monitors. */
import { z } from "zod";

export const health = z.object({
  status: z.literal("ok"),
  database: z.string().describe("the database engine in use"),
  schema: z.string().describe("the newest database migration this build knows"),
});
export type Health = z.output<typeof health>;
