/**
 * Input an attacker or a broken client sends: NUL characters, file names outside Latin-1,
 * malformed multipart, over-long values. Each is refused (or served) with a clear answer,
 * never a 500, on both engines.
 */
import { describe, expect, it } from "vitest";
import type { TestContext } from "../../test/support/database.ts";
import { client, createOrgViaApi, invite, useApi } from "../../test/support/http.ts";
import type { Api, Client } from "../../test/support/http.ts";
import { snapshotDatabase } from "../../test/support/snapshot.ts";
import type { Problem } from "./errors.ts";

let t: TestContext;
let api: Api;
let owner: Client;
let org: string;
useApi((s) => ({ t, api, owner, org } = s));

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json<T>(): T },
  status: number,
): Problem {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers["content-type"])).toContain("application/problem+json");
  return response.json<Problem>();
}

function multipartBody(boundary: string, fileName: string, content: string): string {
  const metadata = JSON.stringify({
    title: "Name test",
    controls: ["AC-04"],
    forDate: "2026-03-01",
  });
  return (
    `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${metadata}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''` +
    `${encodeURIComponent(fileName)}\r\nContent-Type: text/plain\r\n\r\n${content}\r\n` +
    `--${boundary}--\r\n`
  );
}

describe("NUL characters", () => {
  it("refuses U+0000 in a sign-in body with 422 naming the field, without an account", async () => {
    const response = await client(api).request("POST", "/api/v1/auth/login", {
      email: "nobody\u0000@example.com",
      password: "whatever",
    });
    const problem = expectProblem(response, 422);
    expect(problem.errors?.[0]?.field).toBe("email");
    expect(problem.detail).toContain("U+0000");
  });

  it("refuses U+0000 in a path parameter, a query and a nested body field", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const path = await owner.request("GET", `/api/v1/orgs/${org}/controls/AC%0004`);
    expect(expectProblem(path, 422).errors?.[0]?.field).toBe("ref");
    const query = await owner.request("GET", `/api/v1/orgs/${org}/controls?q=a%00b`);
    expect(expectProblem(query, 422).errors?.[0]?.field).toBe("q");
    const body = await owner.request("POST", `/api/v1/orgs/${org}/evidence`, {
      title: "Record",
      controls: ["AC-04"],
      forDate: "2026-03-01",
      record: { kind: "note", data: { text: "a\u0000b" } },
    });
    expect(expectProblem(body, 422).detail).toContain("U+0000");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });
});

describe("file names outside Latin-1", () => {
  for (const fileName of ["名前.txt", "report–2026.pdf", "emoji😀.png", "über.pdf"]) {
    it(`uploads and downloads ${fileName} with its name intact`, async () => {
      const boundary = "attest-names";
      const upload = await owner.request(
        "POST",
        `/api/v1/orgs/${org}/evidence`,
        multipartBody(boundary, fileName, "hello"),
        { "content-type": `multipart/form-data; boundary=${boundary}` },
      );
      expect(upload.statusCode).toBe(201);
      const { id } = upload.json<{ id: string }>();
      const download = await owner.request("GET", `/api/v1/orgs/${org}/evidence/${id}/file`);
      expect(download.statusCode).toBe(200);
      expect(download.body).toBe("hello");
      const disposition = String(download.headers["content-disposition"]);
      // An ASCII stand-in for old clients, and the exact name for the rest (RFC 8187).
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? "";
      expect(decodeURIComponent(encoded)).toBe(fileName);
    });
  }
});

describe("malformed multipart", () => {
  const cases: [string, string, string][] = [
    ["no boundary", "multipart/form-data", "--x\r\n\r\n"],
    ["a boundary that never appears", "multipart/form-data; boundary=nothere", "just bytes"],
    [
      "a truncated body",
      "multipart/form-data; boundary=cut",
      '--cut\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n{"title":',
    ],
    [
      "a body cut inside the file",
      "multipart/form-data; boundary=cut",
      '--cut\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n' +
        '{"title":"Cut","controls":["AC-04"],"forDate":"2026-03-01"}\r\n' +
        '--cut\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n' +
        "Content-Type: text/plain\r\n\r\nthe first half of",
    ],
  ];
  for (const [name, type, body] of cases) {
    it(`answers 400 problem+json to ${name}, and stores nothing`, async () => {
      const before = await snapshotDatabase(t.ctx.db);
      const response = await owner.request("POST", `/api/v1/orgs/${org}/evidence`, body, {
        "content-type": type,
      });
      expectProblem(response, 400);
      expect(await snapshotDatabase(t.ctx.db)).toBe(before);
    });
  }
});

describe("over-long values", () => {
  it("does not echo a long value back in full", async () => {
    const long = "X".repeat(100_000);
    const response = await owner.request("POST", `/api/v1/orgs/${org}/controls`, {
      ref: long,
      title: "t",
      description: "d",
      kind: "preventive",
      automation: "manual",
      frequency: "annual",
    });
    const problem = expectProblem(response, 422);
    expect(JSON.stringify(problem).length).toBeLessThan(2_000);
  });
});

describe("organization names across tenants", () => {
  it("gives a stranger the next free slug instead of naming another tenant's organization", async () => {
    expect(await createOrgViaApi(owner, "Alpha Corp")).toBe("alpha-corp");
    const stranger = await invite(api, owner, org, "admin", "sam@elsewhere.example");
    const made = await stranger.request("POST", "/api/v1/orgs", { name: "Alpha Corp" });
    expect(made.statusCode).toBe(201);
    expect(made.json<{ organization: { slug: string } }>().organization.slug).toBe("alpha-corp-2");
    // A member of the first one is told, since they can see it anyway.
    const again = await owner.request("POST", "/api/v1/orgs", { name: "Alpha Corp" });
    expect(expectProblem(again, 409).detail).toContain("(alpha-corp)");
  });
});

describe("refusals before any route runs", () => {
  it("answers bad percent-encoding with 400 and an over-long path part with 414, as problems", async () => {
    const bad = await owner.request("GET", `/api/v1/orgs/${org}/controls/%E0%A4%A`);
    expect(expectProblem(bad, 400).code).toBe("MALFORMED");
    const long = await owner.request("GET", `/api/v1/orgs/${org}/controls/${"A".repeat(5000)}`);
    const problem = expectProblem(long, 414);
    expect(JSON.stringify(problem)).not.toContain("AAAAAAAAAA");
  });

  it("says where a JSON body breaks, and still refuses __proto__ keys", async () => {
    const headers = { "content-type": "application/json" };
    const broken = await owner.request(
      "POST",
      `/api/v1/orgs/${org}/controls`,
      '{"ref": "X",, }',
      headers,
    );
    expect(expectProblem(broken, 400).detail).toMatch(/position 12/);
    const poisoned = await owner.request(
      "POST",
      `/api/v1/orgs/${org}/controls`,
      '{"ref":"ACME-1","__proto__":{"admin":true}}',
      headers,
    );
    expectProblem(poisoned, 400);
  });
});

describe("deeply nested evidence records", () => {
  // Written as text: a client's own JSON.stringify would run out of stack first.
  const nested = (depth: number): string => `${'{"k":'.repeat(depth)}"bottom"${"}".repeat(depth)}`;
  const record = (data: string) =>
    owner.request(
      "POST",
      `/api/v1/orgs/${org}/evidence`,
      `{"title":"Nested record","controls":["AC-04"],"forDate":"2026-03-01",` +
        `"record":{"kind":"config","data":${data}}}`,
      { "content-type": "application/json" },
    );

  it("refuses a record nested past 32 levels with 422 naming the field, at any depth", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    for (const depth of [33, 4_100, 100_000]) {
      const problem = expectProblem(await record(nested(depth)), 422);
      expect(problem.errors?.[0]).toEqual({
        field: "data",
        message: "is nested deeper than 32 levels",
      });
    }
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("keeps a record within the limits, and the trail still verifies", async () => {
    expect((await record(nested(31))).statusCode).toBe(201);
    const verify = await owner.request("POST", `/api/v1/orgs/${org}/audit-log/verify`);
    expect(verify.statusCode).toBe(200);
    expect(verify.json<{ ok: boolean }>().ok).toBe(true);
  });
});
