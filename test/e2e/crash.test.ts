/**
 * kill -9 in the middle of a stream of evidence writes, again and again: every acknowledged
 * item survives with intact content, no partial file sits under a content address, and the
 * audit trail still verifies.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyAuditLog } from "../../src/services/platform/audit-log.service.ts";
import { closeContext, openContext } from "../../src/services/platform/context.ts";
import { listEvidence, readEvidenceFile } from "../../src/services/program/evidence.service.ts";
import { createTestDatabase } from "../support/database.ts";
import type { TestDatabase } from "../support/database.ts";
import { createOrg } from "../support/fixtures.ts";

const WRITER = path.resolve(import.meta.dirname, "../support/evidence-writer.ts");
const KILLS = 10;

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

/** Runs a writer until it has acknowledged `count` items, then kills it with SIGKILL. */
function writeThenKill(env: Record<string, string>, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WRITER], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const acknowledged: string[] = [];
    let buffer = "";
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      acknowledged.push(...lines);
      if (acknowledged.length >= count) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("close", (_code, signal) => {
      if (signal === "SIGKILL") resolve(acknowledged);
      else reject(new Error(`writer exited on its own: ${errors}`));
    });
  });
}

describe("crash safety", () => {
  it(`loses no acknowledged evidence over ${KILLS} kill -9s`, { timeout: 240_000 }, async () => {
    const setup = await openContext({
      database: database.target,
      dataDir: database.dataDir,
      blobStore: database.blobStore,
    });
    const owner = await createOrg(setup, { adoptLibrary: true });
    await closeContext(setup);

    const acknowledged: { id: string; sha256: string }[] = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      const lines = await writeThenKill(
        { ...database.env, WRITER_ORG: owner.organizationId },
        2 + (kill % 4),
      );
      for (const line of lines) {
        const [id, sha256] = line.split(" ");
        acknowledged.push({ id: id ?? "", sha256: sha256 ?? "" });
      }
    }

    const ctx = await openContext({
      database: database.target,
      dataDir: database.dataDir,
      blobStore: database.blobStore,
    });
    try {
      const stored = new Map((await listEvidence(ctx, owner)).map((e) => [e.id, e]));
      for (const item of acknowledged) {
        expect(stored.get(item.id)?.sha256, item.id).toBe(item.sha256);
        const { content } = await readEvidenceFile(ctx, owner, item.id);
        const bytes = await buffer(content);
        expect(createHash("sha256").update(bytes).digest("hex")).toBe(item.sha256);
      }
      const verification = await verifyAuditLog(ctx, owner);
      expect(verification).toMatchObject({ ok: true, chain: null, corruptFiles: [] });
      expect(verification.filesChecked).toBeGreaterThanOrEqual(acknowledged.length);
      if (ctx.db.engine === "sqlite" && database.blobStore === null) {
        // Files on disk: whatever sits under a content address is whole (its bytes hash to
        // its name). In S3 an object appears under its address only once complete.
        const root = path.join(database.dataDir, "blobs", "sha256");
        for (const prefix of readdirSync(root)) {
          for (const name of readdirSync(path.join(root, prefix))) {
            const bytes = readFileSync(path.join(root, prefix, name));
            expect(createHash("sha256").update(bytes).digest("hex")).toBe(name);
          }
        }
      }
    } finally {
      await closeContext(ctx);
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILLS * 2);
  });
});
