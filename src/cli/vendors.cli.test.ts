/** `attest vendors`: add, file a report with CUECs, map one, review, list and show. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, json } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";

let database: TestDatabase;
let dir: string;
beforeEach(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "attest-vendors-"));
});
afterEach(async () => {
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

async function vendors(...argv: string[]) {
  const result = await cli(database.env, "vendors", ...argv);
  expect([result.code, result.err]).toEqual([0, ""]);
  return result;
}

describe("attest vendors", () => {
  it("adds a subservice organization, files its report, maps a CUEC and reviews it", async () => {
    expect((await cli(database.env, "init", "--name", "Acme")).code).toBe(0);
    const added = json<{ ref: string; subservice: string; tier: number }>(
      await vendors(
        "add",
        "--name",
        "Amazon Web Services",
        "--service",
        "Hosting",
        "--tier",
        "1",
        "--subservice",
        "carve-out",
        "--relies",
        "Data centres admit only authorized staff.",
        "--json",
      ),
    );
    expect(added).toMatchObject({ ref: "V-1", subservice: "carve-out", tier: 1 });

    const file = path.join(dir, "aws-soc2.pdf");
    await writeFile(file, "%PDF-1.4 a SOC 2 report");
    const report = json<{ ref: string; cuecs: { ref: string }[]; evidenceId: string }>(
      await vendors(
        "report",
        "V-1",
        "--file",
        file,
        "--type",
        "soc2-type2",
        "--from",
        "2024-07-01",
        "--to",
        "2025-06-30",
        "--opinion",
        "unmodified",
        "--cuec",
        "Customers restrict who can sign in to their accounts.",
        "--cuec",
        "Customers encrypt the storage they create.",
        "--json",
      ),
    );
    expect(report.ref).toBe("VR-1");
    expect(report.cuecs.map((c) => c.ref)).toEqual(["CUEC-1", "CUEC-2"]);

    expect((await vendors("map", "V-1", "CUEC-1", "--control", "AC-01,AC-02")).out).toBe(
      "CUEC-1 mapped to AC-01, AC-02.\n",
    );
    const checklist = await vendors("review", "amazon web services");
    expect(checklist.out).toContain("report-read");
    expect(checklist.out).toContain("questionnaire");

    const bad = await cli(
      database.env,
      "vendors",
      "add",
      "--name",
      "X",
      "--service",
      "Y",
      "--tier",
      "7",
    );
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain("tier must be 1 (critical), 2 (important) or 3 (low)");

    const reviewed = await vendors(
      "review",
      "V-1",
      "--checked",
      "report-read",
      "contract-terms",
      "--outcome",
      "approved-with-actions",
      "--notes",
      "Map CUEC-2 and send the questionnaire.",
    );
    expect(reviewed.out).toContain("Recorded VRV-1");

    const list = json<{ items: { ref: string; unmappedCuecs: number; lastReviewedOn: string }[] }>(
      await vendors("list", "--json"),
    );
    expect(list.items).toEqual([expect.objectContaining({ ref: "V-1", unmappedCuecs: 1 })]);
    expect((await vendors("list")).out).toContain("Amazon Web Services");
    const shown = await vendors("show", "V-1");
    expect(shown.out).toContain("CUEC-2  UNMAPPED  Customers encrypt the storage they create.");
    expect(shown.out).toContain("VRV-1");
  });

  it("lets a control owner review the vendor they own, and no other", async () => {
    expect((await cli(database.env, "init", "--name", "Acme")).code).toBe(0);
    const added = await cli(
      database.env,
      "users",
      "add",
      "--email",
      "omar@acme.example",
      "--name",
      "Omar Haddad",
      "--role",
      "control-owner",
    );
    expect(added.code).toBe(0);
    await vendors("add", "--name", "Slack", "--service", "Chat", "--tier", "3");
    await vendors("add", "--name", "Zoom", "--service", "Calls", "--tier", "3");
    const changed = json<Record<string, unknown>>(
      await vendors(
        "update",
        "Slack",
        "--owner",
        "omar@acme.example",
        "--data",
        "personal-data,customer-data",
        "--website",
        "https://slack.com",
        "--contract-start",
        "2025-01-01",
        "--contract-end",
        "2026-12-31",
        "--json",
      ),
    );
    expect(changed).toMatchObject({
      owner: "omar@acme.example",
      dataShared: ["customer-data", "personal-data"],
      website: "https://slack.com",
      contractStart: "2025-01-01",
      contractEnd: "2026-12-31",
    });
    const cleared = json<Record<string, unknown>>(
      await vendors("update", "Slack", "--contract-end", "none", "--data", "none", "--json"),
    );
    expect(cleared).toMatchObject({ contractEnd: null, dataShared: [] });
    const asOmar = (...argv: string[]) =>
      cli(database.env, "--as", "omar@acme.example", "vendors", "review", ...argv);
    const review = ["--checked", "still-needed", "data-confirmed", "--json"];

    const theirs = await asOmar("Slack", ...review);
    expect(theirs.err).toBe("");
    expect(json<{ ref: string; reviewedBy: string }>(theirs)).toMatchObject({
      ref: "VRV-1",
      reviewedBy: "Omar Haddad",
    });
    const other = await asOmar("Zoom", ...review);
    expect(other.code).not.toBe(0);
    expect(other.err).toContain("may not perform vendor:review");
    const shown = json<{ reviews: { ref: string }[] }>(await vendors("show", "Zoom", "--json"));
    expect(shown.reviews).toEqual([]);
  });
});
