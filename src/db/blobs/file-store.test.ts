import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileBlobStore } from "./file-store.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "attest-blobs-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Open file descriptors of this process (Linux), to see a file left open. */
const openFiles = () => readdirSync("/proc/self/fd").length;
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("file blob store reads", () => {
  it("closes the file when the reader hangs up part-way", async () => {
    const store = new FileBlobStore(dir);
    const bytes = Buffer.alloc(4 * 1024 * 1024, 7);
    const { sha256 } = await store.put(Readable.from([bytes]), bytes.length);
    await settle();
    const before = openFiles();
    for (let i = 0; i < 5; i += 1) {
      const stream = await store.get(sha256);
      await new Promise<void>((resolve) => stream.once("data", () => resolve()));
      stream.destroy();
    }
    await settle();
    expect(openFiles()).toBe(before);
  });

  it("still hands over the whole file, checked against its hash", async () => {
    const store = new FileBlobStore(dir);
    const { sha256 } = await store.put(Readable.from([Buffer.from("evidence")]), 100);
    const chunks: Buffer[] = [];
    for await (const chunk of await store.get(sha256)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("evidence");
  });
});
