/**
 * Evidence kept in S3 (a local s3rver) behaves as it does on disk or in PostgreSQL: the audit
 * log's verify re-hashes the objects and names a changed or missing one, a bundle refuses a
 * changed object, and adding the same bytes again repairs it. Runs on either engine.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { corruptBlob, fileContent, removeBlob } from "../../../test/support/evidence.ts";
import { S3_TEST_CREDENTIALS, s3Keys, s3TestTarget } from "../../../test/support/s3.ts";
import { createOrg, expectAppError } from "../../../test/support/fixtures.ts";
import type { Actor } from "../../domain/actor.ts";
import { verifyAuditLog } from "../platform/audit-log.service.ts";
import { openContext } from "../platform/context.ts";
import { buildEvidenceBundle } from "../reporting/bundle/build-bundle.ts";
import { verifyBundle } from "../reporting/bundle/verify-bundle.ts";
import { createEngagement } from "../fieldwork/engagements.service.ts";
import { addEvidence, readEvidenceFile } from "./evidence.service.ts";

let t: TestContext;
let owner: Actor;
beforeEach(async () => {
  t = await createTestContext(undefined, { blobs: "s3" });
  owner = await createOrg(t.ctx);
});
afterEach(async () => {
  await t.close();
});

async function addReview(bytes = "user,access\nana,admin\n") {
  return addEvidence(t.ctx, owner, fileContent(bytes, "review.csv"), {
    title: "Access review",
    controls: ["AC-04"],
    forDate: "2025-06-30",
  });
}

describe("evidence in S3", () => {
  it("keeps each file as one object under its SHA-256, and reads it back", async () => {
    const item = await addReview();
    await addReview();
    const keys = t.database.blobStore === null ? [] : await s3Keys(t.database.blobStore);
    expect(keys).toEqual([`sha256/${item.sha256.slice(0, 2)}/${item.sha256}`]);
    const { content } = await readEvidenceFile(t.ctx, owner, item.id);
    expect(await text(content)).toBe("user,access\nana,admin\n");
  });

  it("audit-log verify names an object whose bytes changed, and one that disappeared", async () => {
    const changed = await addReview();
    const gone = await addReview("second file");
    expect(await verifyAuditLog(t.ctx, owner)).toMatchObject({ ok: true, filesChecked: 2 });
    await corruptBlob(t, changed.sha256);
    await removeBlob(t, gone.sha256);
    const result = await verifyAuditLog(t.ctx, owner);
    expect(result.ok).toBe(false);
    expect(result.chain).toBeNull();
    expect(result.corruptFiles).toEqual(
      expect.arrayContaining([
        { sha256: changed.sha256, problem: expect.stringContaining("hashes to") },
        { sha256: gone.sha256, problem: "the file is missing" },
      ]),
    );
    expect(result.corruptFiles).toHaveLength(2);
  });

  it("refuses a changed object on download and in a bundle; the same bytes added again repair it", async () => {
    await createEngagement(t.ctx, owner, {
      type: 2,
      from: "2025-01-01",
      to: "2025-12-31",
      auditFirm: "Ledger & Co",
    });
    const item = await addReview();
    await corruptBlob(t, item.sha256);
    const { content } = await readEvidenceFile(t.ctx, owner, item.id);
    await expect(text(content)).rejects.toThrow(`stored file ${item.sha256} is corrupt`);
    const file = path.join(t.database.dataDir, "bundle.zip");
    const refused = await expectAppError(
      () => buildEvidenceBundle(t.ctx, owner, "E-1", file),
      "INVALID_STATE",
    );
    expect(refused.message).toContain(`evidence ${item.id}`);
    expect(readdirSync(t.database.dataDir).filter((n) => n.startsWith("bundle"))).toEqual([]);

    await addReview();
    expect(await verifyAuditLog(t.ctx, owner)).toMatchObject({ ok: true, corruptFiles: [] });
    const summary = await buildEvidenceBundle(t.ctx, owner, "E-1", file);
    expect(summary.files).toBe(2); // both items, one stored object
    expect((await verifyBundle(file)).ok).toBe(true);
  });

  it("says which store cannot be used and why, at start, without the keys", async () => {
    const target = { ...(await s3TestTarget()), bucket: "no-such-bucket" };
    const error = await expectAppError(
      () =>
        openContext({
          database: t.database.target,
          dataDir: t.database.dataDir,
          blobStore: target,
          s3: { credentials: S3_TEST_CREDENTIALS },
        }),
      "INTERNAL",
    );
    expect(error.message).toContain(
      `cannot use the evidence store (S3 s3://no-such-bucket/${target.prefix} at ${target.endpoint})`,
    );
    expect(error.message).toContain("NoSuchBucket");
    expect(error.message).not.toContain(S3_TEST_CREDENTIALS.secretAccessKey);
  });
});
