/**
 * The report package over HTTP: review and finalization between an owner and an assigned
 * auditor, the downloads and their headers, share links from the owner's side and from an
 * anonymous reader's (NDA, download, revocation, access log), and the report standing.
 *
 * One organization for the file (the test clock stands at 2026-03-02): a single control mapped
 * to every security criterion, and a Type 1 as of 2025-12-31 tested and moved to draft-report.
 * The tests run in order; each that needs a final version makes one if none exists yet.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { client, createApi, invite, setupOwner } from "../../../test/support/http.ts";
import type { Api, Client } from "../../../test/support/http.ts";
import { COMPLETE_DESCRIPTION } from "../../../test/support/report.ts";
import { criteriaInCategories } from "../../catalog/index.ts";
import type { ReportPackage } from "../../domain/report.ts";
import { NDA_TEXT } from "../../domain/sharing.ts";
import type { AccessRecord } from "../../domain/sharing.ts";
import type { ReviewThread } from "../../domain/review.ts";
import type { Problem } from "../errors.ts";

const ORG_NAME = "Northwind Analytics";
const READER = { name: "Rita Reader", company: "Globex", email: "rita@globex.example" };
/** The auditor's parts of an unmodified Section I; the firm is the engagement's. */
const OPINION = { type: "unmodified", city: "Boston, Massachusetts" };

let t: TestContext;
let api: Api;
let owner: Client;
let auditor: Client;
let org: string;
/** The Type 1 at draft-report, the auditor assigned. */
let engagement: string;

const orgPath = (rest = "") => `/api/v1/orgs/${org}${rest}`;
const reportPath = (rest = "", id = engagement) => orgPath(`/engagements/${id}/report${rest}`);

async function expectOk<T>(
  answer: Promise<{ statusCode: number; body: string; json<U>(): U }>,
  status = 200,
): Promise<T> {
  const response = await answer;
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

beforeAll(async () => {
  t = await createTestContext();
  api = await createApi(t);
  owner = await setupOwner(t, api);
  const created = await expectOk<{ organization: { slug: string } }>(
    owner.request("POST", "/api/v1/orgs", {
      name: ORG_NAME,
      categories: ["security"],
      adoptLibrary: false,
    }),
    201,
  );
  org = created.organization.slug;
  await expectOk(
    owner.request("POST", orgPath("/controls"), {
      ref: "GOV-01",
      title: "Security programme reviewed by leadership",
      description: "Leadership reviews the security programme each quarter.",
      kind: "detective",
      automation: "manual",
      frequency: "quarterly",
      criteria: criteriaInCategories(["security"]).map((c) => c.id),
    }),
    201,
  );
  await expectOk(owner.request("PATCH", orgPath("/controls/GOV-01"), { status: "implemented" }));
  const made = await expectOk<{ id: string; number: number }>(
    owner.request("POST", orgPath("/engagements"), {
      type: 1,
      asOf: "2025-12-31",
      auditFirm: "Ledger & Co",
    }),
    201,
  );
  engagement = `E-${made.number}`;
  for (let step = 0; step < 3; step += 1) {
    await expectOk(owner.request("POST", orgPath(`/engagements/${engagement}/advance`), {}));
  }
  auditor = await invite(api, owner, org, "auditor", "dana@ledger.example");
  await expectOk(
    owner.request(
      "PUT",
      orgPath(`/engagements/${engagement}/auditors/${auditor.session?.user.id ?? ""}`),
    ),
  );
  await expectOk(
    owner.request("POST", orgPath(`/engagements/${engagement}/tests`), {
      control: "GOV-01",
      methods: ["inquiry", "inspection"],
      auditor: "dana@ledger.example",
      design: "suitably-designed",
    }),
    201,
  );
  await expectOk(owner.request("POST", orgPath(`/engagements/${engagement}/advance`), {}));
});

afterAll(async () => {
  await api?.close();
  await t?.close();
});

interface DraftView {
  engagement: { status: string };
  package: ReportPackage;
}

/** Brings the report to a first final version the short way, unless a test already did. */
async function ensureFinal(): Promise<void> {
  const versions = await expectOk<{ items: unknown[] }>(
    owner.request("GET", reportPath("/versions")),
  );
  if (versions.items.length > 0) return;
  await expectOk(owner.request("PUT", reportPath("/description"), COMPLETE_DESCRIPTION));
  const draft = await expectOk<DraftView>(owner.request("GET", reportPath()));
  if (draft.package.assertion.approval === null) {
    await expectOk(owner.request("POST", reportPath("/assertion/approve")));
  }
  await expectOk(auditor.request("POST", reportPath("/finalize"), {}), 201);
}

describe("review and finalization", () => {
  it("the owner describes and approves, the auditor opines and raises a thread, which holds finalization until resolved", async () => {
    expect(
      await expectOk<{ standing: unknown }>(owner.request("GET", orgPath("/report-standing"))),
    ).toEqual({ standing: null });

    const empty = await expectOk<DraftView>(owner.request("GET", reportPath()));
    expect(empty.package.state).toBe("draft");
    expect(empty.package.descriptionGaps.map((g) => g.criterion)).toContain("DC1");
    const described = await expectOk<DraftView>(
      owner.request("PUT", reportPath("/description"), COMPLETE_DESCRIPTION),
    );
    expect(described.package.descriptionGaps).toEqual([]);

    const approved = await expectOk<DraftView>(
      owner.request("POST", reportPath("/assertion/approve")),
    );
    expect(approved.package.assertion.approval).toMatchObject({ name: "Olivia Owner" });

    // The opinion is the auditor's: the owner may not record it.
    const byOwner = await owner.request("PUT", reportPath("/opinion"), OPINION);
    expect(byOwner.statusCode).toBe(403);
    const opined = await expectOk<DraftView>(
      auditor.request("PUT", reportPath("/opinion"), OPINION),
    );
    expect(opined.package.opinion).toMatchObject({ type: "unmodified", recordedByName: "dana" });

    const thread = await expectOk<ReviewThread>(
      auditor.request("POST", reportPath("/threads"), {
        section: "iv",
        item: "GOV-01",
        body: "Please name the quarter each review covered.",
      }),
      201,
    );
    expect(thread).toMatchObject({ number: 1, section: "IV", item: "GOV-01", status: "open" });

    // The auditor dates and releases the report: the owner may not finalize it.
    const byOwnerFinal = await owner.request("POST", reportPath("/finalize"), {});
    expect(byOwnerFinal.statusCode).toBe(403);
    const refused = await auditor.request("POST", reportPath("/finalize"), {});
    expect(refused.statusCode).toBe(409);
    const problem = refused.json<Problem>();
    expect(problem.code).toBe("INVALID_STATE");
    expect(problem.detail).toContain("review thread T-1 on section IV (GOV-01) is open");
    expect(problem.detail).not.toContain("assertion");
    expect(
      (await expectOk<{ items: unknown[] }>(owner.request("GET", reportPath("/versions")))).items,
    ).toEqual([]);

    await expectOk(
      owner.request("POST", reportPath("/threads/T-1/comments"), {
        body: "Each review now names its quarter in the minutes.",
      }),
      201,
    );
    const resolved = await expectOk<ReviewThread>(
      auditor.request("POST", reportPath(`/threads/${thread.id}/comments`), {
        action: "resolved",
        body: "Thank you, resolved.",
      }),
      201,
    );
    expect(resolved.status).toBe("resolved");
    expect(resolved.comments.map((c) => c.authorName)).toEqual(["dana", "Olivia Owner", "dana"]);

    const version = await expectOk<{ version: number; issueDate: string; sha256: string }>(
      auditor.request("POST", reportPath("/finalize"), {}),
      201,
    );
    expect(version).toMatchObject({ version: 1, issueDate: "2026-03-02" });
    expect(version.sha256).toMatch(/^[0-9a-f]{64}$/);
    const shown = await expectOk<{ status: string }>(
      owner.request("GET", orgPath(`/engagements/${engagement}`)),
    );
    expect(shown.status).toBe("final-report");

    // Nothing changed since: no second version.
    const again = await auditor.request("POST", reportPath("/finalize"), {});
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().detail).toContain("no changes since version 1");
  });

  it("an auditor not assigned to an engagement finds no report there to opine on", async () => {
    const other = await expectOk<{ number: number }>(
      owner.request("POST", orgPath("/engagements"), {
        type: 1,
        asOf: "2025-12-31",
        auditFirm: "Ledger & Co",
      }),
      201,
    );
    const response = await auditor.request(
      "PUT",
      reportPath("/opinion", `E-${other.number}`),
      OPINION,
    );
    expect(response.statusCode).toBe(404);
    expect(response.json<Problem>().code).toBe("NOT_FOUND");
  });
});

describe("downloads", () => {
  const download = (query: string) => owner.request("GET", reportPath(`/download?${query}`));

  it("serves the final version as a PDF attachment", async () => {
    await ensureFinal();
    const pdf = await download("format=pdf");
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.headers["content-disposition"]).toMatch(
      /^attachment; filename="northwind-analytics-e-1-soc2-type1-v1\.pdf"/,
    );
    expect(Number(pdf.headers["content-length"])).toBe(pdf.rawPayload.length);
  });

  it("serves HTML that the browser may not run, naming the organization", async () => {
    await ensureFinal();
    const html = await download("format=html");
    expect(html.statusCode, html.body).toBe(200);
    expect(html.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(html.headers["content-security-policy"]).toContain("sandbox");
    expect(html.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(html.headers["content-disposition"]).toMatch(/^attachment; /);
    expect(html.body).toContain(ORG_NAME);
  });

  it("serves the package as JSON: the final version by default, the draft on request", async () => {
    await ensureFinal();
    const final = await download("format=json");
    expect(final.statusCode, final.body).toBe(200);
    expect(final.headers["content-type"]).toContain("application/json");
    expect(final.json<ReportPackage>()).toMatchObject({
      state: "final",
      version: 1,
      issueDate: "2026-03-02",
      organization: { name: ORG_NAME },
    });
    const draft = await download("format=json&version=draft");
    expect(draft.json<ReportPackage>()).toMatchObject({ state: "draft", version: 2 });
    expect((await download("format=json&version=1")).json<ReportPackage>().state).toBe("final");
    const missing = await download("format=json&version=7");
    expect(missing.statusCode).toBe(404);
  });

  it("serves OSCAL documents", async () => {
    await ensureFinal();
    const ssp = await download("format=oscal-ssp");
    expect(ssp.statusCode, ssp.body).toBe(200);
    expect(Object.keys(ssp.json<object>())).toEqual(["system-security-plan"]);
    const ar = await download("format=oscal-ar");
    expect(ar.statusCode, ar.body).toBe(200);
    expect(Object.keys(ar.json<object>())).toEqual(["assessment-results"]);
  });

  it("refuses an unknown format with 422 naming the field", async () => {
    const response = await download("format=docx");
    expect(response.statusCode).toBe(422);
    const problem = response.json<Problem>();
    expect(problem.code).toBe("VALIDATION_FAILED");
    expect(problem.errors?.map((e) => e.field)).toEqual(["format"]);
  });

  it("refuses a version that is not draft, latest or a number, saying which are", async () => {
    const response = await download("format=json&version=v2");
    expect(response.statusCode).toBe(422);
    expect(response.json<Problem>().errors).toEqual([
      { field: "version", message: '"v2" is not a version: use draft, latest or a version number' },
    ]);
  });
});

interface ShareLinkView {
  id: string;
  recipient: string;
  state: string;
  version: number;
  access: AccessRecord[];
}

describe("sharing", () => {
  it("shares only a final version", async () => {
    const draftOnly = await expectOk<{ number: number }>(
      owner.request("POST", orgPath("/engagements"), {
        type: 1,
        asOf: "2025-12-31",
        auditFirm: "Ledger & Co",
      }),
      201,
    );
    const response = await owner.request(
      "POST",
      reportPath("/share-links", `E-${draftOnly.number}`),
      { recipient: "Globex" },
    );
    expect(response.statusCode).toBe(409);
    expect(response.json<Problem>()).toMatchObject({ code: "INVALID_STATE" });
    expect(response.json<Problem>().detail).toContain("finalize it before sharing");
  });

  it("leads an anonymous reader through the NDA to the PDF, until the link is revoked; every step is logged", async () => {
    await ensureFinal();
    const created = await expectOk<{ link: { id: string }; url: string }>(
      owner.request("POST", reportPath("/share-links"), { recipient: "Globex", days: 14 }),
      201,
    );
    expect(created.url).toContain("/shared/attest_shr_");
    const token = created.url.split("/shared/")[1] ?? "";
    const shown = await expectOk<{ status: string }>(
      owner.request("GET", orgPath(`/engagements/${engagement}`)),
    );
    expect(shown.status).toBe("distributed");

    const reader = client(api);
    const shared = `/api/v1/shared/${token}`;
    // A link checker's HEAD is not a visit: the routes do not answer HEAD, and log nothing.
    for (const path of [shared, `${shared}/report?download=x`]) {
      expect((await api.app.inject({ method: "HEAD", url: path })).statusCode).toBe(404);
    }
    const preview = await expectOk<Record<string, string>>(reader.request("GET", shared));
    expect(preview).toMatchObject({
      organization: ORG_NAME,
      issueDate: "2026-03-02",
      recipient: "Globex",
      nda: NDA_TEXT,
    });
    t.advance(1000);

    const early = await reader.request("GET", `${shared}/report?download=bogus`);
    expect(early.statusCode).toBe(403);
    expect(early.json<Problem>().code).toBe("FORBIDDEN");

    const declined = await reader.request("POST", `${shared}/accept`, {
      ...READER,
      accept: false,
    });
    expect(declined.statusCode).toBe(422);
    expect(declined.json<Problem>().errors?.map((e) => e.field)).toEqual(["accept"]);

    const accepted = await expectOk<{ downloadToken: string; expiresAt: string }>(
      reader.request("POST", `${shared}/accept`, { ...READER, accept: true }),
      201,
    );
    expect(accepted.downloadToken).toMatch(/^attest_dld_/);
    expect(accepted.expiresAt).toBe("2026-03-02T10:00:01.000Z");
    t.advance(1000);

    const pdf = await reader.request(
      "GET",
      `${shared}/report?download=${encodeURIComponent(accepted.downloadToken)}`,
    );
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.headers["content-disposition"]).toMatch(/^attachment; /);
    t.advance(1000);

    const revoked = await owner.request("DELETE", reportPath(`/share-links/${created.link.id}`));
    expect(revoked.statusCode, revoked.body).toBe(204);
    const gone = await reader.request("GET", shared);
    expect(gone.statusCode).toBe(410);
    expect(gone.json<Problem>()).toMatchObject({ code: "GONE" });
    expect(gone.json<Problem>().detail).toContain("revoked");

    const links = await expectOk<{ items: ShareLinkView[] }>(
      owner.request("GET", reportPath("/share-links")),
    );
    const link = links.items.find((l) => l.id === created.link.id);
    expect(link).toMatchObject({ recipient: "Globex", state: "revoked", version: 1 });
    expect(link?.access.map((a) => a.event)).toEqual([
      "viewed",
      "nda-accepted",
      "downloaded",
      "refused-revoked",
    ]);
    expect(link?.access.map((a) => a.reader)).toEqual([null, READER, READER, null]);
    expect(link?.access.every((a) => a.address !== null)).toBe(true);

    // Neither the link's secret nor the download token reaches the server's log.
    const log = api.logs.join("\n");
    expect(log).toContain("/api/v1/shared/attest_***");
    expect(log).not.toContain(token);
    expect(log).not.toContain(accepted.downloadToken);
    expect(log).not.toContain(token.slice("attest_shr_".length));
  });

  it("answers 404 for a link that never existed", async () => {
    const response = await client(api).request("GET", "/api/v1/shared/attest_shr_nothing");
    expect(response.statusCode).toBe(404);
  });
});

describe("report standing", () => {
  it("shows the newest final report and its age", async () => {
    await ensureFinal();
    const standing = await expectOk<{ standing: unknown }>(
      auditor.request("GET", orgPath("/report-standing")),
    );
    expect(standing).toEqual({
      standing: {
        engagement: engagement,
        type: 1,
        version: 1,
        issueDate: "2026-03-02",
        coverageEnd: "2025-12-31",
        age: { months: 2, status: "current" },
      },
    });
  });
});
