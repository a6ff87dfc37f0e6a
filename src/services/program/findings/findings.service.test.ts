import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../../test/support/database.ts";
import { as, expectAppError, useOrganization } from "../../../../test/support/fixtures.ts";
import {
  ROOT,
  cloudTrailFile,
  consoleLogin,
  manySarifResults,
  prowlerOcsf,
  sarifLog,
} from "../../../../test/support/findings-files.ts";
import { snapshotDatabase } from "../../../../test/support/snapshot.ts";
import type { Actor } from "../../../domain/actor.ts";
import { listAuditLog } from "../../platform/audit-log.service.ts";
import { updateControl } from "../controls.service.ts";
import { getReadiness } from "../readiness.service.ts";
import { listTasks } from "../tasks.service.ts";
import { importFindings } from "./findings-import.service.ts";
import {
  listFindingsOf,
  recordFindingsEvidence,
  showFinding,
  triageFinding,
} from "./findings.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

const DAY = 24 * 60 * 60 * 1000;
const bytes = (text: string) => new TextEncoder().encode(text);

function sarif(fileName: string, text: string) {
  return importFindings(t.ctx, owner, { source: "sarif", fileName, content: bytes(text) });
}

async function reasonsFor(criterion: string): Promise<string> {
  const report = await getReadiness(t.ctx, owner);
  return report.criteria.find((c) => c.id === criterion)?.reasons.join("\n") ?? "";
}

describe("importing SARIF", () => {
  it("makes 500 findings of 500 results, and 500 again when the same file is imported twice", async () => {
    const file = sarifLog(manySarifResults(500));
    const first = await sarif("codeql.sarif", file);
    expect(first.import.counts).toEqual({
      results: 500,
      created: 500,
      seenAgain: 0,
      reopened: 0,
      closed: 0,
    });
    const second = await sarif("codeql.sarif", file);
    expect(second.import.counts).toMatchObject({ created: 0, seenAgain: 500 });
    expect(second.import.ref).toBe("FI-2");
    const listed = await listFindingsOf(t.ctx, owner, { source: "sarif" });
    expect(listed.items).toHaveLength(500);
    expect(listed.items.every((f) => f.lastImport === "FI-2")).toBe(true);
    const events = (await listAuditLog(t.ctx, owner, {})).items.filter(
      (e) => e.action === "finding.imported",
    );
    expect(events.map((e) => e.target.id)).toEqual(["FI-2", "FI-1"]);
  });

  it("writes nothing for a malformed file and names the bad element", async () => {
    await sarif("good.sarif", sarifLog(manySarifResults(3)));
    const before = await snapshotDatabase(t.ctx.db);
    const log = JSON.parse(sarifLog(manySarifResults(10))) as {
      runs: { results: Record<string, unknown>[] }[];
    };
    const bad = log.runs[0]?.results[7];
    if (bad !== undefined) bad.message = "not an object";
    const error = await expectAppError(
      () => sarif("bad.sarif", JSON.stringify(log)),
      "VALIDATION_FAILED",
    );
    expect(error.message).toContain("runs[0].results[7].message");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("dates deadlines by severity and feeds OP-03's readiness and its owner's tasks when late", async () => {
    await updateControl(t.ctx, owner, "OP-03", { owner: "sec@acme.test", status: "implemented" });
    await sarif(
      "scan.sarif",
      sarifLog([
        { rule: "js/sql-injection", file: "src/db.ts", line: 4, score: "9.1" },
        { rule: "js/weak-hash", file: "src/auth.ts", line: 9, score: "5.0" },
      ]),
    );
    const [medium, critical] = (await listFindingsOf(t.ctx, owner)).items;
    expect(critical).toMatchObject({ ref: "F-1", severity: "critical", dueOn: "2026-03-17" });
    expect(medium).toMatchObject({ ref: "F-2", severity: "medium", dueOn: "2026-05-31" });
    expect(await reasonsFor("CC7.1")).not.toContain("past its remediation deadline");

    t.advance(20 * DAY);
    expect(await reasonsFor("CC7.1")).toContain(
      "OP-03 (Vulnerability scanning with remediation deadlines) is implemented but 1 finding is past its remediation deadline (F-1 critical on src/db.ts, due 2026-03-17)",
    );
    const tasks = await listTasks(t.ctx, owner, { mine: false, source: "finding" });
    expect(tasks).toEqual([
      expect.objectContaining({
        id: "finding:OP-03",
        status: "overdue",
        dueBy: "2026-03-17",
        assignee: { userId: null, email: "sec@acme.test", name: null },
        reason: "2 open findings, 1 past their deadline",
      }),
    ]);

    await triageFinding(t.ctx, owner, "F-1", {
      decision: "remediated",
      reason: "parameterized in PR #812",
    });
    expect(await reasonsFor("CC7.1")).not.toContain("past its remediation deadline");
    const shown = await showFinding(t.ctx, owner, "f-1");
    expect(shown.finding.triage).toMatchObject({
      decision: "remediated",
      reason: "parameterized in PR #812",
    });
    expect(shown.history.map((h) => h.action)).toEqual(["finding.triaged"]);
  });

  it("reopens a remediated finding that a later scan reports again", async () => {
    const file = sarifLog([{ rule: "r", file: "a.ts", line: 1, score: "7.0" }]);
    await sarif("one.sarif", file);
    await triageFinding(t.ctx, owner, "F-1", { decision: "remediated", reason: "fixed" });
    const again = await sarif("two.sarif", file);
    expect(again.reopened).toEqual(["F-1"]);
    const [finding] = (await listFindingsOf(t.ctx, owner)).items;
    expect(finding).toMatchObject({ status: "open", triage: null });
  });
});

describe("triage", () => {
  it("needs a reason, refuses a closed finding, and is not for a control owner", async () => {
    await sarif("s.sarif", sarifLog([{ rule: "r", file: "a.ts", line: 1 }]));
    const missing = await expectAppError(
      () => triageFinding(t.ctx, owner, "F-1", { decision: "false-positive", reason: " " }),
      "VALIDATION_FAILED",
    );
    expect(missing.message).toContain("reason");
    await expectAppError(
      () =>
        triageFinding(t.ctx, as(owner, "control-owner", "u-co", { email: "co@acme.test" }), "F-1", {
          decision: "false-positive",
          reason: "test code",
        }),
      "FORBIDDEN",
    );
    await triageFinding(t.ctx, owner, "F-1", { decision: "false-positive", reason: "test code" });
    await expectAppError(
      () => triageFinding(t.ctx, owner, "F-1", { decision: "risk-accepted", reason: "again" }),
      "CONFLICT",
    );
    await expectAppError(
      () => triageFinding(t.ctx, owner, "F-9", { decision: "remediated", reason: "x" }),
      "NOT_FOUND",
    );
  });

  it("is not visible to an employee or an auditor", async () => {
    await expectAppError(() => listFindingsOf(t.ctx, as(owner, "employee")), "FORBIDDEN");
    await expectAppError(() => listFindingsOf(t.ctx, as(owner, "auditor")), "FORBIDDEN");
  });
});

describe("Prowler", () => {
  it("closes an open finding when the next scan passes it", async () => {
    const prowler = (items: Parameters<typeof prowlerOcsf>[0]) =>
      importFindings(t.ctx, owner, {
        source: "prowler",
        fileName: "prowler.ocsf.json",
        content: bytes(prowlerOcsf(items)),
      });
    await prowler([
      { check: "s3_bucket_default_encryption", resource: "logs", status: "FAIL" },
      { check: "s3_bucket_default_encryption", resource: "site", status: "FAIL" },
    ]);
    const next = await prowler([
      { check: "s3_bucket_default_encryption", resource: "logs", status: "PASS" },
      { check: "s3_bucket_default_encryption", resource: "site", status: "FAIL" },
    ]);
    expect(next.closed).toEqual(["F-1"]);
    const byRef = new Map((await listFindingsOf(t.ctx, owner)).items.map((f) => [f.ref, f]));
    expect(byRef.get("F-1")?.triage).toMatchObject({
      decision: "remediated",
      reason: "passed in prowler.ocsf.json (FI-2)",
    });
    expect(byRef.get("F-2")?.status).toBe("open");
  });
});

describe("CloudTrail", () => {
  it("gives exactly 2 findings for a root sign-in and a sign-in without MFA, from a gzip file", async () => {
    const file = cloudTrailFile([
      consoleLogin("2026-03-01T08:00:00Z", "Success", "Yes", ROOT),
      consoleLogin("2026-03-01T09:00:00Z", "Success", "No"),
      consoleLogin("2026-03-01T09:30:00Z", "Success", "Yes"),
    ]);
    const outcome = await importFindings(t.ctx, owner, {
      source: "cloudtrail",
      fileName: "123456789012_CloudTrail_us-east-1_20260301T0900Z_abc.json.gz",
      content: gzipSync(file),
    });
    expect(outcome.import.counts.created).toBe(2);
    const items = (await listFindingsOf(t.ctx, owner, { source: "cloudtrail" })).items;
    expect(items.map((f) => [f.ruleId, f.dueOn]).sort()).toEqual([
      ["console-sign-in-without-mfa", "2026-03-09"],
      ["root-use", "2026-03-09"],
    ]);
    await expectAppError(
      () => triageFinding(t.ctx, owner, "F-1", { decision: "remediated", reason: "x" }),
      "VALIDATION_FAILED",
    );
    await triageFinding(t.ctx, owner, "F-1", {
      decision: "authorized-activity",
      reason: "break-glass test, ticket OPS-12",
    });
    await updateControl(t.ctx, owner, "OP-09", { status: "implemented" });
    t.advance(10 * DAY);
    expect(await reasonsFor("CC7.3")).toContain(
      "1 flagged CloudTrail event is untriaged past its week (F-2 high on arn:aws:iam::123456789012:user/alice, due 2026-03-09)",
    );
    const evidence = await recordFindingsEvidence(t.ctx, owner, {
      from: "2026-03-01",
      to: "2026-03-12",
    });
    expect(evidence.map((e) => [e.title, e.controls])).toEqual([
      [
        "Flagged CloudTrail events and their triage, 2026-03-01 to 2026-03-12: 2 (1 triaged)",
        ["OP-09"],
      ],
    ]);
  });
});
