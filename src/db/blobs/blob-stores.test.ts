/**
 * One contract, every store: the files on disk, PostgreSQL chunks (when TEST_DATABASE_URL is
 * set) and S3 (a local s3rver). Each store gets the same content and the same damage.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import {
  S3_TEST_CREDENTIALS,
  abandonS3Upload,
  overwriteS3Blob,
  removeS3Blob,
  s3Keys,
  s3TestTarget,
} from "../../../test/support/s3.ts";
import { openDatabase } from "../connect.ts";
import { migrateToLatest } from "../migrate.ts";
import type { BlobStore } from "./blob-store.ts";
import { FileBlobStore } from "./file-store.ts";
import { PostgresBlobStore } from "./pg-store.ts";
import { S3BlobStore } from "./s3-store.ts";

/** A store, and ways to reach behind it. */
interface Harness {
  store: BlobStore;
  overwrite(sha256: string, bytes: Buffer): Promise<void>;
  remove(sha256: string): Promise<void>;
  /** Leaves what an upload killed part-way would leave. */
  abandonUpload(): Promise<void>;
  /** Every stored piece, temporaries included. */
  pieces(): Promise<string[]>;
  close(): Promise<void>;
}

/** S3 needs at least 5 MiB per part; 5 MiB keeps the multipart tests quick. */
const S3_PART_BYTES = 5 * 1024 * 1024;

function fileHarness(): Harness {
  const dir = mkdtempSync(path.join(os.tmpdir(), "attest-blobs-"));
  const root = path.join(dir, "blobs");
  const fileOf = (sha256: string) => path.join(root, "sha256", sha256.slice(0, 2), sha256);
  const walk = (at: string): string[] =>
    readdirSync(at, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(at, entry.name)) : [path.join(at, entry.name)],
    );
  return {
    store: new FileBlobStore(dir),
    overwrite: async (sha256, bytes) => writeFileSync(fileOf(sha256), bytes),
    remove: async (sha256) => rmSync(fileOf(sha256)),
    abandonUpload: async () => writeFileSync(path.join(root, "tmp", "cut-short"), "half"),
    pieces: async () => walk(root).map((file) => path.relative(root, file)),
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresHarness(): Promise<Harness> {
  const database = await createTestDatabase("engine");
  const db = openDatabase(database.target);
  await migrateToLatest(db);
  return {
    store: new PostgresBlobStore(db.kysely),
    overwrite: async (sha256, bytes) => {
      await sql`update blob_chunks set data = ${bytes} where blob_key = ${sha256} and idx = 0`.execute(
        db.kysely,
      );
    },
    remove: async (sha256) => {
      await sql`delete from blob_chunks where blob_key = ${sha256}`.execute(db.kysely);
      await sql`delete from blobs where sha256 = ${sha256}`.execute(db.kysely);
    },
    abandonUpload: async () => {
      await sql`insert into blob_chunks (blob_key, idx, data, created_at)
        values ('upload:cut-short', 0, ${Buffer.from("half")}, ${new Date().toISOString()})`.execute(
        db.kysely,
      );
    },
    pieces: async () => {
      const rows = await sql<{ key: string }>`select blob_key || ':' || idx as key
        from blob_chunks order by 1`.execute(db.kysely);
      return rows.rows.map((row) => row.key);
    },
    close: async () => {
      await db.close();
      await database.drop();
    },
  };
}

async function s3Harness(): Promise<Harness> {
  const target = await s3TestTarget();
  const store = new S3BlobStore(target, {
    credentials: S3_TEST_CREDENTIALS,
    partBytes: S3_PART_BYTES,
  });
  return {
    store,
    overwrite: (sha256, bytes) => overwriteS3Blob(target, sha256, bytes),
    remove: (sha256) => removeS3Blob(target, sha256),
    abandonUpload: () => abandonS3Upload(target, "cut-short"),
    pieces: () => s3Keys(target),
    close: async () => store.close(),
  };
}

type MakeHarness = () => Harness | Promise<Harness>;
const stores: [string, MakeHarness][] = [["file", fileHarness]];
if (process.env.TEST_DATABASE_URL) stores.push(["postgres", postgresHarness]);
stores.push(["s3", s3Harness]);

const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const from = (...parts: Buffer[]) => Readable.from(parts);
const MB = 1024 * 1024;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A source that sends `bytes`, then fails: a client that hangs up mid-upload. */
function failingAfter(bytes: Buffer): Readable {
  return Readable.from(
    (async function* () {
      yield bytes;
      throw new Error("the client went away");
    })(),
  );
}

const contentPieces = (pieces: string[]) =>
  pieces.filter((p) => !p.startsWith("tmp") && !p.startsWith("upload:"));

describe.each(stores)("%s blob store", (_name, makeHarness) => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("stores content under its SHA-256 and hands back the same bytes", async () => {
    const bytes = randomBytes(70_000);
    const stored = await h.store.put(from(bytes.subarray(0, 1000), bytes.subarray(1000)), MB);
    expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect((await readAll(await h.store.get(stored.sha256))).equals(bytes)).toBe(true);
    expect(await h.store.check(stored.sha256)).toBeNull();
  });

  it("streams a file of several parts in and out whole", async () => {
    const bytes = randomBytes(12 * MB + 321);
    const parts = Array.from({ length: 13 }, (_, i) => bytes.subarray(i * MB, (i + 1) * MB));
    const stored = await h.store.put(from(...parts), 20 * MB);
    expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(sha(await readAll(await h.store.get(stored.sha256)))).toBe(stored.sha256);
    expect(contentPieces(await h.pieces()).length).toBeGreaterThan(0);
    expect((await h.pieces()).filter((p) => p.startsWith("tmp/"))).toEqual([]);
  });

  it("stores the same content once, however often and however concurrently it comes", async () => {
    const small = randomBytes(10_000);
    await Promise.all([1, 2, 3].map(() => h.store.put(from(small), MB)));
    await h.store.put(from(small), MB);
    const once = await h.pieces();
    expect(once).toHaveLength(1);
    expect(once[0]).toContain(sha(small));
  });

  it("refuses empty content and content over the limit, and keeps nothing of either", async () => {
    await expect(h.store.put(from(Buffer.alloc(0)), MB)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await expect(h.store.put(from(randomBytes(7 * MB)), 6 * MB)).rejects.toMatchObject({
      code: "TOO_LARGE",
    });
    expect(await h.pieces()).toEqual([]);
  });

  it("never shows an upload cut short under a content address", async () => {
    await expect(h.store.put(failingAfter(randomBytes(6 * MB)), 20 * MB)).rejects.toThrow(
      "the client went away",
    );
    await expect(h.store.put(failingAfter(randomBytes(1000)), MB)).rejects.toThrow(
      "the client went away",
    );
    expect(contentPieces(await h.pieces())).toEqual([]);
  });

  it("fails a read of changed bytes with a corrupt error, and check says why", async () => {
    const bytes = randomBytes(50_000);
    const { sha256 } = await h.store.put(from(bytes), MB);
    await h.overwrite(sha256, Buffer.from("tampered"));
    await expect(readAll(await h.store.get(sha256))).rejects.toThrow(
      `stored file ${sha256} is corrupt: its content hashes to ${sha(Buffer.from("tampered"))}`,
    );
    expect(await h.store.check(sha256)).toBe(
      `its content hashes to ${sha(Buffer.from("tampered"))}`,
    );
  });

  it("says a missing file is missing, on reading and on checking", async () => {
    const { sha256 } = await h.store.put(from(randomBytes(1000)), MB);
    await h.remove(sha256);
    await expect(h.store.get(sha256)).rejects.toThrow(
      `stored file ${sha256} is corrupt: the file is missing`,
    );
    expect(await h.store.check(sha256)).toBe("the file is missing");
    await expect(h.store.get("not-a-hash")).rejects.toMatchObject({ code: expect.any(String) });
  });

  it("repairs a corrupt copy when the same content is stored again, small or large", async () => {
    for (const bytes of [randomBytes(20_000), randomBytes(11 * MB)]) {
      const { sha256 } = await h.store.put(from(bytes), 20 * MB);
      await h.overwrite(sha256, Buffer.from("tampered"));
      expect(await h.store.check(sha256)).not.toBeNull();
      await h.store.put(from(bytes), 20 * MB);
      expect(await h.store.check(sha256)).toBeNull();
      expect(sha(await readAll(await h.store.get(sha256)))).toBe(sha256);
    }
  });

  it("sweeps what an upload cut short left behind, once it is old enough", async () => {
    const { sha256 } = await h.store.put(from(randomBytes(1000)), MB);
    await h.abandonUpload();
    const now = new Date();
    expect(await h.store.sweepTemporary(60 * 60 * 1000, now)).toBe(0);
    expect(await h.pieces()).toHaveLength(2);
    const later = new Date(now.getTime() + 2 * 60 * 60 * 1000);
    expect(await h.store.sweepTemporary(60 * 60 * 1000, later)).toBe(1);
    expect(contentPieces(await h.pieces())).toHaveLength(1);
    expect(await h.pieces()).toHaveLength(1);
    expect(await h.store.check(sha256)).toBeNull();
  });

  it("serves many reads, some abandoned part-way, without running out of connections", async () => {
    const bytes = randomBytes(3 * MB);
    const { sha256 } = await h.store.put(from(bytes), 4 * MB);
    for (let i = 0; i < 60; i += 1) {
      const stream = await h.store.get(sha256);
      await new Promise<void>((resolve) => stream.once("data", () => resolve()));
      stream.destroy();
    }
    expect(sha(await readAll(await h.store.get(sha256)))).toBe(sha256);
  });
});
