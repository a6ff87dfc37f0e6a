import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  isPrivateAddress,
  nextAttemptAt,
  signPayload,
  urlHint,
  verifySignature,
} from "./notification.ts";

describe("webhook signatures", () => {
  it("are HMAC-SHA256 over timestamp, a dot and the body, as a receiver recomputes them", () => {
    const expected = createHmac("sha256", "s3cret").update('1700000000.{"a":1}').digest("hex");
    expect(signPayload("s3cret", "1700000000", '{"a":1}')).toBe(`v1=${expected}`);
    expect(verifySignature("s3cret", "1700000000", '{"a":1}', `v1=${expected}`)).toBe(true);
    expect(verifySignature("s3cret", "1700000001", '{"a":1}', `v1=${expected}`)).toBe(false);
    expect(verifySignature("s3cret", "1700000000", '{"a":2}', `v1=${expected}`)).toBe(false);
    expect(verifySignature("s3cret", "1700000000", '{"a":1}', "v1=short")).toBe(false);
  });
});

describe("private addresses", () => {
  it("covers loopback, private ranges, link-local, CGNAT and their IPv6 forms", () => {
    for (const address of [
      "127.0.0.1",
      "10.2.3.4",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "::ffff:10.0.0.1",
      "not an address",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("shows only a URL's scheme and host", () => {
    expect(urlHint("https://hooks.slack.com/services/T0/B0/XYZ?x=1")).toBe(
      "https://hooks.slack.com",
    );
  });
});

describe("retries", () => {
  it("wait 1, 2, 4 and 8 minutes, and stop after the fifth attempt", () => {
    const at = new Date("2026-03-02T09:00:00Z");
    const waits = [1, 2, 3, 4].map((n) => (nextAttemptAt(at, n)?.getTime() ?? 0) - at.getTime());
    expect(waits).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(nextAttemptAt(at, 5)).toBeNull();
  });
});
