import { createHash } from "node:crypto";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { corruptBlob, fileContent, storedPieces } from "../../../test/support/evidence.ts";
import { as, createOrg, expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { Actor } from "../../domain/actor.ts";
import { updateControl } from "./controls.service.ts";
import { createEngagement } from "../fieldwork/engagements.service.ts";
import {
  addEvidence,
  linkEvidenceToControl,
  listEvidence,
  readEvidenceFile,
  removeEvidence,
  showEvidence,
} from "./evidence.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("adding evidence", () => {
  it("stores a file content-addressed, once, and reads it back verified", async () => {
    const first = await addEvidence(t.ctx, owner, fileContent("Q4 access review"), {
      title: "Access review Q4",
      controls: ["AC-04", "ac-06"],
      from: "2025-10-01",
      to: "2025-12-31",
    });
    expect(first).toMatchObject({
      kind: "file",
      sha256: sha("Q4 access review"),
      size: 16,
      forFrom: "2025-10-01",
      forTo: "2025-12-31",
      controls: ["AC-04", "AC-06"],
      addedBy: "ana",
    });
    const again = await addEvidence(t.ctx, owner, fileContent("Q4 access review", "copy.txt"), {
      title: "Same bytes",
      forDate: "2026-01-05",
    });
    expect(again.sha256).toBe(first.sha256);
    const blobs = (await storedPieces(t)).filter((p) => !p.startsWith("upload:"));
    expect(blobs).toHaveLength(1);
    const { content } = await readEvidenceFile(t.ctx, owner, first.id.slice(0, 8));
    expect(await text(content)).toBe("Q4 access review");
  });

  it("stores links and structured records with a hash of what they say", async () => {
    const link = await addEvidence(
      t.ctx,
      owner,
      { kind: "link", url: "https://github.com/acme/api/settings/branches" },
      { title: "Branch protection", controls: ["CM-03"], forDate: "2026-03-01" },
    );
    expect(link.sha256).toBe(sha("https://github.com/acme/api/settings/branches"));
    const record = await addEvidence(
      t.ctx,
      owner,
      { kind: "record", record: { kind: "idp.mfa", data: { enforced: true, users: 42 } } },
      { title: "MFA", source: "automated", controls: ["AC-02"], forDate: "2026-03-02" },
    );
    expect(record).toMatchObject({
      recordKind: "idp.mfa",
      recordData: { enforced: true, users: 42 },
      source: "automated",
      sha256: sha('{"enforced":true,"users":42}'),
    });
  });

  it("refuses bad input naming the field, writing no row and no file", async () => {
    const limited = { ...t.ctx, maxEvidenceBytes: 10 };
    const before = await snapshotDatabase(t.ctx.db);
    const meta = { title: "x", controls: ["AC-04"], forDate: "2026-03-01" };
    const cases: [() => Promise<unknown>, string][] = [
      [() => addEvidence(t.ctx, owner, fileContent(""), meta), "file"],
      [() => addEvidence(t.ctx, owner, fileContent("x"), { ...meta, forDate: "2026-03-03" }), "to"],
      [
        () => addEvidence(t.ctx, owner, fileContent("x"), { ...meta, forDate: "1999-12-31" }),
        "from",
      ],
      [
        () => addEvidence(t.ctx, owner, fileContent("x"), { ...meta, forDate: "2026-02-30" }),
        "forDate",
      ],
      [
        () =>
          addEvidence(t.ctx, owner, fileContent("x"), {
            title: "x",
            from: "2026-02-01",
            to: "2026-01-01",
          }),
        "to",
      ],
      [() => addEvidence(t.ctx, owner, fileContent("x"), { title: "x" }), "forDate"],
      [
        () => addEvidence(t.ctx, owner, fileContent("x"), { ...meta, controls: ["ZZ-01"] }),
        "controls.0",
      ],
      [() => addEvidence(t.ctx, owner, { kind: "link", url: "ftp://x" }, meta), "input"],
    ];
    for (const [attempt, field] of cases) {
      const error = await expectAppError(attempt, "VALIDATION_FAILED");
      expect(error.fieldErrors[0]?.field, error.message).toBe(field);
    }
    const tooLarge = await expectAppError(
      () => addEvidence(limited, owner, fileContent("more than ten bytes"), meta),
      "TOO_LARGE",
    );
    expect(tooLarge.fieldErrors[0]?.field).toBe("file");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
    expect(await storedPieces(t)).toEqual([]);
  });
});

describe("linking, removing and reading", () => {
  it("links one item to more controls instead of uploading it again", async () => {
    const item = await addEvidence(t.ctx, owner, fileContent("ticket export"), {
      title: "Tickets",
      controls: ["CM-01"],
      forDate: "2026-02-27",
    });
    const linked = await linkEvidenceToControl(t.ctx, owner, item.id, "cm-02");
    expect(linked.controls).toEqual(["CM-01", "CM-02"]);
    await expectAppError(() => linkEvidenceToControl(t.ctx, owner, item.id, "CM-02"), "CONFLICT");
    expect((await listEvidence(t.ctx, owner, { control: "CM-02" })).map((e) => e.id)).toEqual([
      item.id,
    ]);
  });

  it("removes with a tombstone and a reason, kept in history", async () => {
    const item = await addEvidence(t.ctx, owner, fileContent("wrong file"), {
      title: "Oops",
      controls: ["CM-01"],
      forDate: "2026-02-27",
    });
    await expectAppError(
      () => removeEvidence(t.ctx, owner, item.id, { reason: "" }),
      "VALIDATION_FAILED",
    );
    const removed = await removeEvidence(t.ctx, owner, item.id, {
      reason: "Uploaded the staging export by mistake.",
    });
    expect(removed).toMatchObject({
      removedBy: "ana",
      removedReason: "Uploaded the staging export by mistake.",
    });
    expect(await listEvidence(t.ctx, owner)).toEqual([]);
    expect(await listEvidence(t.ctx, owner, { includeRemoved: true })).toHaveLength(1);
    const { history } = await showEvidence(t.ctx, owner, item.id);
    expect(history.map((h) => h.action)).toEqual(["evidence.added", "evidence.removed"]);
    // In the audit log's words, the item named by its title.
    expect(history.map((h) => h.sentence)).toEqual([
      "Evidence “Oops” added for CM-01, covering 2026-02-27",
      "Evidence “Oops” removed: Uploaded the staging export by mistake.",
    ]);
    expect(history[0]?.changes).toContainEqual({ field: "controls", from: null, to: "CM-01" });
    expect(history[1]?.changes).toEqual([]);
    await expectAppError(
      () => removeEvidence(t.ctx, owner, item.id, { reason: "again, twice" }),
      "INVALID_STATE",
    );
    await expectAppError(
      () => linkEvidenceToControl(t.ctx, owner, item.id, "CM-02"),
      "INVALID_STATE",
    );
  });

  it("repairs a corrupted file when the same bytes are added again", async () => {
    const meta = { title: "Scan", controls: ["OP-03"], forDate: "2026-03-01" };
    const item = await addEvidence(t.ctx, owner, fileContent("pristine bytes"), meta);
    await corruptBlob(t, item.sha256);
    await addEvidence(t.ctx, owner, fileContent("pristine bytes"), { ...meta, title: "Again" });
    const { content } = await readEvidenceFile(t.ctx, owner, item.id);
    expect(await text(content)).toBe("pristine bytes");
  });

  it("reports a corrupted file clearly instead of serving it", async () => {
    const item = await addEvidence(t.ctx, owner, fileContent("the real content"), {
      title: "Scan",
      controls: ["OP-03"],
      forDate: "2026-03-01",
    });
    await corruptBlob(t, item.sha256);
    const { content } = await readEvidenceFile(t.ctx, owner, item.id);
    await expect(text(content)).rejects.toThrow(`stored file ${item.sha256} is corrupt`);
  });
});

describe("who may touch evidence", () => {
  it("lets a control owner add evidence only for their own controls; auditors only read", async () => {
    await updateControl(t.ctx, owner, "AC-04", { owner: "user:li" });
    const li = as(owner, "control-owner", "user:li");
    const meta = { title: "x", forDate: "2026-03-01" };
    await addEvidence(t.ctx, li, fileContent("mine"), { ...meta, controls: ["AC-04"] });
    await expectAppError(
      () => addEvidence(t.ctx, li, fileContent("not mine"), { ...meta, controls: ["AC-05"] }),
      "FORBIDDEN",
    );
    // Evidence on no control at all would be nobody's: an admin may file it, a control owner not.
    const unlinked = await expectAppError(
      () => addEvidence(t.ctx, li, fileContent("loose"), { ...meta, controls: [] }),
      "FORBIDDEN",
    );
    expect(unlinked.fieldErrors[0]?.field).toBe("controls");
    await addEvidence(t.ctx, owner, fileContent("loose"), { ...meta, controls: [] });
    const auditor = as(owner, "auditor");
    await expectAppError(
      () => addEvidence(t.ctx, auditor, fileContent("x"), { ...meta, controls: ["AC-04"] }),
      "FORBIDDEN",
    );
    // Without an engagement, an auditor sees no evidence at all.
    expect(await listEvidence(t.ctx, auditor)).toHaveLength(0);
  });

  it("shows an auditor only the evidence dated inside their engagements' periods", async () => {
    const meta = { title: "x", controls: ["AC-04"] };
    const inside = await addEvidence(t.ctx, owner, fileContent("inside"), {
      ...meta,
      forDate: "2026-02-10",
    });
    const outside = await addEvidence(t.ctx, owner, fileContent("outside"), {
      ...meta,
      forDate: "2025-01-10",
    });
    const firm = { auditFirm: "Ledger & Co" };
    const engagement = await createEngagement(t.ctx, owner, {
      type: 1,
      asOf: "2026-02-28",
      ...firm,
    });
    const other = await createEngagement(t.ctx, owner, { type: 1, asOf: "2025-01-31", ...firm });
    const auditor = as(owner, "auditor", "user:kim", { engagements: [engagement.id] });
    expect((await listEvidence(t.ctx, auditor)).map((e) => e.id)).toEqual([inside.id]);
    expect((await showEvidence(t.ctx, auditor, inside.id)).evidence.id).toBe(inside.id);
    await expectAppError(() => showEvidence(t.ctx, auditor, outside.id), "NOT_FOUND");
    await expectAppError(() => readEvidenceFile(t.ctx, auditor, outside.id), "NOT_FOUND");
    const both = as(owner, "auditor", "user:kim", { engagements: [engagement.id, other.id] });
    expect(await listEvidence(t.ctx, both)).toHaveLength(2);
  });

  it("never shows another organization's evidence", async () => {
    const item = await addEvidence(t.ctx, owner, fileContent("ours"), {
      title: "Ours",
      controls: ["AC-04"],
      forDate: "2026-03-01",
    });
    const other = await createOrg(t.ctx, { name: "Other" });
    expect(await listEvidence(t.ctx, other)).toEqual([]);
    await expectAppError(() => showEvidence(t.ctx, other, item.id), "NOT_FOUND");
    await expectAppError(() => readEvidenceFile(t.ctx, other, item.id), "NOT_FOUND");
    await expectAppError(
      () => removeEvidence(t.ctx, other, item.id, { reason: "not yours at all" }),
      "NOT_FOUND",
    );
  });
});
