/** `attest requests`: the auditor opens, the control's owner answers, the auditor decides. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TEST_AUDITOR, assignedAuditor } from "../../test/support/auditor.ts";
import { cli, json } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";
import { acceptInvitation, createInvitation } from "../services/access/invitations.service.ts";
import { operatorActor } from "../services/access/organizations.service.ts";
import { closeContext, openContext } from "../services/platform/context.ts";
import { operatorPrincipal } from "./runtime.ts";

let database: TestDatabase;
let env: Record<string, string>;
const DANA = ["--as", TEST_AUDITOR.email];
const DEV = ["--as", "dev@acme.test"];

/** Dev joins as a control owner; Dana joins as the auditor assigned to the engagement. */
async function people(handle: string): Promise<void> {
  const ctx = await openContext({
    database: database.target,
    dataDir: database.dataDir,
    blobStore: database.blobStore,
  });
  try {
    const owner = await operatorActor(ctx, operatorPrincipal(), undefined);
    const { link } = await createInvitation(
      ctx,
      owner,
      { email: "dev@acme.test", role: "control-owner" },
      null,
    );
    await acceptInvitation(
      ctx,
      (link ?? "").slice((link ?? "").lastIndexOf("/") + 1),
      { name: "Dev Patel", password: "a long test passphrase 42" },
      undefined,
      { address: null, userAgent: "test" },
    );
    await assignedAuditor(ctx, owner, handle);
  } finally {
    await closeContext(ctx);
  }
}

beforeEach(async () => {
  database = await createTestDatabase();
  env = database.env;
  expect((await cli(env, "init", "--name", "Acme", "--timezone", "Europe/Paris")).code).toBe(0);
});
afterEach(async () => {
  await database.drop();
});

async function ok(...argv: string[]) {
  const result = await cli(env, ...argv);
  expect([result.code, result.err]).toEqual([0, ""]);
  return result;
}

interface RequestJson {
  ref: string;
  status: string;
  control: string | null;
  item: string | null;
  itemLabel: string | null;
  evidence: { id: string; title: string }[];
  comments: { side: string; body: string }[];
}

describe("attest requests", () => {
  it("opens, answers with an upload or evidence, returns and accepts; refuses the wrong caller", async () => {
    await ok("controls", "update", "GV-11", "--status", "implemented", "--owner", "dev@acme.test");
    await ok(
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
    for (let i = 0; i < 3; i += 1) await ok("engagement", "advance", "E-1");
    await people("E-1");
    const sample = json<{ controls: { controlId: string; items: string[] }[] }>(
      await ok("engagement", "sample", "E-1", "--seed", "42", "--json", ...DANA),
    );
    const item = sample.controls.find((c) => c.controlId === "GV-11")?.items[0] ?? "";
    // A monthly item's key is its month ("2025-09"); people read "September 2025".
    const inWords = new Date(`${item}-01T00:00:00Z`).toLocaleString("en-GB", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });

    const usage = await cli(
      env,
      "requests",
      "add",
      "E-1",
      "--to",
      "dev@acme.test",
      "--due",
      "2026-03-09",
      ...DANA,
    );
    expect([usage.code, usage.err]).toEqual([2, expect.stringContaining("--control")]);
    const byOwner = await cli(
      env,
      "requests",
      "add",
      "E-1",
      "--text",
      "Minutes",
      "--to",
      "dev@acme.test",
      "--due",
      "2026-03-09",
    );
    expect(byOwner.code).toBe(4);

    const opened = await ok(
      "requests",
      "add",
      "E-1",
      "--control",
      "GV-11",
      "--item",
      item,
      "--to",
      "dev@acme.test",
      "--due",
      "2026-03-09",
      ...DANA,
    );
    expect(opened.out).toBe(`R-1 opened for GV-11 · ${inWords}, to dev@acme.test by 2026-03-09.\n`);
    const text = json<RequestJson>(
      await ok(
        "requests",
        "add",
        "E-1",
        "--text",
        "The board minutes of the period.",
        "--to",
        "dev@acme.test",
        "--due",
        "2026-03-09",
        "--json",
        ...DANA,
      ),
    );
    expect(text).toMatchObject({ ref: "R-2", control: null, status: "open" });

    const listed = json<{ items: RequestJson[]; counts: { open: number } }>(
      await ok("requests", "list", "E-1", "--json", ...DEV),
    );
    expect(listed.items.map((r) => [r.ref, r.item, r.itemLabel])).toEqual([
      ["R-1", item, inWords],
      ["R-2", null, null],
    ]);
    expect(listed.counts.open).toBe(2);

    const file = path.join(database.dataDir, "review.txt");
    writeFileSync(file, "GV-11 review, signed\n");
    const answered = json<RequestJson>(
      await ok(
        "requests",
        "answer",
        "E-1",
        "R-1",
        "--file",
        file,
        "--comment",
        "Signed review.",
        "--json",
        ...DEV,
      ),
    );
    expect(answered.status).toBe("submitted");
    expect(answered.evidence.map((e) => e.title)).toEqual(["R-1 answer: review.txt"]);
    const evidence = json<{ evidence: { controls: string[]; forFrom: string } }>(
      await ok("evidence", "show", answered.evidence[0]?.id ?? "", "--json"),
    );
    expect(evidence.evidence).toMatchObject({ controls: ["GV-11"], forFrom: `${item}-01` });

    const minutes = json<{ id: string }>(
      await ok(
        "evidence",
        "add",
        "--url",
        "https://wiki.test/minutes",
        "--title",
        "Minutes",
        "--for",
        "2025-12-15",
        "--json",
      ),
    );
    await ok("requests", "answer", "E-1", "R-2", "--evidence", minutes.id, ...DEV);
    const returned = await ok(
      "requests",
      "return",
      "E-1",
      "R-2",
      "--reason",
      "These are the draft minutes.",
      ...DANA,
    );
    expect(returned.out).toBe("R-2 returned.\n");
    expect((await ok("requests", "accept", "E-1", "R-1", ...DANA)).out).toBe("R-1 accepted.\n");
    expect((await cli(env, "requests", "accept", "E-1", "R-2", ...DANA)).code).toBe(6);

    const back = json<{ items: RequestJson[] }>(
      await ok("requests", "list", "E-1", "--status", "returned", "--json", ...DANA),
    );
    expect(back.items.map((r) => r.ref)).toEqual(["R-2"]);
    const table = (await ok("requests", "list", "E-1", ...DANA)).out;
    expect(table).toMatch(new RegExp(`R-1\\s+accepted\\s+GV-11 · ${inWords}\\s`));
    expect(table).not.toContain(`GV-11 item ${item}`);
    expect(table).toContain("0 open, 0 submitted, 1 returned, 1 accepted; 0 overdue");
    await ok("requests", "comment", "E-1", "R-2", "The signed ones, please.", ...DANA);
    const shown = (await ok("requests", "show", "E-1", "R-2", ...DEV)).out;
    expect(shown).toContain("Returned  These are the draft minutes.");
    const one = (await ok("requests", "show", "E-1", "R-1", ...DEV)).out;
    expect(one).toContain(`For       GV-11 · ${inWords}\n`);
    expect(one).toContain(`Item key  ${item}\n`);
    expect(shown).toContain(`${TEST_AUDITOR.name} (auditor): The signed ones, please.`);
  });

  it("a draw says which requests it opened and withdrew; withdrawn ones are listed apart", async () => {
    await ok("controls", "update", "CM-02", "--owner", "dev@acme.test");
    await ok(
      "engagement",
      "create",
      "--type",
      "2",
      "--from",
      "2025-01-01",
      "--to",
      "2025-12-31",
      "--firm",
      "Ledger",
    );
    for (let i = 0; i < 3; i += 1) await ok("engagement", "advance", "E-1");
    await people("E-1");
    const file = path.join(database.dataDir, "prs.csv");
    const rows = Array.from({ length: 60 }, (_, i) => {
      const month = String(1 + (i % 12)).padStart(2, "0");
      return `PR-${4100 + i},2025-${month}-15,Pull request #${4100 + i}`;
    });
    writeFileSync(file, ["key,date,label", ...rows].join("\n") + "\n");
    await ok(
      "engagement",
      "population",
      "import",
      "E-1",
      "--control",
      "CM-02",
      "--file",
      file,
      "--source",
      "GitHub",
      "--completeness",
      "Every pull request merged to main in 2025.",
      ...DEV,
    );
    await ok("engagement", "population", "accept", "E-1", "--control", "CM-02", ...DANA);
    const drawn = json<{
      requests: { opened: string[]; alreadyAsked: number; withdrawn: string[]; unasked: [] };
      controls: { controlId: string; items: string[] }[];
    }>(await ok("engagement", "sample", "E-1", "--seed", "7", "--json", ...DANA));
    const first = drawn.controls.find((c) => c.controlId === "CM-02")?.items ?? [];
    expect(first).toHaveLength(15);
    expect(drawn.requests).toEqual({
      opened: first.map((_, i) => `R-${i + 1}`),
      alreadyAsked: 0,
      withdrawn: [],
      unasked: [],
    });

    const redrawn = await ok(
      "engagement",
      "sample",
      "E-1",
      "--seed",
      "8",
      "--redraw-reason",
      "The first seed was given by the client.",
      ...DANA,
    );
    const list = json<{ items: RequestJson[]; counts: Record<string, number> }>(
      await ok("requests", "list", "E-1", "--json", ...DANA),
    );
    const withdrawn = list.items.filter((r) => r.status === "withdrawn");
    expect(withdrawn.length).toBeGreaterThan(0);
    const opened = list.items.filter((r) => r.status === "open").length;
    expect(opened).toBe(15);
    expect(redrawn.out).toContain(
      `Requests: ${list.items.length - 15} opened for sampled occurrences`,
    );
    expect(redrawn.out).toContain(`${15 - withdrawn.length} occurrences already asked for`);
    expect(redrawn.out).toContain(
      `Withdrawn, their item left the sample: ${withdrawn.map((r) => r.ref).join(", ")}\n`,
    );
    expect(list.counts).toMatchObject({ open: 15, withdrawn: withdrawn.length });
    const only = json<{ items: RequestJson[] }>(
      await ok("requests", "list", "E-1", "--status", "withdrawn", "--json", ...DEV),
    );
    expect(only.items.map((r) => r.ref)).toEqual(withdrawn.map((r) => r.ref));
    const table = (await ok("requests", "list", "E-1", ...DANA)).out;
    expect(table).toMatch(new RegExp(`${withdrawn[0]?.ref ?? "?"}\\s+withdrawn\\s+CM-02 · Pull`));
    expect(table).toContain(
      `15 open, 0 submitted, 0 returned, 0 accepted, ${withdrawn.length} withdrawn`,
    );
    const shown = (await ok("requests", "show", "E-1", withdrawn[0]?.ref ?? "?", ...DEV)).out;
    expect(shown).toContain(`Withdrawn by ${TEST_AUDITOR.name} on `);
    const late = await cli(
      env,
      "requests",
      "answer",
      "E-1",
      withdrawn[0]?.ref ?? "?",
      "--evidence",
      "0123abcd",
      ...DEV,
    );
    expect(late.code).toBe(6);
    expect(late.err).toContain("withdrawn");
  });
});
