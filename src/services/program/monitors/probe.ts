/**
 * One HTTPS request to a monitored endpoint. The URL is chosen by a person and fetched by the
 * server, so it goes through the same guarded address lookup as webhooks (no private or
 * loopback address unless ATTEST_WEBHOOK_ALLOW_PRIVATE=1). The certificate is verified against
 * the system's CAs plus ATTEST_MONITOR_CA_FILE's; redirects are not followed (a 301 is an
 * answer, judged against the expected status). Errors are words without the URL's path.
 */
import https from "node:https";
import { performance } from "node:perf_hooks";
import tls from "node:tls";
import { judgeAnswer } from "../../../domain/monitor.ts";
import type { MonitorEndpoint, ProbeOutcome } from "../../../domain/monitor.ts";
import { OutboundError, guardedLookup } from "../../notifications/outbound-http.ts";

export interface ProbePolicy {
  allowPrivate: boolean;
  /** Extra trusted CAs, PEM; null: the system's only. */
  ca: string | null;
}

function words(error: unknown, timeoutSeconds: number): string {
  if (error instanceof OutboundError) return error.message;
  if (error instanceof ProbeTimeout) return `no answer within ${timeoutSeconds} s`;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && /CERT|SELF_SIGNED|TLS|SSL|VERIFY/.test(code)) {
    return `the TLS certificate was refused (${code})`;
  }
  return typeof code === "string" ? `could not connect (${code})` : "could not connect";
}

class ProbeTimeout extends Error {}

export function probeEndpoint(
  endpoint: Pick<MonitorEndpoint, "url" | "expectedStatus" | "timeoutSeconds">,
  policy: ProbePolicy,
): Promise<ProbeOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: ProbeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const fail = (error: unknown) =>
      finish(
        judgeAnswer(endpoint.expectedStatus, {
          error: words(error, endpoint.timeoutSeconds),
          latencyMs: null,
        }),
      );
    const request = https.request(
      new URL(endpoint.url),
      {
        method: "GET",
        headers: { "user-agent": "Attest-Monitor/1", accept: "*/*" },
        lookup: guardedLookup(policy.allowPrivate),
        ...(policy.ca === null ? {} : { ca: [...tls.rootCertificates, policy.ca] }),
        // Each probe on a fresh connection: a kept-alive one would hide a listener that died.
        agent: false,
      },
      (response) => {
        const latencyMs = elapsed();
        // The body is not judged; drop it and the connection.
        response.resume();
        response.on("error", () => undefined);
        request.destroy();
        finish(
          judgeAnswer(endpoint.expectedStatus, { status: response.statusCode ?? 0, latencyMs }),
        );
      },
    );
    // The whole probe, connection and TLS included, must fit in the timeout.
    const timer = setTimeout(() => {
      request.destroy(new ProbeTimeout());
    }, endpoint.timeoutSeconds * 1000);
    request.on("error", fail);
    request.end();
  });
}
