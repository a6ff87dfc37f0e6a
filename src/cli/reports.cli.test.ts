import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";
import {
  REPORT_TEST_DAY,
  engagementAtDraftReport,
  finalizeAsAuditor,
  recordTestOpinion,
} from "../../test/support/report.ts";
import type { ReportSetup } from "../../test/support/report.ts";
import { closeContext, openContext } from "../services/platform/context.ts";
import { runCli } from "./main.ts";

const NOW = () => REPORT_TEST_DAY;
let database: TestDatabase;
let setup: ReportSetup;

async function attest(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await runCli(argv, {
    env: database.env,
    now: NOW,
    io: { out: (text) => (out += text), err: (text) => (err += text) },
  });
  return { code, out, err };
}

beforeEach(async () => {
  database = await createTestDatabase();
  const ctx = await openContext({
    database: database.target,
    dataDir: database.dataDir,
    blobStore: database.blobStore,
    now: NOW,
  });
  try {
    setup = await engagementAtDraftReport(ctx);
  } finally {
    await closeContext(ctx);
  }
});

/**
 * The auditor's opinion and the release of the report, which the CLI (acting as the operator,
 * with the owner's role) never does: the auditor dates the report and finalizes it.
 */
async function auditorSignsAndReleases(date: string): Promise<void> {
  const ctx = await openContext({
    database: database.target,
    dataDir: database.dataDir,
    blobStore: database.blobStore,
    now: NOW,
  });
  try {
    await recordTestOpinion(ctx, setup.owner, setup.handle, { date });
    await finalizeAsAuditor(ctx, setup.owner, setup.handle);
  } finally {
    await closeContext(ctx);
  }
}
afterEach(async () => {
  await database.drop();
});

describe("attest report", () => {
  it("reviews, finalizes, builds, shares and bridges an engagement's report", async () => {
    const shown = await attest("report", "show", "E-1");
    expect(shown.out).toContain("Description   complete (DC1–DC9)");
    expect(shown.out).toContain("none recorded (readiness report)");

    // The opinion and the release are the auditor's; the company's owner can do neither.
    const opinion = await attest(
      "report",
      "opinion",
      "E-1",
      "--type",
      "unmodified",
      "--city",
      "Boston, Massachusetts",
    );
    expect(opinion.code).toBe(4);
    expect(opinion.err).toContain("may not perform report:opinion");
    const refused = await attest("report", "finalize", "E-1");
    expect(refused.code).toBe(4);
    expect(refused.err).toContain("may not perform report:finalize");

    expect((await attest("report", "assertion", "E-1", "--approve")).out).toContain("Approved by");
    const opened = await attest(
      "report",
      "comment",
      "E-1",
      "--section",
      "iii",
      "--item",
      "DC3",
      "--text",
      "Name the database.",
    );
    expect(opened.out).toContain("Opened T-1 on section III");
    const both = await attest(
      "report",
      "reply",
      "E-1",
      "T-1",
      "--text",
      "x",
      "--resolve",
      "--dispute",
    );
    expect(both.code).toBe(2);
    expect(
      (await attest("report", "reply", "E-1", "T-1", "--text", "Done.", "--resolve")).out,
    ).toBe("T-1 is resolved.\n");
    expect((await attest("report", "threads", "E-1")).out).toContain("[resolved] Done.");
    await auditorSignsAndReleases("2026-11-19");
    const versions = await attest("report", "versions", "E-1");
    expect(versions.out).toContain("2026-11-19");

    const pdf = path.join(database.dataDir, "report.pdf");
    expect((await attest("report", "build", "E-1", "--format", "pdf", "--out", pdf)).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const jsonFile = path.join(database.dataDir, "report.json");
    await attest("report", "build", "E-1", "--format", "json", "--out", jsonFile);
    expect(JSON.parse(readFileSync(jsonFile, "utf8"))).toMatchObject({
      state: "final",
      version: 1,
    });
    const draft = await attest(
      "report",
      "build",
      "E-1",
      "--format",
      "json",
      "--version",
      "draft",
      "--out",
      jsonFile,
    );
    expect(draft.out).toContain("draft of version 2");
    const badVersion = await attest(
      "report",
      "build",
      "E-1",
      "--format",
      "json",
      "--version",
      "0",
      "--out",
      jsonFile,
    );
    expect(badVersion.code).toBe(3);
    expect(badVersion.err).toContain('version: "0" is not a version');
    const docx = path.join(database.dataDir, "report.docx");
    const badFormat = await attest("report", "build", "E-1", "--format", "docx", "--out", docx);
    expect(badFormat.code).toBe(2);
    expect(badFormat.err).toContain("--format must be one of pdf, html, json, oscal-ssp, oscal-ar");
    expect(existsSync(docx)).toBe(false);

    const badDays = await attest(
      "report",
      "share",
      "E-1",
      "--recipient",
      "Retail Co",
      "--days",
      "0",
    );
    expect(badDays.code).toBe(3);
    expect(badDays.err).toContain("days: must be at least 1 day");
    const shared = await attest(
      "report",
      "share",
      "E-1",
      "--recipient",
      "Retail Co",
      "--days",
      "7",
      "--base-url",
      "https://attest.acme.example",
    );
    expect(shared.out).toMatch(/https:\/\/attest\.acme\.example\/shared\/attest_shr_\S+/);
    expect((await attest("report", "links", "E-1")).out).toMatch(/v1 {2}Retail Co {2}active/);

    const letter = await attest("report", "bridge", "E-1", "--through", "2026-11-20");
    expect(letter.out).toContain(
      "Bridge letter 1 for version 1, 2026-11-01 to 2026-11-20: not approved.",
    );
    const letterFile = path.join(database.dataDir, "bridge.txt");
    const approved = await attest(
      "report",
      "bridge-letter",
      "E-1",
      "--approve",
      "--out",
      letterFile,
    );
    expect(approved.out).toContain("approved by");
    expect(readFileSync(letterFile, "utf8")).toContain("covers its design as of 2026-10-31");
    expect((await attest("report", "standing")).out).toContain("0 months, current");
  });
});
