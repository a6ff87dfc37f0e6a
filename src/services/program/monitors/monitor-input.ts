/** What a new monitored endpoint is given, checked at the edge (API and command line). */
import { z } from "zod";
import {
  DEFAULT_INTERVAL_MINUTES,
  DEFAULT_TARGET_PERCENT,
  DEFAULT_TIMEOUT_SECONDS,
} from "../../../domain/monitor.ts";

/**
 * Only https:// is accepted. A probe is evidence that customers could reach the service, which
 * they do over TLS; and plain HTTP would let anyone on the path answer for it. Tests reach a
 * local HTTPS server whose certificate is trusted through ATTEST_MONITOR_CA_FILE, so no
 * exception for http:// is needed, even on loopback.
 */
export const monitorInput = z.strictObject({
  name: z.string().trim().min(1, "give the endpoint a name").max(200),
  url: z
    .url({ protocol: /^https$/, error: "must be an https:// URL (plain http is not probed)" })
    .max(2000)
    .refine((url) => !/^https:\/\/[^/]*@/.test(url), {
      error: "must not carry a user name or password",
    }),
  expectedStatus: z.number().int().min(100).max(599).default(200),
  intervalMinutes: z.number().int().min(1).max(1440).default(DEFAULT_INTERVAL_MINUTES),
  timeoutSeconds: z.number().int().min(1).max(60).default(DEFAULT_TIMEOUT_SECONDS),
  targetPercent: z.number().min(50).max(100).default(DEFAULT_TARGET_PERCENT),
});
export type MonitorInput = z.input<typeof monitorInput>;
