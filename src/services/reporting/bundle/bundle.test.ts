import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { flipByteInPlace, readZip, rewriteZip } from "../../../../test/support/bundles.ts";
import type { ZipEntry } from "../../../../test/support/bundles.ts";
import type { TestContext } from "../../../../test/support/database.ts";
import { corruptBlob, fileContent } from "../../../../test/support/evidence.ts";
import { as, expectAppError, useOrganization } from "../../../../test/support/fixtures.ts";
import { snapshotDatabase } from "../../../../test/support/snapshot.ts";
import type { Actor } from "../../../domain/actor.ts";
import { listAuditLog } from "../../platform/audit-log.service.ts";
import { createControl } from "../../program/controls.service.ts";
import { advanceEngagement, createEngagement } from "../../fieldwork/engagements.service.ts";
import { addEvidence, removeEvidence } from "../../program/evidence.service.ts";
import { organizationSigningKey } from "../signing-keys.ts";
import { buildEvidenceBundle } from "./build-bundle.ts";
import { MANIFEST_PATH, publicKeyObject, rawPublicKey } from "./manifest.ts";
import type { BundleManifest } from "./manifest.ts";
import { verifyBundle } from "./verify-bundle.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

const PERIOD = { from: "2025-01-01", to: "2025-12-31" };
const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const out = (name: string) => path.join(t.database.dataDir, name);

async function engagement(): Promise<string> {
  const e = await createEngagement(t.ctx, owner, { type: 2, ...PERIOD, auditFirm: "Ledger & Co" });
  return e.id;
}

/** A file serving two controls, a link, a record; and four items that must stay out. */
async function seedEvidence() {
  const review = await addEvidence(t.ctx, owner, fileContent("Q2 access review\n", "review.csv"), {
    title: "Access review Q2",
    controls: ["AC-06", "AC-04"],
    from: "2025-04-01",
    to: "2025-06-30",
  });
  const policy = await addEvidence(t.ctx, owner, fileContent(Buffer.alloc(300_000, 7), "p.pdf"), {
    title: "Security policy",
    controls: ["GV-01"],
    // Straddles the period's start: its dates touch the period, so it counts.
    from: "2024-12-01",
    to: "2025-01-31",
  });
  const link = await addEvidence(
    t.ctx,
    owner,
    { kind: "link", url: "https://github.com/acme/api/settings/branches" },
    { title: "Branch protection", controls: ["CM-03"], forDate: "2025-03-01" },
  );
  const record = await addEvidence(
    t.ctx,
    owner,
    { kind: "record", record: { kind: "idp.mfa", data: { enforced: true, users: 42 } } },
    { title: "MFA", source: "automated", controls: ["AC-02"], forDate: "2025-09-30" },
  );
  const before = await addEvidence(t.ctx, owner, fileContent("2024 review"), {
    title: "Old review",
    controls: ["AC-06"],
    forDate: "2024-06-30",
  });
  const removed = await addEvidence(t.ctx, owner, fileContent("withdrawn"), {
    title: "Withdrawn",
    controls: ["AC-06"],
    forDate: "2025-05-05",
  });
  await removeEvidence(t.ctx, owner, removed.id, { reason: "Uploaded to the wrong control." });
  const unlinked = await addEvidence(t.ctx, owner, fileContent("loose"), {
    title: "Not linked to any control",
    forDate: "2025-05-05",
  });
  await createControl(t.ctx, owner, {
    ref: "ACME-01",
    title: "Unmapped control",
    description: "Mapped to no criterion, so no engagement tests it.",
    kind: "detective",
    automation: "manual",
    frequency: "monthly",
  });
  const unmapped = await addEvidence(t.ctx, owner, fileContent("unmapped"), {
    title: "For an unmapped control",
    controls: ["ACME-01"],
    forDate: "2025-05-05",
  });
  return { review, policy, link, record, excluded: [before, removed, unlinked, unmapped] };
}

function manifestOf(entries: ZipEntry[]): BundleManifest {
  const bytes = entries.find((e) => e.name === MANIFEST_PATH)?.data;
  if (bytes === undefined) throw new Error("no manifest");
  return JSON.parse(bytes.toString("utf8")) as BundleManifest;
}

describe("building the evidence bundle", () => {
  it("holds the period's evidence by control, with a signed manifest that verifies", async () => {
    const id = await engagement();
    const seeded = await seedEvidence();
    const file = out("bundle.zip");
    const summary = await buildEvidenceBundle(t.ctx, owner, "E-1", file);
    const key = await organizationSigningKey(t.ctx, owner);
    expect(summary).toMatchObject({ engagement: "E-1", files: 4, signingKey: key });

    const entries = await readZip(file);
    const manifest = manifestOf(entries);
    const names = entries.map((e) => e.name);
    expect(names.slice(0, 3)).toEqual(["manifest.json", "manifest.sig", "README.txt"]);
    expect(summary.evidenceBytes).toBe(manifest.files.reduce((sum, f) => sum + f.size, 0));
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual([
      `evidence/AC-02/2025-09-30_${seeded.record.id.slice(0, 8)}_idp.mfa.record.json`,
      // Stored once, under the first of its controls; the manifest names both.
      `evidence/AC-04/2025-04-01_${seeded.review.id.slice(0, 8)}_review.csv`,
      `evidence/CM-03/2025-03-01_${seeded.link.id.slice(0, 8)}_Branch_protection.link.json`,
      `evidence/GV-01/2024-12-01_${seeded.policy.id.slice(0, 8)}_p.pdf`,
    ]);
    expect(names.slice(3)).toEqual(paths);
    // Every entry's CRC-32 is right, so unzip tools accept the archive (see zip-crc.ts).
    for (const entry of entries) expect(entry.crc32, entry.name).toBe(zlib.crc32(entry.data));
    const review = manifest.files[1];
    expect(review).toMatchObject({
      evidenceId: seeded.review.id,
      sha256: sha("Q2 access review\n"),
      size: 17,
      controls: ["AC-04", "AC-06"],
      from: "2025-04-01",
      to: "2025-06-30",
      source: "manual",
      kind: "file",
      addedBy: "ana",
    });
    const byRef = new Map(manifest.controls.map((c) => [c.ref, c.files]));
    expect(byRef.get("AC-06")).toEqual([review?.path]);
    expect(byRef.get("AC-04")).toEqual([review?.path]);
    const excludedIds = new Set(seeded.excluded.map((e) => e.id));
    expect(manifest.files.filter((f) => excludedIds.has(f.evidenceId))).toEqual([]);

    // Links and records are JSON; their stored hash is of the URL, of the record's data.
    const linkJson = JSON.parse(
      entries.find((e) => e.name === manifest.files[2]?.path)?.data.toString() ?? "{}",
    ) as { url: string };
    expect(linkJson.url).toBe("https://github.com/acme/api/settings/branches");
    expect(manifest.files[2]?.storedSha256).toBe(sha(linkJson.url));
    expect(manifest.files[0]?.storedSha256).toBe(sha('{"enforced":true,"users":42}'));

    expect(manifest).toMatchObject({
      format: "attest-evidence-bundle/1",
      organization: { name: "Acme Cloud" },
      engagement: { id, label: "E-1", type: 2, periodFrom: PERIOD.from, frozenAt: null },
      evidenceWindow: PERIOD,
      generatedAt: "2026-03-02T09:00:00.000Z",
      signingKey: { algorithm: "Ed25519", publicKey: key.publicKey, fingerprint: key.fingerprint },
    });
    expect(key.fingerprint).toBe(
      `SHA256:${createHash("sha256")
        .update(rawPublicKey(key.publicKey) ?? Buffer.alloc(0))
        .digest("base64")
        .replace(/=+$/, "")}`,
    );
    expect(publicKeyObject(rawPublicKey(key.publicKey) ?? Buffer.alloc(0)).asymmetricKeyType).toBe(
      "ed25519",
    );

    const verified = await verifyBundle(file, { expectedKey: key.fingerprint });
    expect(verified.problems).toEqual([]);
    expect(verified).toMatchObject({ ok: true, signature: "valid", key: "expected" });
    expect(verified.entriesChecked).toBe(5);
    expect((await verifyBundle(file)).key).toBe("not-checked");
  });

  it("makes the key once, on first need, and records that in the audit trail", async () => {
    await engagement();
    await buildEvidenceBundle(t.ctx, owner, "E-1", out("a.zip"));
    const first = await organizationSigningKey(t.ctx, as(owner, "employee"));
    await buildEvidenceBundle(t.ctx, owner, "E-1", out("b.zip"));
    expect(await organizationSigningKey(t.ctx, owner)).toEqual(first);
    const events = (await listAuditLog(t.ctx, owner, { action: "signing-key.created" })).items;
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ fingerprint: first.fingerprint });
    expect(JSON.stringify(events)).not.toMatch(/private/i);
  });

  it("uses the frozen control set once fieldwork began", async () => {
    await engagement();
    for (let i = 0; i < 3; i += 1) await advanceEngagement(t.ctx, owner, "E-1");
    await addEvidence(t.ctx, owner, fileContent("frozen"), {
      title: "Frozen control's evidence",
      controls: ["AC-06"],
      forDate: "2025-07-01",
    });
    await createControl(t.ctx, owner, {
      ref: "ACME-02",
      title: "Added after fieldwork began",
      description: "Not in the snapshot.",
      kind: "detective",
      automation: "manual",
      frequency: "monthly",
      criteria: ["CC6.1"],
    });
    await addEvidence(t.ctx, owner, fileContent("late"), {
      title: "New control's evidence",
      controls: ["ACME-02"],
      forDate: "2025-07-01",
    });
    await buildEvidenceBundle(t.ctx, owner, "E-1", out("frozen.zip"));
    const manifest = manifestOf(await readZip(out("frozen.zip")));
    expect(manifest.files.map((f) => f.title)).toEqual(["Frozen control's evidence"]);
    expect(manifest.engagement.frozenAt).not.toBeNull();
  });

  it("stops on a stored file whose bytes changed, naming the item, and leaves no file", async () => {
    await engagement();
    const { review } = await seedEvidence();
    await corruptBlob(t, review.sha256);
    const file = out("corrupt.zip");
    const error = await expectAppError(
      () => buildEvidenceBundle(t.ctx, owner, "E-1", file),
      "INVALID_STATE",
    );
    expect(error.message).toContain(`evidence ${review.id} ("Access review Q2", AC-04, AC-06)`);
    expect(error.message).toContain("corrupt");
    expect(readdirSync(t.database.dataDir).filter((n) => n.includes("corrupt"))).toEqual([]);
  });

  it("is for owners, admins and assigned auditors; others are refused and change nothing", async () => {
    const id = await engagement();
    await seedEvidence();
    await buildEvidenceBundle(t.ctx, owner, "E-1", out("warm.zip")); // makes the key
    const before = await snapshotDatabase(t.ctx.db);
    const stranger = as(owner, "auditor", "user:kim", { engagements: [] });
    await expectAppError(
      () => buildEvidenceBundle(t.ctx, stranger, "E-1", out("x.zip")),
      "NOT_FOUND",
    );
    for (const role of ["control-owner", "employee"] as const) {
      await expectAppError(
        () => buildEvidenceBundle(t.ctx, as(owner, role), "E-1", out("x.zip")),
        "FORBIDDEN",
      );
    }
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
    expect(existsSync(out("x.zip"))).toBe(false);
    const assigned = as(owner, "auditor", "user:kim", { engagements: [id] });
    expect((await buildEvidenceBundle(t.ctx, assigned, id, out("auditor.zip"))).files).toBe(4);
    expect(
      (await buildEvidenceBundle(t.ctx, as(owner, "admin"), "E-1", out("admin.zip"))).files,
    ).toBe(4);
  });
});

describe("verifying a tampered bundle", () => {
  async function built(): Promise<{ file: string; manifest: BundleManifest; fingerprint: string }> {
    await engagement();
    await seedEvidence();
    const file = out("good.zip");
    const summary = await buildEvidenceBundle(t.ctx, owner, "E-1", file);
    return {
      file,
      manifest: manifestOf(await readZip(file)),
      fingerprint: summary.signingKey.fingerprint,
    };
  }

  it("names a file with one changed byte, in place or in a re-packed archive", async () => {
    const { file, manifest } = await built();
    const target = manifest.files[3]?.path ?? "";
    await flipByteInPlace(file, target, out("flipped.zip"));
    const inPlace = await verifyBundle(out("flipped.zip"));
    expect(inPlace.ok).toBe(false);
    expect(inPlace.signature).toBe("valid");
    expect(inPlace.problems).toEqual([
      expect.objectContaining({ kind: "hash-mismatch", path: target }),
    ]);

    await rewriteZip(file, out("repacked.zip"), (entries) =>
      entries.map((e) => {
        if (e.name !== target) return e;
        const data = Buffer.from(e.data);
        data[10] = (data[10] ?? 0) ^ 0xff;
        return { ...e, data };
      }),
    );
    const repacked = await verifyBundle(out("repacked.zip"));
    expect(repacked.problems.map((p) => `${p.kind} ${p.path}`)).toEqual([
      `hash-mismatch ${target}`,
    ]);
  });

  it("names a removed file, and an added one", async () => {
    const { file, manifest } = await built();
    const gone = manifest.files[1]?.path ?? "";
    await rewriteZip(file, out("removed.zip"), (entries) => [
      ...entries.filter((e) => e.name !== gone),
      { name: "evidence/AC-04/extra.txt", data: Buffer.from("slipped in") },
    ]);
    const result = await verifyBundle(out("removed.zip"));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => `${p.kind} ${p.path}`).sort()).toEqual(
      [`extra evidence/AC-04/extra.txt`, `missing ${gone}`].sort(),
    );
  });

  it("refuses a changed manifest: the signature no longer matches", async () => {
    const { file, manifest } = await built();
    const target = manifest.files[0];
    await rewriteZip(file, out("manifest.zip"), (entries) =>
      entries.map((e) =>
        e.name === MANIFEST_PATH
          ? {
              ...e,
              data: Buffer.from(
                e.data
                  .toString()
                  .replace(`"size": ${target?.size},`, `"size": ${(target?.size ?? 0) + 1},`),
              ),
            }
          : e,
      ),
    );
    const result = await verifyBundle(out("manifest.zip"));
    expect(result.ok).toBe(false);
    expect(result.signature).toBe("invalid");
    expect(result.problems.map((p) => `${p.kind} ${p.path}`)).toEqual([
      "bad-signature manifest.json",
      `size-mismatch ${target?.path}`,
    ]);
  });

  it("refuses a bundle signed with a key other than the expected one", async () => {
    const { file, fingerprint } = await built();
    const other = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    const result = await verifyBundle(file, { expectedKey: other });
    expect(result).toMatchObject({ ok: false, signature: "valid", key: "unexpected" });
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: "key-mismatch", path: "manifest.json" }),
    ]);
    expect(result.problems[0]?.detail).toContain(fingerprint);
    const key = await organizationSigningKey(t.ctx, owner);
    const pem = publicKeyObject(rawPublicKey(key.publicKey) ?? Buffer.alloc(0))
      .export({ format: "pem", type: "spki" })
      .toString();
    for (const expectedKey of [fingerprint, key.publicKey, pem]) {
      expect((await verifyBundle(file, { expectedKey })).ok).toBe(true);
    }
  });

  it("refuses a missing signature and a file that is not a ZIP", async () => {
    const { file } = await built();
    await rewriteZip(file, out("unsigned.zip"), (entries) =>
      entries.filter((e) => e.name !== "manifest.sig"),
    );
    const unsigned = await verifyBundle(out("unsigned.zip"));
    expect(unsigned).toMatchObject({ ok: false, signature: "missing" });
    expect(unsigned.problems.map((p) => `${p.kind} ${p.path}`)).toEqual([
      "bad-signature manifest.sig",
    ]);
    await expectAppError(
      () => verifyBundle(path.join(t.database.dataDir, "nope.zip")),
      "VALIDATION_FAILED",
    );
  });
});
