import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgViaApi, setupOwnerViaApi } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";

// Evaluated through the DevTools protocol, as the accessibility test does (the CSP refuses an
// injected script tag).
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

/** Serious and critical axe violations on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.locator('[aria-busy="true"]:visible').first().waitFor({ state: "detached" });
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } };
    return (await axe.run()).violations;
  })) as { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The calendar day `months` months before today (UTC), as YYYY-MM-DD. */
function monthsAgo(months: number, extraDays = 0): string {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  date.setUTCDate(date.getUTCDate() + extraDays);
  return date.toISOString().slice(0, 10);
}

describe("the vendor page in the browser", () => {
  it("adds a subservice organization, files its stale report and maps a CUEC", async () => {
    const { page, context } = await rig.newPage();
    page.setDefaultTimeout(10_000);
    try {
      const owner = await setupOwnerViaApi(rig, context.request, "olivia@acme.example");
      const org = await createOrgViaApi(owner, "Acme Cloud");

      await page.goto(`/orgs/${org}`);
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "Vendors" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Vendors" }).waitFor();
      await page.getByText("No vendors yet").waitFor();

      // A new vendor: a critical, carved-out subservice organization.
      await page.getByRole("button", { name: "New vendor" }).click();
      const dialog = page.getByRole("dialog", { name: "New vendor" });
      await dialog.getByLabel("Name").fill("Amazon Web Services");
      await dialog.getByLabel("Service provided").fill("Hosting, databases and backups");
      await dialog.getByLabel("Tier", { exact: true }).click();
      await page.getByRole("option", { name: "1 · critical" }).click();
      await dialog.getByLabel("Subservice organization for the system").click();
      await page.getByRole("option", { name: "Yes, carve-out" }).click();
      await dialog
        .getByLabel("Their controls the system relies on")
        .fill("Data centres admit only authorized staff.");
      await dialog.getByRole("button", { name: "Add vendor" }).click();
      await page.getByRole("heading", { level: 1, name: "V-1 Amazon Web Services" }).waitFor();
      await page.getByText("Yes, carve-out").waitFor();

      // Its SOC 2 report, whose period ended about fourteen months ago, with two CUECs.
      await page.getByRole("button", { name: "Add report" }).click();
      const upload = page.getByRole("dialog", { name: "Add an assurance report" });
      const file = path.join(rig.database.dataDir, "aws-soc2.pdf");
      writeFileSync(file, "%PDF-1.4 the vendor's SOC 2 report");
      await upload.getByLabel("Evidence file").setInputFiles(file);
      const to = monthsAgo(14);
      await upload.getByLabel("Period from").fill(monthsAgo(26, 1));
      await upload.getByLabel("Period to").fill(to);
      await upload
        .getByLabel("Complementary user entity controls")
        .fill(
          "Customers restrict who can sign in to their accounts.\nCustomers encrypt the storage they create.",
        );
      await upload.getByRole("button", { name: "Add report" }).click();
      await upload.waitFor({ state: "detached" });

      // Flagged: the period ended more than twelve months ago.
      const flags = page.getByRole("alert").filter({ hasText: "needs attention" });
      await flags.getByText(`period ended on ${to}, more than 12 months ago`).waitFor();
      await page.getByText("Unmapped: a readiness gap").first().waitFor();
      await rig.screenshot(page, "vendors-01-flagged");

      // Map CUEC-1 to one of our controls; the history says so.
      await page.getByRole("combobox", { name: "Controls that address CUEC-1" }).click();
      await page.getByRole("option", { name: /^AC-01 / }).click();
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Save mapping of CUEC-1" }).click();
      await page.getByText("Vendor V-1: CUEC-1 mapped to AC-01").waitFor();
      await expect.poll(() => page.getByText("Unmapped: a readiness gap").count()).toBe(1);
      await rig.screenshot(page, "vendors-02-mapped");
      expect(await axeProblems(page)).toEqual([]);

      // The inventory shows the flags at a glance.
      await page.getByRole("main").getByRole("link", { name: "Vendors" }).first().click();
      const table = page.getByRole("table", { name: "Vendor inventory" });
      await table.getByText("Stale").waitFor();
      await table.getByText("1 unmapped CUEC").waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await rig.screenshot(page, "vendors-03-inventory");
    } catch (error) {
      await rig.screenshot(page, "vendors-00-failed");
      console.error(rig.consoleErrors.join("\n"));
      throw error;
    } finally {
      await context.close();
    }
    expect(rig.consoleErrors).toEqual([]);
  }, 120_000);
});
