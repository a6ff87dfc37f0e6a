/**
 * Notifications: what a person may be told (kinds), through which channel, and how a generic
 * webhook's payload is signed. Pure: the sending lives in services/notifications/.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** Mail goes to each person; Slack and webhooks are the organization's own channels. */
export const NOTIFICATION_CHANNELS = ["mail", "slack", "webhook"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** What is sent. The daily digest of one's open and overdue tasks is the first kind. */
export const NOTIFICATION_KINDS = [
  "task-digest",
  // The availability monitor: an endpoint went down, or came back (issue 17).
  "monitor-alert",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const DELIVERY_STATUSES = ["pending", "sent", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Attempts in all for one delivery, the first included; the wait doubles from the base. */
export const DELIVERY_MAX_ATTEMPTS = 5;
export const DELIVERY_RETRY_BASE_SECONDS = 60;

/** When the next attempt is due after `attempts` failed ones (1 min, 2, 4, 8). */
export function nextAttemptAt(failedAt: Date, attempts: number): Date | null {
  if (attempts >= DELIVERY_MAX_ATTEMPTS) return null;
  const wait = DELIVERY_RETRY_BASE_SECONDS * 2 ** (attempts - 1);
  return new Date(failedAt.getTime() + wait * 1000);
}

/** The headers a signed webhook carries; README.md says how a receiver checks them. */
export const SIGNATURE_HEADER = "x-attest-signature";
export const TIMESTAMP_HEADER = "x-attest-timestamp";

/** HMAC-SHA256 over `timestamp + "." + body`, as `v1=<hex>`. */
export function signPayload(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does (and the tests do): recompute, compare in constant time. */
export function verifySignature(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
): boolean {
  const expected = Buffer.from(signPayload(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Whether an address is one a webhook must not reach in production: loopback, private ranges,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, unspecified, multicast,
 * and their IPv6 forms (IPv4-mapped addresses are read as IPv4).
 */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = /^\d{1,3}(\.\d{1,3}){3}$/.test(ip)
    ? 4
    : /^[0-9a-f:.]+$/i.test(ip) && ip.includes(":")
      ? 6
      : 0;
  if (family === 4) {
    const [a = 0, b = 0] = ip.split(".").map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  if (family === 6) {
    const lower = ip.toLowerCase();
    return (
      lower === "::" ||
      lower === "::1" ||
      /^f[cd]/.test(lower) ||
      /^fe[89ab]/.test(lower) ||
      /^ff/.test(lower)
    );
  }
  return true;
}

/** The part of a URL that may be shown and logged: its scheme and host, never path or query. */
export function urlHint(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}
