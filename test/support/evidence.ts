import { readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { sql } from "kysely";
import type { TestContext } from "./database.ts";

/** Loaded only for tests that use S3: the SDK and s3rver are large. */
const s3 = () => import("./s3.ts");

export function fileContent(text: string | Buffer, fileName = "evidence.txt") {
  return { kind: "file" as const, content: Readable.from([Buffer.from(text)]), fileName };
}

/** Changes stored file content behind the system's back, on whichever store is in use. */
export async function corruptBlob(t: TestContext, sha256: string): Promise<void> {
  if (t.database.blobStore !== null) {
    const { overwriteS3Blob } = await s3();
    return overwriteS3Blob(t.database.blobStore, sha256, Buffer.from("tampered"));
  }
  if (t.ctx.db.engine === "sqlite") {
    const file = path.join(t.database.dataDir, "blobs", "sha256", sha256.slice(0, 2), sha256);
    writeFileSync(file, "tampered");
    return;
  }
  await sql`update blob_chunks set data = ${Buffer.from("tampered")} where blob_key = ${sha256}
    and idx = 0`.execute(t.ctx.db.kysely);
}

/** Deletes stored file content behind the system's back. */
export async function removeBlob(t: TestContext, sha256: string): Promise<void> {
  if (t.database.blobStore !== null) return (await s3()).removeS3Blob(t.database.blobStore, sha256);
  if (t.ctx.db.engine === "sqlite") {
    rmSync(path.join(t.database.dataDir, "blobs", "sha256", sha256.slice(0, 2), sha256));
    return;
  }
  await sql`delete from blob_chunks where blob_key = ${sha256}`.execute(t.ctx.db.kysely);
  await sql`delete from blobs where sha256 = ${sha256}`.execute(t.ctx.db.kysely);
}

/** Every stored file or chunk, including temporaries: to show a refused upload left nothing. */
export async function storedPieces(t: TestContext): Promise<string[]> {
  if (t.database.blobStore !== null) return (await s3()).s3Keys(t.database.blobStore);
  if (t.ctx.db.engine === "sqlite") {
    const root = path.join(t.database.dataDir, "blobs");
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(path.join(dir, entry.name)) : [entry.name],
      );
    try {
      return walk(root).sort();
    } catch {
      return [];
    }
  }
  const rows = await sql<{ key: string }>`select blob_key || ':' || idx as key from blob_chunks
    order by 1`.execute(t.ctx.db.kysely);
  return rows.rows.map((row) => row.key);
}
