import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { storedPieces } from "../../../test/support/evidence.ts";
import { useApi } from "../../../test/support/http.ts";
import type { Client } from "../../../test/support/http.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { EvidenceItem } from "../../domain/evidence.ts";
import type { Problem } from "../errors.ts";

const LIMIT = 256 * 1024;

let t: TestContext;
let owner: Client;
let org: string;
useApi((s) => ({ t, owner, org } = s), { context: { maxEvidenceBytes: LIMIT } });

type Part =
  | { name: string; value: string }
  | { name: string; fileName: string; type: string; content: Buffer };

/** A multipart/form-data body, parts in the order given. */
function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `attest-${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      "value" in part
        ? `form-data; name="${part.name}"`
        : `form-data; name="${part.name}"; filename="${part.fileName.replace(/["\\]/g, "\\$&")}"\r\nContent-Type: ${part.type}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    chunks.push("value" in part ? Buffer.from(part.value) : part.content);
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const metadata = { title: "Access review Q1", controls: ["AC-04"], forDate: "2026-03-01" };
const sha256 = (content: Buffer | string) => createHash("sha256").update(content).digest("hex");

function upload(parts: Part[]) {
  const { payload, headers } = multipart(parts);
  return owner.request("POST", `/api/v1/orgs/${org}/evidence`, payload, headers);
}

async function uploadFile(content: Buffer, fileName: string, type: string): Promise<EvidenceItem> {
  const response = await upload([
    { name: "metadata", value: JSON.stringify(metadata) },
    { name: "file", fileName, type, content },
  ]);
  expect(response.statusCode).toBe(201);
  return response.json<EvidenceItem>();
}

const download = (id: string, query = "") =>
  owner.request("GET", `/api/v1/orgs/${org}/evidence/${id}/file${query}`);

/** What a refused request must leave: the same rows and the same stored files. */
async function state(): Promise<[string, string[]]> {
  return [await snapshotDatabase(t.ctx.db), await storedPieces(t)];
}

describe("uploading evidence files", () => {
  it("stores a multipart upload and answers 201 with its SHA-256", async () => {
    const content = Buffer.from("user,reviewed\nsam,yes\n");
    const item = await uploadFile(content, "access-review.csv", "text/csv");
    expect(item).toMatchObject({
      kind: "file",
      title: "Access review Q1",
      sha256: sha256(content),
      size: content.length,
      fileName: "access-review.csv",
      mediaType: "text/csv",
      controls: ["AC-04"],
      forFrom: "2026-03-01",
      forTo: "2026-03-01",
    });
    const listed = await owner.request("GET", `/api/v1/orgs/${org}/evidence?control=AC-04`);
    expect(listed.json<{ items: EvidenceItem[] }>().items.map((e) => e.id)).toEqual([item.id]);
  });

  it("streams the same bytes back as an attachment that runs nothing", async () => {
    const content = randomBytes(200 * 1024);
    const item = await uploadFile(content, "export.bin", "application/octet-stream");
    const response = await download(item.id);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(content)).toBe(true);
    expect(response.headers["content-type"]).toBe("application/octet-stream");
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="export.bin"/);
    expect(response.headers["content-security-policy"]).toMatch(/default-src 'none'.*; sandbox$/);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-evidence-sha256"]).toBe(sha256(content));
  });

  it("shows PNG and PDF inline when asked, and never HTML or SVG", async () => {
    const png = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), randomBytes(64)]);
    const cases: [Buffer, string, string, boolean][] = [
      [png, "screenshot.png", "image/png", true],
      [Buffer.from("%PDF-1.7\n%%EOF\n"), "policy.pdf", "application/pdf", true],
      [Buffer.from("<script>alert(1)</script>"), "page.html", "text/html", false],
      [Buffer.from("<svg onload='alert(1)'/>"), "logo.svg", "image/svg+xml", false],
    ];
    for (const [content, fileName, type, inline] of cases) {
      const item = await uploadFile(content, fileName, type);
      const response = await download(item.id, "?inline=1");
      expect(response.rawPayload.equals(content)).toBe(true);
      expect(response.headers["content-disposition"]).toMatch(
        inline ? /^inline; / : /^attachment; /,
      );
      expect(response.headers["content-type"]).toBe(inline ? type : "application/octet-stream");
      // Chromium shows no PDF in a sandboxed document; every other answer is sandboxed.
      const csp = response.headers["content-security-policy"];
      if (type === "application/pdf")
        expect(csp).toBe("default-src 'none'; frame-ancestors 'self'");
      else expect(csp).toContain("sandbox");
      const plain = await download(item.id);
      expect(plain.headers["content-security-policy"]).toContain("sandbox");
      expect(plain.headers["content-disposition"]).toMatch(/^attachment; /);
    }
  });

  it("keeps quotes out of the download's file name header", async () => {
    const item = await uploadFile(
      Buffer.from("%PDF-1.7\n"),
      'report "final".pdf',
      "application/pdf",
    );
    const response = await download(item.id);
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="report _final_.pdf"; filename*=UTF-8''report%20%22final%22.pdf`,
    );
  });

  it("accepts a file exactly at the size limit", async () => {
    const item = await uploadFile(randomBytes(LIMIT), "limit.bin", "application/octet-stream");
    expect(item.size).toBe(LIMIT);
  });

  it("refuses a file over the size limit with 413 naming the file, leaving nothing behind", async () => {
    const before = await state();
    const response = await upload([
      { name: "metadata", value: JSON.stringify(metadata) },
      {
        name: "file",
        fileName: "huge.bin",
        type: "application/octet-stream",
        content: randomBytes(3 * LIMIT),
      },
    ]);
    expect(response.statusCode).toBe(413);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const problem = response.json<Problem>();
    expect(problem.code).toBe("TOO_LARGE");
    expect(problem.errors).toEqual([{ field: "file", message: `larger than ${LIMIT} bytes` }]);
    expect(await state()).toEqual(before);
  });

  it("refuses one byte over the limit the same way", async () => {
    const before = await state();
    const response = await upload([
      { name: "metadata", value: JSON.stringify(metadata) },
      { name: "file", fileName: "over.bin", type: "text/plain", content: randomBytes(LIMIT + 1) },
    ]);
    expect(response.statusCode).toBe(413);
    expect(await state()).toEqual(before);
  });
});

describe("refusing malformed uploads", () => {
  const file: Part = {
    name: "file",
    fileName: "a.txt",
    type: "text/plain",
    content: Buffer.from("x"),
  };

  it.each<[string, Part[], string]>([
    ["metadata that is not JSON", [{ name: "metadata", value: "{title: oops" }, file], "metadata"],
    [
      "a file before the metadata",
      [file, { name: "metadata", value: JSON.stringify(metadata) }],
      "metadata",
    ],
    ["no file at all", [{ name: "metadata", value: JSON.stringify(metadata) }], "file"],
    [
      "an unknown control",
      [{ name: "metadata", value: JSON.stringify({ ...metadata, controls: ["ZZ-99"] }) }, file],
      "controls.0",
    ],
    [
      "a date in the future",
      [{ name: "metadata", value: JSON.stringify({ ...metadata, forDate: "2026-03-03" }) }, file],
      "to",
    ],
    [
      "no date",
      [{ name: "metadata", value: JSON.stringify({ title: "Undated" }) }, file],
      "forDate",
    ],
  ])("refuses %s with 422 naming the field, storing nothing", async (_what, parts, field) => {
    const before = await state();
    const response = await upload(parts);
    expect(response.statusCode).toBe(422);
    const problem = response.json<Problem>();
    expect(problem.code).toBe("VALIDATION_FAILED");
    expect(problem.errors?.map((e) => e.field)).toContain(field);
    expect(await state()).toEqual(before);
  });
});

describe("links and records as JSON", () => {
  const add = (body: object) => owner.request("POST", `/api/v1/orgs/${org}/evidence`, body);

  it("adds a link with the hash of its URL", async () => {
    const url = "https://github.com/acme/api/settings/branches";
    const response = await add({ ...metadata, controls: ["CM-03"], link: url });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ kind: "link", url, sha256: sha256(url) });
  });

  it("adds a structured record", async () => {
    const record = {
      kind: "access-review",
      data: { reviewed: ["sam", "dana"], approver: "olivia" },
    };
    const response = await add({ ...metadata, record });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      kind: "record",
      recordKind: "access-review",
      recordData: record.data,
    });
  });

  it("refuses JSON with neither a link nor a record, or a link that is not http(s)", async () => {
    const before = await state();
    const neither = await add(metadata);
    expect(neither.statusCode).toBe(422);
    expect(neither.json<Problem>().errors?.[0]?.field).toBe("link");
    const ftp = await add({ ...metadata, link: "ftp://files.acme.example/review.csv" });
    expect(ftp.statusCode).toBe(422);
    const broken = await owner.request("POST", `/api/v1/orgs/${org}/evidence`, "{not json", {
      "content-type": "application/json",
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers["content-type"]).toContain("application/problem+json");
    expect(await state()).toEqual(before);
  });
});
