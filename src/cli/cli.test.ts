import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, json } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";

let database: TestDatabase;
let env: Record<string, string>;
beforeEach(async () => {
  database = await createTestDatabase();
  env = database.env;
});
afterEach(async () => {
  await database.drop();
});

interface CriterionJson {
  id: string;
  category: string;
  label: string;
  summary: string;
  cosoPrinciple: number | null;
  pointsOfFocus: number;
}

interface ReadinessJson {
  overall: { percent: number; covered: number; partial: number; gap: number };
  categories: { id: string; percent: number }[];
  criteria: { id: string; status: string; controls: string[]; reasons: string[] }[];
}

interface ControlJson {
  ref: string;
  status: string;
  owner: string | null;
  criteria: string[];
}

describe("attest criteria", () => {
  it("prints the 61 criteria as JSON objects with the documented fields", async () => {
    const criteria = json<CriterionJson[]>(await cli(env, "criteria", "--json"));
    expect(criteria).toHaveLength(61);
    expect(criteria.find((c) => c.id === "CC2.1")).toMatchObject({
      category: "security",
      cosoPrinciple: 13,
      pointsOfFocus: 9,
    });
    expect(criteria.find((c) => c.id === "A1.2")?.cosoPrinciple).toBeNull();
    for (const c of criteria)
      expect(Object.keys(c)).toEqual(expect.arrayContaining(["label", "summary"]));
  });

  it("filters by category, and exits 3 naming an unknown category", async () => {
    const pi = json<CriterionJson[]>(
      await cli(env, "criteria", "--category", "processing-integrity", "--json"),
    );
    expect(pi.map((c) => c.id)).toEqual(["PI1.1", "PI1.2", "PI1.3", "PI1.4", "PI1.5"]);
    const bad = await cli(env, "criteria", "--category", "uptime");
    expect(bad.code).toBe(3);
    expect(bad.err).toContain('unknown category "uptime"');
    expect(bad.out).toBe("");
  });

  it("prints a table for people", async () => {
    const table = await cli(env, "criteria", "--category", "confidentiality");
    expect(table.out.split("\n")[0]).toMatch(/^ID\s+CATEGORY\s+COSO\s+POF\s+LABEL$/);
    expect(table.out).toContain("C1.2");
  });
});

describe("init, readiness and controls", () => {
  it("walks a new company from all gaps to partial and covered", async () => {
    const init = await cli(
      env,
      "init",
      "--name",
      "Acme Cloud",
      "--categories",
      "security,availability",
      "--timezone",
      "America/New_York",
    );
    expect(init.code).toBe(0);
    expect(init.out).toContain("In scope: security, availability.");

    const first = json<ReadinessJson>(await cli(env, "readiness", "--json"));
    expect(first.criteria).toHaveLength(36);
    expect(first.criteria.every((c) => c.status === "gap" && c.reasons.length > 0)).toBe(true);
    expect(first.overall.percent).toBe(0);

    const a13 = first.criteria.find((c) => c.id === "A1.3")!;
    const [one, ...rest] = a13.controls;
    const evidenceFile = path.join(database.dataDir, "restore-test.txt");
    writeFileSync(evidenceFile, "restore test log");
    const implement = async (ref: string) => {
      const updated = await cli(env, "controls", "update", ref, "--status", "implemented");
      expect(updated.code).toBe(0);
      const added = await cli(
        env,
        "evidence",
        "add",
        evidenceFile,
        "--control",
        ref,
        "--for",
        "2026-03-01",
      );
      expect([added.code, added.err]).toEqual([0, ""]);
    };
    await implement(one!);
    const partial = json<ReadinessJson>(await cli(env, "readiness", "--json"));
    expect(partial.criteria.find((c) => c.id === "A1.3")?.status).toBe("partial");
    for (const ref of rest) await implement(ref);
    const covered = json<ReadinessJson>(await cli(env, "readiness", "--json"));
    expect(covered.criteria.find((c) => c.id === "A1.3")?.status).toBe("covered");
    expect(covered.overall.percent).toBeGreaterThan(0);

    const table = await cli(env, "readiness");
    expect(table.out).toMatch(/^Readiness \d+(\.\d)?%: 1 covered/);
    expect(table.out).toContain("A1.3       covered");
  });

  it("adds, shows, maps and updates controls, with errors on stderr and exit codes", async () => {
    await cli(env, "init", "--name", "Acme");
    const added = await cli(
      env,
      "controls",
      "add",
      "--ref",
      "ACME-01",
      "--title",
      "Alert review",
      "--description",
      "On-call reviews alerts weekly.",
      "--kind",
      "detective",
      "--automation",
      "manual",
      "--frequency",
      "weekly",
      "--criteria",
      "CC7.2,CC7.3",
      "--evidence",
      "review tickets",
      "--json",
    );
    expect(json<ControlJson>(added)).toMatchObject({
      ref: "ACME-01",
      criteria: ["CC7.2", "CC7.3"],
    });

    const duplicate = await cli(
      env,
      "controls",
      "add",
      "--ref",
      "ACME-01",
      "--title",
      "x",
      "--description",
      "y",
      "--kind",
      "detective",
      "--automation",
      "manual",
      "--frequency",
      "weekly",
    );
    expect(duplicate).toMatchObject({ code: 6, out: "" });
    expect(duplicate.err).toContain('control "ACME-01" already exists');

    const outOfScope = await cli(env, "controls", "map", "ACME-01", "A1.1");
    expect(outOfScope.code).toBe(3);
    expect(outOfScope.err).toContain('"A1.1" belongs to availability, which is not in scope');

    const noReason = await cli(
      env,
      "controls",
      "update",
      "ACME-01",
      "--status",
      "not-applicable",
      "--json",
    );
    expect(noReason.code).toBe(3);
    expect(JSON.parse(noReason.err)).toMatchObject({
      error: { code: "VALIDATION_FAILED", fields: [{ field: "reason" }] },
    });

    await cli(env, "controls", "update", "ACME-01", "--owner", "li@acme.test");
    const shown = json<{ control: ControlJson; history: { action: string }[] }>(
      await cli(env, "controls", "show", "acme-01", "--json"),
    );
    expect(shown.control.owner).toBe("li@acme.test");
    expect(shown.history.map((h) => h.action)).toEqual(["control.created", "control.updated"]);
    // Printed for people, the history reads as the audit log does: sentence, then from → to.
    const printed = await cli(env, "controls", "show", "acme-01");
    expect(printed.out).toContain("Control ACME-01 owner changed — owner: none → li@acme.test\n");
    expect(printed.out).not.toContain("{");

    const listed = json<ControlJson[]>(
      await cli(env, "controls", "list", "--criterion", "cc7.3", "--json"),
    );
    expect(listed.map((c) => c.ref)).toContain("ACME-01");
    expect(listed.every((c) => c.criteria.includes("CC7.3"))).toBe(true);

    const missing = await cli(env, "controls", "show", "NOPE-01");
    expect([missing.code, missing.err]).toEqual([5, 'attest: control "NOPE-01" was not found\n']);
  });

  it("changes scope and refuses bad scope changes with the right exit codes", async () => {
    await cli(env, "init", "--name", "Acme");
    const added = json<{ categories: string[] }>(
      await cli(env, "scope", "--add", "privacy", "--json"),
    );
    expect(added.categories).toEqual(["security", "privacy"]);
    const security = await cli(env, "scope", "--remove", "security");
    expect(security.code).toBe(3);
    expect(security.err).toContain('"security" cannot be removed');
    const noReason = await cli(env, "scope", "--not-relevant", "P3.2");
    expect(noReason.code).toBe(3);
    expect(noReason.err).toContain("reason");
    const marked = json<{ criteria: { id: string; relevant: boolean }[] }>(
      await cli(
        env,
        "scope",
        "--not-relevant",
        "P3.2",
        "--reason",
        "We collect no sensitive personal data.",
        "--json",
      ),
    );
    expect(marked.criteria.find((c) => c.id === "P3.2")?.relevant).toBe(false);
    const readiness = json<ReadinessJson>(await cli(env, "readiness", "--json"));
    expect(readiness.criteria.find((c) => c.id === "P3.2")?.status).toBe("not-relevant");
  });

  it("exits 2 on usage mistakes and 5 before any organization exists", async () => {
    const usage = await cli(env, "controls", "update");
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("missing required argument");
    const unknown = await cli(env, "frobnicate");
    expect(unknown.code).toBe(2);
    const none = await cli(env, "readiness");
    expect(none.code).toBe(5);
    expect(none.err).toContain("attest init --name");
  });

  it("validates list filters and refuses conflicting options as usage errors", async () => {
    await cli(env, "init", "--name", "Acme");
    const badStatus = await cli(env, "controls", "list", "--status", "done");
    expect(badStatus.code).toBe(3);
    expect(badStatus.err).toContain('"done" is not a control status');
    const badKind = await cli(env, "controls", "update", "AC-04", "--kind", "Sometimes");
    expect(badKind.err).toContain('"Sometimes" is not a control kind');
    const both = await cli(env, "controls", "update", "AC-04", "--owner", "x", "--clear-owner");
    expect(both.code).toBe(2);
    const twoActions = await cli(env, "scope", "--add", "privacy", "--remove", "privacy");
    expect(twoActions.code).toBe(2);
    const strayReason = await cli(env, "scope", "--add", "privacy", "--reason", "because we can");
    expect(strayReason.code).toBe(2);
    const jsonUsage = await cli(env, "controls", "map", "AC-04", "--json");
    expect(jsonUsage.code).toBe(2);
    expect(JSON.parse(jsonUsage.err)).toMatchObject({ error: { code: "USAGE" } });
  });

  it("names the database it cannot reach, without a stack trace", async () => {
    const result = await cli(
      { ...env, DATABASE_URL: "postgres://attest:secret@127.0.0.1:1/none" },
      "readiness",
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      "cannot use the database (PostgreSQL postgres://attest:***@127.0.0.1:1/none)",
    );
    expect(result.err).not.toContain("secret");
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  it("needs --org when several organizations exist", async () => {
    await cli(env, "init", "--name", "Acme");
    await cli(env, "init", "--name", "Beta");
    const again = await cli(env, "init", "--name", "ACME");
    expect(again.code).toBe(6);
    expect(again.err).toContain("--org acme");
    const ambiguous = await cli(env, "readiness");
    expect(ambiguous.code).toBe(3);
    expect(ambiguous.err).toContain("acme, beta");
    expect((await cli(env, "readiness", "--org", "beta")).code).toBe(0);
    expect((await cli({ ...env, ATTEST_ORG: "acme" }, "readiness")).code).toBe(0);
  });

  it("imports licensed criteria text from the user's file", async () => {
    await cli(env, "init", "--name", "Acme");
    const file = path.join(database.dataDir, "official.json");
    writeFileSync(
      file,
      JSON.stringify({ criteria: [{ id: "CC1.1", text: "Owner-supplied text." }] }),
    );
    const imported = await cli(env, "catalog", "import-text", file);
    expect(imported.code).toBe(0);
    const criteria = json<{ id: string; officialText?: { text: string } }[]>(
      await cli(env, "criteria", "--official-text", "--json"),
    );
    expect(criteria.find((c) => c.id === "CC1.1")?.officialText?.text).toBe("Owner-supplied text.");
    const broken = path.join(database.dataDir, "broken.json");
    writeFileSync(broken, "{ not json");
    const bad = await cli(env, "catalog", "import-text", broken);
    expect(bad.code).toBe(3);
    expect(bad.err).toContain("not valid JSON");
    expect((await cli(env, "catalog", "import-text", "/nonexistent.json")).err).toContain(
      "no such file",
    );
  });
});
