import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TEST_AUDITOR } from "../../test/support/auditor.ts";
import { assignAuditorIn, cli, json } from "../../test/support/cli.ts";
import { createTestDatabase, tamperWith } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";
import { overwriteS3Blob } from "../../test/support/s3.ts";
import type { Actor } from "../domain/actor.ts";
import type { EngagementSample } from "../domain/engagement.ts";
import { drawEngagementSample } from "../services/fieldwork/sampling.service.ts";
import { closeContext, openContext } from "../services/platform/context.ts";

let database: TestDatabase;
let env: Record<string, string>;
beforeEach(async () => {
  database = await createTestDatabase();
  env = database.env;
  expect((await cli(env, "init", "--name", "Acme", "--timezone", "Europe/Paris")).code).toBe(0);
});
afterEach(async () => {
  await database.drop();
});

interface EvidenceJson {
  id: string;
  sha256: string;
  controls: string[];
}

describe("attest evidence and audit-log", () => {
  it("adds, lists, links, downloads and removes evidence; verify catches tampering", async () => {
    const file = path.join(database.dataDir, "review.csv");
    writeFileSync(file, "user,access\nana,admin\n");
    const added = json<EvidenceJson>(
      await cli(
        env,
        "evidence",
        "add",
        file,
        "--control",
        "AC-06",
        "--for",
        "2026-02-27",
        "--json",
      ),
    );
    expect(added.controls).toEqual(["AC-06"]);
    const link = await cli(
      env,
      "evidence",
      "add",
      "--url",
      "https://x.test/t/1",
      "--control",
      "CM-01",
      "--from",
      "2026-02-01",
      "--to",
      "2026-02-28",
    );
    expect(link.code).toBe(0);
    const record = await cli(
      env,
      "evidence",
      "add",
      "--record",
      '{"kind":"mfa","data":{"on":true}}',
      "--control",
      "AC-02",
      "--for",
      "2026-03-01",
    );
    expect(record.code).toBe(0);
    expect(
      (await cli(env, "evidence", "add", file, "--url", "https://x.test", "--for", "2026-03-01"))
        .code,
    ).toBe(2);
    expect((await cli(env, "evidence", "add", "/no/such/file", "--for", "2026-03-01")).code).toBe(
      3,
    );
    expect((await cli(env, "evidence", "add", file, "--for", "2027-01-01")).err).toContain(
      "is in the future",
    );

    expect(
      (await cli(env, "evidence", "link", added.id.slice(0, 8), "--control", "AC-04")).code,
    ).toBe(0);
    const listed = json<EvidenceJson[]>(
      await cli(env, "evidence", "list", "--control", "AC-04", "--json"),
    );
    expect(listed.map((e) => e.id)).toEqual([added.id]);

    const out = path.join(database.dataDir, "copy.csv");
    expect((await cli(env, "evidence", "download", added.id, "--out", out)).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe("user,access\nana,admin\n");

    // Stored bytes changed behind Attest's back: the download is refused and writes nothing.
    const storeBytes = async (text: string) => {
      if (database.blobStore !== null) {
        await overwriteS3Blob(database.blobStore, added.sha256, Buffer.from(text));
        return;
      }
      if (database.target.engine === "sqlite") {
        const dir = path.join(database.dataDir, "blobs", "sha256", added.sha256.slice(0, 2));
        writeFileSync(path.join(dir, added.sha256), text);
        return;
      }
      const hex = Buffer.from(text).toString("hex");
      await tamperWith(
        database,
        `update blob_chunks set data = decode('${hex}', 'hex') where blob_key = '${added.sha256}'`,
      );
    };
    await storeBytes("tampered");
    const refusedOut = path.join(database.dataDir, "refused.csv");
    const refused = await cli(env, "evidence", "download", added.id, "--out", refusedOut);
    expect(refused.code).toBe(6);
    expect(refused.err).toContain("is corrupt");
    expect(existsSync(refusedOut) || existsSync(`${refusedOut}.partial`)).toBe(false);
    await storeBytes("user,access\nana,admin\n");

    await cli(env, "controls", "update", "AC-02", "--status", "implemented");
    await cli(env, "controls", "update", "AC-05", "--status", "implemented");
    const overdue = json<{ ref: string; state: string }[]>(
      await cli(env, "evidence", "list", "--overdue", "--json"),
    );
    expect(overdue.map((o) => [o.ref, o.state])).toEqual([["AC-05", "missing"]]);

    expect((await cli(env, "evidence", "remove", added.id)).code).toBe(2);
    expect(
      (await cli(env, "evidence", "remove", added.id, "--reason", "Wrong quarter's export.")).code,
    ).toBe(0);

    const log = json<{ items: { action: string; data: unknown }[]; nextCursor: string | null }>(
      await cli(env, "audit-log", "--json", "--limit", "500"),
    );
    expect(log.items.map((e) => e.action)).toContain("evidence.removed");
    expect(log.items.find((e) => e.action === "evidence.removed")?.data).toEqual({
      reason: "Wrong quarter's export.",
    });
    // The table reads as sentences, filtered in the database, a page at a time.
    const table = await cli(env, "audit-log", "--target", "ac-02", "--action", "control.updated");
    expect(table.code).toBe(0);
    expect(table.out).toContain(
      "Control AC-02 marked implemented — status: not started → implemented",
    );
    expect(table.out).not.toMatch(/[{}]/);
    const first = await cli(env, "audit-log", "--limit", "2");
    expect(first.out.trim().split("\n")).toHaveLength(5);
    const cursor = /--cursor (\S+)/.exec(first.out)?.[1];
    expect(cursor).toBeDefined();
    const second = await cli(env, "audit-log", "--limit", "2", "--cursor", cursor ?? "");
    expect(second.code).toBe(0);
    expect(second.out).not.toEqual(first.out);
    expect((await cli(env, "audit-log", "--action", "control.deleted")).code).toBe(3);
    const verified = await cli(env, "audit-log", "verify", "--json");
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ ok: true, filesChecked: 1 });

    await tamperWith(database, "update audit_events set action = 'nothing.happened' where seq = 3");
    const broken = await cli(env, "audit-log", "verify");
    expect(broken.code).toBe(6);
    expect(broken.out).toContain(
      "First broken link: event 3: event 3 was changed after it was written",
    );
  });
});

/**
 * Draws as the auditor assigned to the engagement, through the service: the command line acts
 * as the local operator, who may not draw.
 */
async function drawAsAssignedAuditor(handle: string, seed: string): Promise<EngagementSample> {
  const ctx = await openContext({
    database: database.target,
    dataDir: database.dataDir,
    blobStore: database.blobStore,
  });
  try {
    const db = ctx.db.kysely;
    const org = await db.selectFrom("organizations").select("id").executeTakeFirstOrThrow();
    const number = Number(handle.replace("E-", ""));
    const engagement = await db
      .selectFrom("engagements")
      .select("id")
      .where("number", "=", number)
      .executeTakeFirstOrThrow();
    const auditor: Actor = {
      kind: "user",
      id: "user:kim",
      name: "Kim",
      organizationId: org.id,
      role: "auditor",
      engagements: [engagement.id],
    };
    return await drawEngagementSample(ctx, auditor, handle, { seed });
  } finally {
    await closeContext(ctx);
  }
}

describe("attest engagement", () => {
  it("runs a Type 2 from creation to results, with the documented sample JSON", async () => {
    // In place before fieldwork freezes the scope: a control that is not is left out.
    await cli(env, "controls", "update", "GV-11", "--status", "implemented");
    for (const month of [
      "2025-09-30",
      "2025-10-31",
      "2025-11-28",
      "2025-12-31",
      "2026-01-30",
      "2026-02-27",
    ]) {
      await cli(
        env,
        "evidence",
        "add",
        "--url",
        `https://x.test/${month}`,
        "--control",
        "GV-11",
        "--for",
        month,
      );
    }
    const short = await cli(
      env,
      "engagement",
      "create",
      "--type",
      "2",
      "--from",
      "2025-09-01",
      "--to",
      "2026-01-31",
      "--firm",
      "Ledger",
    );
    expect(short.code).toBe(3);
    expect(short.err).toContain("--period-reason");
    const created = await cli(
      env,
      "engagement",
      "create",
      "--type",
      "2",
      "--from",
      "2025-09-01",
      "--to",
      "2026-02-28",
      "--firm",
      "Ledger",
    );
    expect(created.out).toContain("Created E-1");
    expect((await cli(env, "engagement", "sample", "E-1")).code).toBe(4);
    for (let i = 0; i < 3; i += 1)
      expect((await cli(env, "engagement", "advance", "E-1")).code).toBe(0);
    expect((await cli(env, "engagement", "advance", "E-1", "--to", "distributed")).code).toBe(6);

    // The command line acts as the local operator, with owner rights: the company never
    // draws. The refusal is exit 4 and leaves no sample behind.
    const refused = await cli(env, "engagement", "sample", "E-1", "--seed", "42", "--json");
    expect(refused.code).toBe(4);
    expect(refused.err).toContain("may not perform engagement:sample");
    expect((await cli(env, "engagement", "show", "E-1")).out).not.toContain("Seed 42");
    const sample = await drawAsAssignedAuditor("E-1", "42");
    expect(sample.seed).toBe("42");
    const gv11 = sample.controls.find((c) => c.controlRef === "GV-11");
    expect(gv11).toMatchObject({ frequency: "monthly", sampleSize: 2 });
    expect(gv11?.population).toHaveLength(6);
    const shown = (await cli(env, "engagement", "show", "E-1")).out;
    expect(shown).toContain(`Population SHA-256 ${sample.populationSha256}`);
    expect(shown).toMatch(/period draw through 2026-02-28, \S+ by Kim: \d+ items, population/);
    for (const growth of [["--extend", "GV-11"], ["--roll-forward"]]) {
      expect((await cli(env, "engagement", "sample", "E-1", ...growth)).code).toBe(4);
    }
    const both = await cli(
      env,
      "engagement",
      "sample",
      "E-1",
      "--extend",
      "GV-11",
      "--roll-forward",
    );
    expect(both.code).toBe(2);
    expect(both.err).toContain("--extend or --roll-forward, not both");

    const [first, second] = gv11!.items;
    const testGv11 = (...args: string[]) =>
      cli(env, "engagement", "test", "E-1", "--control", "GV-11", ...args);
    // The operator (an owner) enters results only for an assigned auditor, named.
    const unnamed = await testGv11("--method", "inspection");
    expect(unnamed.code).toBe(3);
    expect(unnamed.err).toContain("auditor");
    await assignAuditorIn(database, "E-1");
    const forDana = ["--auditor", TEST_AUDITOR.email];
    const entered = await testGv11("--method", "inspection", ...forDana);
    expect(entered.code).toBe(0);
    expect(entered.out).toMatch(
      /^Recorded for Dana Whitfield, entered by .+ on the auditor's behalf\.$/m,
    );
    expect((await testGv11("--item", first!, "--pass", ...forDana)).code).toBe(0);
    expect((await testGv11("--item", "1999-01", "--pass", ...forDana)).code).toBe(3);
    expect(
      (await testGv11("--item", second!, "--exception", "No sign-off.", ...forDana)).code,
    ).toBe(0);
    expect((await testGv11("--item", second!, "--response", "Sign-off enforced.")).code).toBe(0);
    const status = await cli(env, "engagement", "status", "E-1");
    expect(status.out).toMatch(/GV-11\s+exception-noted\s+1\/2 \(2 tested\)/);
    expect(status.out).toContain("GV-11: test entered by");
    const results = json<{ criteria: { criterionId: string; conclusion: string }[] }>(
      await cli(env, "engagement", "status", "E-1", "--json"),
    );
    expect(results.criteria.find((c) => c.criterionId === "CC4.2")?.conclusion).toBe(
      "exception-noted",
    );
  });
});
