/**
 * The Okta SDK, set up for reading: an org URL checked here (HTTPS, or plain HTTP on a loopback
 * address only, for the local test server), an SSWS API token, no response cache (a second run
 * must see what changed), no automatic retry after a 429 (the run is retried later instead, so a
 * test or a job never sleeps for minutes) and a timeout on every request. Every SDK failure
 * becomes a ConnectorError whose message names what was read and never carries the token.
 */
import type { Client } from "@okta/okta-sdk-nodejs";
import { z } from "zod";
import { ConnectorError } from "../../domain/checks/check.ts";

function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

export const oktaSettingsSchema = z.strictObject({
  orgUrl: z
    .url({
      protocol: /^https?$/,
      error: "must be the organization's URL, such as https://acme.okta.com",
    })
    .refine(
      (url) => {
        const parsed = new URL(url);
        return parsed.protocol === "https:" || isLoopbackHost(parsed.hostname);
      },
      { error: "must use https:// (plain http:// is accepted only for a loopback address)" },
    )
    .refine((url) => new URL(url).pathname.replace(/\/$/, "") === "", {
      error: "must be the organization's address alone, without a path",
    })
    .transform((url) => url.replace(/\/$/, "")),
  /** Per request; a silent API fails the run as "timeout" after it. */
  timeoutSeconds: z.number().int().min(1).max(120).default(30),
});
export type OktaSettings = z.infer<typeof oktaSettingsSchema>;

export const oktaCredentialsSchema = z.strictObject({
  apiToken: z
    .string()
    .trim()
    .min(20, "must be an Okta API token (Security › API › Tokens), at least 20 characters")
    .regex(/^[A-Za-z0-9_-]+$/, "must be an Okta API token: letters, digits, - and _ only"),
});
export type OktaCredentials = z.infer<typeof oktaCredentialsSchema>;

/** The SDK is imported on first use, so reading the checks never loads it (see GitHub's client). */
export async function oktaClient(
  settings: OktaSettings,
  credentials: OktaCredentials,
): Promise<Client> {
  const { Client, DefaultRequestExecutor } = await import("@okta/okta-sdk-nodejs");
  return new Client({
    orgUrl: settings.orgUrl,
    token: credentials.apiToken,
    authorizationMode: "SSWS",
    cacheMiddleware: null,
    requestExecutor: new DefaultRequestExecutor({
      maxRetries: 0,
      requestTimeout: settings.timeoutSeconds * 1000,
    }),
  });
}

interface ErrorShape {
  status?: unknown;
  errorCode?: unknown;
  errorSummary?: unknown;
  headers?: { get?: (name: string) => string | null };
  type?: unknown;
  code?: unknown;
  name?: unknown;
}

function retryAfter(error: ErrorShape): number | null {
  const reset = Number(error.headers?.get?.("x-rate-limit-reset") ?? NaN);
  if (!Number.isFinite(reset)) return null;
  return Math.max(1, Math.ceil(reset - Date.now() / 1000));
}

/** What went wrong reading `what` ("users", "factors of 00u1"), as a ConnectorError. */
export function translateOktaError(error: unknown, what: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const shape = (typeof error === "object" && error !== null ? error : {}) as ErrorShape;
  const summary =
    typeof shape.errorSummary === "string" && shape.errorSummary !== ""
      ? `: ${shape.errorSummary}${typeof shape.errorCode === "string" ? ` (${shape.errorCode})` : ""}`
      : "";
  const status = typeof shape.status === "number" ? shape.status : null;
  if (status === 401) {
    return new ConnectorError(
      "unauthorized",
      `Okta refused the API token reading ${what}${summary}`,
    );
  }
  if (status === 403) {
    return new ConnectorError(
      "forbidden",
      `the API token may not read ${what}; it needs the read-only administrator role${summary}`,
    );
  }
  if (status === 429) {
    const seconds = retryAfter(shape);
    return new ConnectorError(
      "rate-limited",
      `Okta's rate limit was reached reading ${what}` +
        (seconds === null ? "" : `; it resets in ${seconds} s`),
      seconds,
    );
  }
  if (status !== null && status >= 500) {
    return new ConnectorError("unavailable", `Okta answered ${status} reading ${what}${summary}`);
  }
  if (shape.type === "request-timeout" || shape.name === "AbortError") {
    return new ConnectorError("timeout", `Okta did not answer in time reading ${what}`);
  }
  if (
    shape.type === "invalid-json" ||
    error instanceof SyntaxError ||
    shape.name === "SyntaxError"
  ) {
    return new ConnectorError("invalid-answer", `Okta's answer reading ${what} is not valid JSON`);
  }
  if (status !== null) {
    return new ConnectorError(
      "invalid-answer",
      `Okta answered ${status} reading ${what}${summary}`,
    );
  }
  if (typeof shape.code === "string") {
    return new ConnectorError(
      "unavailable",
      `could not reach Okta reading ${what} (${shape.code})`,
    );
  }
  return new ConnectorError(
    "invalid-answer",
    `Okta's answer reading ${what} could not be read (${error instanceof Error ? error.message : "unknown error"})`,
  );
}

/** Every item of an SDK list (following its Link headers), or a ConnectorError. */
export async function readAll<T>(
  what: string,
  list: () => Promise<AsyncIterable<T | null>>,
): Promise<T[]> {
  try {
    const items: T[] = [];
    for await (const item of await list()) {
      if (item !== null) items.push(item);
    }
    return items;
  } catch (error) {
    throw translateOktaError(error, what);
  }
}
