import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { as, createOrg, expectAppError } from "../../../test/support/fixtures.ts";
import { assignedAuditor } from "../../../test/support/auditor.ts";
import type { Actor } from "../../domain/actor.ts";
import { drawSample } from "../../domain/sampling.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { updateControl } from "../program/controls.service.ts";
import { advanceEngagement, createEngagement } from "./engagements.service.ts";
import { importPopulation, reviewPopulation, showPopulation } from "./populations.service.ts";
import type { ImportPopulationInput } from "./populations.service.ts";
import { drawEngagementSample, getEngagementPopulations } from "./sampling.service.ts";

let t: TestContext;
let owner: Actor;
beforeEach(async () => {
  t = await createTestContext(new Date("2026-11-02T12:00:00Z"));
  owner = await createOrg(t.ctx);
});
afterEach(async () => {
  await t.close();
});

const E = "E-1";
const MONTH_DAYS = [30, 31, 30, 31, 31, 30];

/** The n-th day of the period April–September 2026, cycling. */
function dayOf(n: number): string {
  let rest = n % 183;
  for (const [index, days] of MONTH_DAYS.entries()) {
    if (rest < days) {
      return `2026-${String(4 + index).padStart(2, "0")}-${String(rest + 1).padStart(2, "0")}`;
    }
    rest -= days;
  }
  return "2026-09-30";
}

/** Rows as a pull-request export would give them, in no particular order. */
function pullRequests(count: number): { key: string; date: string; label: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const number = 4000 + ((i * 7919) % count);
    return { key: `PR-${number}`, date: dayOf(i), label: `Pull request #${number}` };
  });
}

function csv(rows: readonly { key: string; date: string; label: string }[]): string {
  return ["key,date,label", ...rows.map((r) => `${r.key},${r.date},"${r.label}"`)].join("\n");
}

async function engagementInFieldwork(): Promise<void> {
  await createEngagement(t.ctx, owner, {
    type: 2,
    from: "2026-04-01",
    to: "2026-09-30",
    auditFirm: "Ledger & Co",
  });
  for (let i = 0; i < 3; i += 1) await advanceEngagement(t.ctx, owner, E);
}

function input(content: string, extra: Partial<ImportPopulationInput> = {}): ImportPopulationInput {
  return {
    control: "CM-02",
    format: "csv",
    content,
    fileName: "prs.csv",
    source: "GitHub",
    query: "merged pull requests on main, exported with the REST API",
    ranBy: "Sam Ortiz",
    ranAt: "2026-10-05",
    completeness: "Every pull request merged to main between 1 April and 30 September 2026.",
    ...extra,
  };
}

/**
 * The draw as anyone would write it from the documentation in domain/sampling.ts, without its
 * code: sort keys by code point, SHA-256 of `${seed}:${stream}:${counter}`, rejection sampling,
 * a partial Fisher–Yates shuffle, and the picks sorted again.
 */
function independentDraw(keys: string[], size: number, seed: string, stream: string): string[] {
  const sorted = [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  let counter = 0;
  const next = () => {
    const digest = createHash("sha256").update(`${seed}:${stream}:${counter}`).digest();
    counter += 1;
    return digest.readBigUInt64BE(0);
  };
  const order = sorted.map((_, i) => i);
  for (let i = 0; i < size; i += 1) {
    const m = BigInt(order.length - i);
    const limit = (1n << 64n) - ((1n << 64n) % m);
    let x = next();
    while (x >= limit) x = next();
    const j = i + Number(x % m);
    [order[i], order[j]] = [order[j] ?? j, order[i] ?? i];
  }
  return order
    .slice(0, size)
    .sort((a, b) => a - b)
    .map((i) => sorted[i] ?? "");
}

describe("imported populations", () => {
  it("refuses a 1,000-row file with 3 rows outside the period, naming exactly those lines", async () => {
    await engagementInFieldwork();
    const rows = pullRequests(1000);
    rows[2] = { ...rows[2], date: "2026-03-31" } as (typeof rows)[number];
    rows[499] = { ...rows[499], date: "2026-10-01" } as (typeof rows)[number];
    rows[998] = { ...rows[998], date: "2025-12-31" } as (typeof rows)[number];
    const error = await expectAppError(
      () => importPopulation(t.ctx, owner, E, input(csv(rows))),
      "VALIDATION_FAILED",
    );
    // The header is line 1: row i is on line i + 2.
    expect(error.fieldErrors.map((f) => f.field)).toEqual([
      "lines.4.date",
      "lines.501.date",
      "lines.1000.date",
    ]);
    expect(error.message).toContain(
      "outside the period 2026-04-01 to 2026-09-30: lines 4, 501, 1000",
    );
    // Nothing written: no import, no event.
    expect((await showPopulation(t.ctx, owner, E, "CM-02")).history).toEqual([]);
    const log = await listAuditLog(t.ctx, owner, { action: "engagement.population-imported" });
    expect(log.items).toEqual([]);
  });

  it("names every bad row by line and field: repeated key, bad date, empty label", async () => {
    await engagementInFieldwork();
    const text = [
      "key,date,label",
      "PR-1,2026-04-02,Pull request #1",
      "PR-1,2026-04-03,Pull request #1 again",
      "PR-2,2026-02-30,Pull request #2",
      "PR-3,2026-05-01,   ",
      "PR-4,2026-05-02",
    ].join("\r\n");
    const error = await expectAppError(
      () => importPopulation(t.ctx, owner, E, input(text)),
      "VALIDATION_FAILED",
    );
    expect(error.fieldErrors).toEqual([
      { field: "lines.3.key", message: 'line 3: key "PR-1" repeats the key of line 2' },
      {
        field: "lines.4.date",
        message: 'line 4: date "2026-02-30" is not a calendar date (YYYY-MM-DD)',
      },
      { field: "lines.5.label", message: "line 5: label is empty" },
      {
        field: "lines.6.row",
        message: "line 6: row has 2 fields; write key,date,label (quote a label with commas)",
      },
    ]);
    await expectAppError(
      () => importPopulation(t.ctx, owner, E, input("id,when,what\nPR-1,2026-04-02,x")),
      "VALIDATION_FAILED",
    );
    const json = await expectAppError(
      () =>
        importPopulation(t.ctx, owner, E, {
          ...input(JSON.stringify([{ key: "A", date: "2026-04-02" }])),
          format: "json",
        }),
      "VALIDATION_FAILED",
    );
    expect(json.fieldErrors).toEqual([{ field: "rows.1.label", message: "row 1: label is empty" }]);
  });

  it("imports a clean file with its source and hash; the auditor accepts it; the sample re-derives from seed and rows", async () => {
    await engagementInFieldwork();
    const rows = pullRequests(1000);
    const text = csv(rows);
    const imported = await importPopulation(t.ctx, owner, E, input(text));
    const current = imported.current;
    expect(current).toMatchObject({
      number: 1,
      status: "pending",
      rowCount: 1000,
      firstDate: "2026-04-01",
      lastDate: "2026-09-30",
      fileName: "prs.csv",
      source: {
        system: "GitHub",
        query: "merged pull requests on main, exported with the REST API",
        ranBy: "Sam Ortiz",
        ranAt: "2026-10-05",
      },
      reason: null,
    });
    // The hash of the canonical rows, computed here from the file without our code.
    const canonical = [...rows]
      .sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)))
      .map((r) => `{"date":"${r.date}","key":"${r.key}","label":"${r.label}"}`);
    const expected = createHash("sha256")
      .update(`[${canonical.join(",")}]`)
      .digest("hex");
    expect(current?.rowsSha256).toBe(expected);
    // The same rows as JSON, in another order, hash the same.
    const again = await importPopulation(t.ctx, owner, E, {
      ...input(JSON.stringify([...rows].reverse())),
      format: "json",
      reason: "The same rows exported as JSON, to check the hash.",
    });
    expect(again.current?.rowsSha256).toBe(expected);
    expect(again.history.map((h) => h.number)).toEqual([2, 1]);

    const auditor = await assignedAuditor(t.ctx, owner, E);
    // Not accepted yet: no draw.
    const refused = await expectAppError(
      () => drawEngagementSample(t.ctx, auditor, E, { seed: "s1" }),
      "INVALID_STATE",
    );
    expect(refused.message).toContain("CM-02's import 2 is pending");
    const accepted = await reviewPopulation(t.ctx, auditor, E, {
      control: "CM-02",
      decision: "accept",
    });
    expect(accepted.current).toMatchObject({ status: "accepted", reviewedBy: auditor.name });

    const sample = await drawEngagementSample(t.ctx, auditor, E, { seed: "recorded-seed" });
    const cm02 = sample.controls.find((c) => c.controlRef === "CM-02");
    expect(cm02).toMatchObject({
      populationSource: "imported",
      populationImport: { number: 2, rowsSha256: expected },
      sampleSize: 25,
    });
    expect(cm02?.population).toHaveLength(1000);
    // Anyone holding the CSV and the recorded seed draws the same items.
    const fromFile = text
      .split("\n")
      .slice(1)
      .map((line) => ({ key: line.split(",")[0] ?? "" }));
    const keys = fromFile.map((r) => r.key);
    expect(cm02?.items).toEqual(independentDraw(keys, 25, sample.seed, "CM-02"));
    expect(cm02?.items).toEqual(drawSample(fromFile, 25, sample.seed, "CM-02").map((r) => r.key));
    // Sampled items carry the row's label and date in words.
    const first = cm02?.population.find((p) => p.key === cm02.items[0]);
    const row = rows.find((r) => r.key === cm02?.items[0]);
    expect(first?.label).toMatch(/^Pull request #\d+ \(\d{1,2} [A-Z][a-z]+ 2026\)$/);
    expect(first?.label.startsWith(row?.label ?? "?")).toBe(true);

    const log = await listAuditLog(t.ctx, owner, {});
    const actions = log.items.map((e) => e.action);
    expect(actions).toContain("engagement.population-imported");
    expect(actions).toContain("engagement.population-accepted");
    const sampled = log.items.find((e) => e.action === "engagement.sampled");
    expect(sampled?.data).toMatchObject({
      imported: [{ control: "CM-02", import: 2, rowsSha256: expected }],
      recordedEvents: [],
    });
  });

  it("keeps earlier imports, needs a reason for a later one, and lets the auditor return one or choose recorded events", async () => {
    await engagementInFieldwork();
    await importPopulation(t.ctx, owner, E, input(csv(pullRequests(40))));
    const noReason = await expectAppError(
      () => importPopulation(t.ctx, owner, E, input(csv(pullRequests(41)))),
      "VALIDATION_FAILED",
    );
    expect(noReason.fieldErrors[0]?.field).toBe("reason");
    const auditor = await assignedAuditor(t.ctx, owner, E);
    await expectAppError(
      () => reviewPopulation(t.ctx, auditor, E, { control: "CM-02", decision: "return" }),
      "VALIDATION_FAILED",
    );
    const returned = await reviewPopulation(t.ctx, auditor, E, {
      control: "CM-02",
      decision: "return",
      reason: "The export leaves out the archived repositories.",
    });
    expect(returned.current).toMatchObject({
      status: "returned",
      returnReason: "The export leaves out the archived repositories.",
    });
    await expectAppError(
      () => reviewPopulation(t.ctx, auditor, E, { control: "CM-02", decision: "accept" }),
      "INVALID_STATE",
    );
    const second = await importPopulation(
      t.ctx,
      owner,
      E,
      input(csv(pullRequests(41)), { reason: "Now with the archived repositories included." }),
    );
    expect(second.history.map((h) => [h.number, h.rowCount, h.status])).toEqual([
      [2, 41, "pending"],
      [1, 40, "returned"],
    ]);
    expect(second.history[0]?.rowsSha256).not.toBe(second.history[1]?.rowsSha256);
    // The read view shows the import's status; the draw takes recorded events only by choice.
    const populations = await getEngagementPopulations(t.ctx, auditor, E);
    expect(populations.find((p) => p.controlRef === "CM-02")).toMatchObject({
      source: "events",
      latestImport: { number: 2, status: "pending" },
    });
    await expectAppError(
      () => drawEngagementSample(t.ctx, auditor, E, { recordedEvents: ["GV-11"] }),
      "VALIDATION_FAILED",
    );
    const sample = await drawEngagementSample(t.ctx, auditor, E, { recordedEvents: ["CM-02"] });
    expect(sample.controls.find((c) => c.controlRef === "CM-02")).toMatchObject({
      populationSource: "events",
      population: [],
    });
  });

  it("lets the owner, an admin and the control's owner import, and only the assigned auditor review", async () => {
    await engagementInFieldwork();
    await updateControl(t.ctx, owner, "CM-02", { owner: "sam@example.com" });
    const samOwnsIt = as(owner, "control-owner", "u-sam", { email: "sam@example.com" });
    const someoneElse = as(owner, "control-owner", "u-kim", { email: "kim@example.com" });
    await expectAppError(
      () => importPopulation(t.ctx, someoneElse, E, input(csv(pullRequests(5)))),
      "FORBIDDEN",
    );
    const view = await importPopulation(t.ctx, samOwnsIt, E, input(csv(pullRequests(5))));
    expect(view.current?.importedBy).toBe(samOwnsIt.name);
    expect(view.current?.rowCount).toBe(5);
    // Control owners do not read engagements: the import's answer is their view.
    await expectAppError(() => showPopulation(t.ctx, samOwnsIt, E, "CM-02"), "FORBIDDEN");
    await expectAppError(
      () => reviewPopulation(t.ctx, owner, E, { control: "CM-02", decision: "accept" }),
      "FORBIDDEN",
    );
    const auditor = await assignedAuditor(t.ctx, owner, E);
    await expectAppError(
      () =>
        importPopulation(
          t.ctx,
          auditor,
          E,
          input(csv(pullRequests(5)), { reason: "x".repeat(12) }),
        ),
      "FORBIDDEN",
    );
    // A calendar control's population is not imported.
    const monthly = await expectAppError(
      () => importPopulation(t.ctx, owner, E, input(csv(pullRequests(5)), { control: "GV-11" })),
      "VALIDATION_FAILED",
    );
    expect(monthly.message).toContain("monthly");
    // The statement of completeness is required.
    const bare = await expectAppError(
      () => importPopulation(t.ctx, owner, E, input(csv(pullRequests(5)), { completeness: " " })),
      "VALIDATION_FAILED",
    );
    expect(bare.fieldErrors[0]?.field).toBe("completeness");
  });
});
