import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../support/csv.ts";
import { createOrgViaApi, setupOwnerViaApi, today } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";
import { assignAuditorAccount } from "./report-flow.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

function daysFrom(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Serious and critical axe violations, one line each (as accessibility.test.ts scans). */
async function axeProblems(page: Page): Promise<string[]> {
  await page.locator('[aria-busy="true"]:visible').first().waitFor({ state: "detached" });
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } };
    return (await axe.run()).violations;
  })) as { id: string; impact: string | null; help: string }[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}) ${v.help}`);
}

async function download(page: Page, name: string): Promise<{ file: string; bytes: Buffer }> {
  const started = page.waitForEvent("download");
  await page.getByRole("link", { name }).click();
  const done = await started;
  const path = await done.path();
  return { file: done.suggestedFilename(), bytes: readFileSync(path) };
}

describe("the auditor's home and exports in the browser", () => {
  it("lands the auditor on their engagements with progress, and the matrix downloads", async () => {
    const owner = await rig.newPage();
    const api = await setupOwnerViaApi(rig, owner.context.request, "olivia@acme.example");
    const org = await createOrgViaApi(api, "Acme Cloud");
    // An ended period, so the sample is the whole period's.
    const engagement = await api.ok<{ id: string; number: number }>(
      "POST",
      `/api/v1/orgs/${org}/engagements`,
      { type: 2, from: daysFrom(today(), -220), to: daysFrom(today(), -20), auditFirm: "Ledger" },
    );
    const base = `/api/v1/orgs/${org}/engagements/${engagement.id}`;
    await api.ok("PATCH", `/api/v1/orgs/${org}/controls/BC-04`, { status: "implemented" });
    for (let step = 0; step < 3; step += 1) await api.ok("POST", `${base}/advance`, {});

    const { page, context } = await rig.newPage();
    page.setDefaultTimeout(15_000);
    try {
      // The auditor's account signs in through this page's context.
      const dana = await assignAuditorAccount(api, context.request, org, base);
      await dana.auditor.ok("POST", `${base}/sample`, { seed: "home-seed" });

      await page.goto("/");
      await page.waitForURL(new RegExp(`/orgs/${org}$`));
      await page.getByRole("heading", { name: "My engagements", level: 1 }).waitFor();
      const nav = page.getByRole("navigation", { name: "Main navigation" });
      const first = nav.getByRole("link").first();
      await expect(first.innerText()).resolves.toBe("My engagements");
      await expect(first.getAttribute("aria-current")).resolves.toBe("page");
      await page.getByText(/^0 of 1 control concluded, 0 of 25 items tested$/).waitFor();
      await page.getByText(/^Next to test \(\d+ waiting\)$/).waitFor();
      await page.getByRole("main").getByRole("link", { name: "BC-04" }).first().waitFor();
      await rig.screenshot(page, "auditor-home-01");
      expect(await axeProblems(page)).toEqual([]);

      // Their engagement opens from the home, with its downloads.
      await page.getByRole("link", { name: `E-${engagement.number}`, exact: true }).click();
      await page.getByRole("heading", { name: /Type 2 with Ledger/, level: 1 }).waitFor();
      await page.getByRole("link", { name: "Workpapers (signed ZIP)" }).waitFor();
      const csv = await download(page, "Control matrix (CSV)");
      expect(csv.file).toMatch(/-E-1-control-matrix\.csv$/);
      const [header, ...rows] = parseCsv(csv.bytes.toString("utf8"));
      expect(header?.[1]).toBe("Control ref");
      expect(rows.map((r) => r[1])).toContain("BC-04");
      const xlsx = await download(page, "Control matrix (XLSX)");
      expect(xlsx.file).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(xlsx.bytes).buffer);
      expect(workbook.getWorksheet("Control matrix")?.rowCount).toBe(rows.length + 1);
      const papers = await download(page, "Workpapers (signed ZIP)");
      expect(papers.file).toMatch(/-E-1-workpapers-.*\.zip$/);
      expect(papers.bytes.subarray(0, 2).toString()).toBe("PK");
      await rig.screenshot(page, "auditor-home-02-engagement");

      // The company's owner takes the matrix, but not yet the auditor's workpapers.
      await owner.page.goto(`/orgs/${org}/engagements/${engagement.id}`);
      await owner.page.getByRole("link", { name: "Control matrix (CSV)" }).waitFor();
      await expect(
        owner.page.getByRole("link", { name: "Workpapers (signed ZIP)" }).count(),
      ).resolves.toBe(0);
      expect(rig.consoleErrors).toEqual([]);
    } catch (error) {
      await rig.screenshot(page, "auditor-home-00-failed");
      throw error;
    } finally {
      await context.close();
      await owner.context.close();
    }
  }, 120_000);
});
