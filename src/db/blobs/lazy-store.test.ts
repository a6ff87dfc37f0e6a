import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { BlobStore } from "./blob-store.ts";
import { LazyBlobStore } from "./lazy-store.ts";

function countingStore() {
  const calls: string[] = [];
  let made = 0;
  const store: BlobStore = {
    put: async () => (calls.push("put"), { sha256: "a".repeat(64), size: 1 }),
    get: async () => (calls.push("get"), Readable.from([])),
    check: async () => (calls.push("check"), null),
    sweepTemporary: async () => (calls.push("sweep"), 0),
    close: () => void calls.push("close"),
  };
  const lazy = new LazyBlobStore(async () => {
    made += 1;
    return store;
  });
  return { lazy, calls, made: () => made };
}

describe("a blob store made on first use", () => {
  it("makes nothing until used, and closes nothing it never made", () => {
    const { lazy, calls, made } = countingStore();
    lazy.close();
    expect(made()).toBe(0);
    expect(calls).toEqual([]);
  });

  it("makes the store once, passes every call through, and closes it", async () => {
    const { lazy, calls, made } = countingStore();
    await Promise.all([lazy.check("x"), lazy.get("x")]);
    await lazy.put(Readable.from([Buffer.from("a")]), 10);
    await lazy.sweepTemporary(1, new Date());
    lazy.close();
    expect(made()).toBe(1);
    expect(calls).toEqual(["check", "get", "put", "sweep", "close"]);
  });
});
