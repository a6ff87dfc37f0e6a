/**
 * POSTs to the URLs people configure (Slack, webhooks). Such a URL is chosen by a user and
 * fetched by the server, so it could be aimed at the server's own network (SSRF): unless the
 * operator allows private addresses, the address is checked when the connection is made (the
 * resolved address itself, so a name that resolves to 10.x or to the cloud's metadata address
 * is refused, and a name that changes its answer between a check and the connection cannot
 * slip through). Redirects are not followed. Errors never carry the URL, which is a secret.
 */
import { lookup as dnsLookup } from "node:dns";
import type { LookupAddress, LookupOptions } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isPrivateAddress } from "../../domain/notification.ts";

export interface OutboundPolicy {
  /** Allow loopback and private addresses (development, tests, an on-premises receiver). */
  allowPrivate: boolean;
  timeoutMs?: number;
}

export interface PostAnswer {
  status: number;
  body: string;
}

/** A failure in words that may be stored and shown: no URL, no secret. */
export class OutboundError extends Error {}

/** Also used by the availability monitor's probes (services/program/monitors/probe.ts). */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...(options as LookupOptions), all: true }, (error, found) => {
      if (error !== null) {
        callback(error, "", 0);
        return;
      }
      const addresses = found as unknown as LookupAddress[];
      const refused = addresses.find((a) => !allowPrivate && isPrivateAddress(a.address));
      const chosen = addresses[0];
      if (refused !== undefined || chosen === undefined) {
        callback(
          new OutboundError(
            refused === undefined
              ? "the host has no address"
              : `the host resolves to a private address (${refused.address}), which is refused`,
          ),
          "",
          0,
        );
        return;
      }
      if ((options as LookupOptions).all === true) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        return;
      }
      callback(null, chosen.address, chosen.family);
    });
  };
}

function describe(error: unknown): string {
  if (error instanceof OutboundError) return error.message;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? `could not connect (${code})` : "could not connect";
}

/** POSTs `body` as JSON; resolves with any HTTP answer, rejects (OutboundError) without one. */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  policy: OutboundPolicy,
): Promise<PostAnswer> {
  const target = new URL(url);
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    return Promise.reject(new OutboundError("only http and https URLs are allowed"));
  }
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Attest-Notifications/1",
          ...headers,
        },
        lookup: guardedLookup(policy.allowPrivate),
        timeout: policy.timeoutMs ?? 10_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          // A receiver's answer is only for the error message: keep a little of it.
          if (size < 4096) chunks.push(chunk);
          size += chunk.length;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8").slice(0, 4096),
          }),
        );
        response.on("error", (error) => reject(new OutboundError(describe(error))));
      },
    );
    request.on("timeout", () => request.destroy(new OutboundError("no answer in time")));
    request.on("error", (error) => reject(new OutboundError(describe(error))));
    request.end(body);
  });
}

/** The same guarded POST as the fetch the Slack SDK takes (it only POSTs JSON). */
export function guardedFetch(policy: OutboundPolicy) {
  return async (url: string | URL, init?: { body?: string | FormData }) => {
    const body = typeof init?.body === "string" ? init.body : "";
    const answer = await postJson(String(url), body, {}, policy);
    const empty = [101, 204, 205, 304].includes(answer.status);
    return new Response(empty ? null : answer.body, { status: answer.status });
  };
}
