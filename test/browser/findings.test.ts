import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudTrailFile, consoleLogin, ROOT, sarifLog } from "../support/findings-files.ts";
import { createOrgViaApi, setupOwnerViaApi } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

describe("findings in the browser", () => {
  it("imports a SARIF file and a CloudTrail log, filters, and triages a flagged event", async () => {
    const { page, context } = await rig.newPage();
    page.setDefaultTimeout(10_000);
    try {
      const owner = await setupOwnerViaApi(rig, context.request, "olivia@acme.example");
      const org = await createOrgViaApi(owner, "Acme Cloud");
      await page.goto(`/orgs/${org}`);
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "Findings" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Findings" }).waitFor();
      await page.getByText("No findings match").waitFor();

      const importFile = async (format: string, name: string, content: string) => {
        await page.getByRole("combobox", { name: "Format" }).click();
        await page.getByRole("option", { name: format }).click();
        await page.locator('input[type="file"]').setInputFiles({
          name,
          mimeType: "application/json",
          buffer: Buffer.from(content),
        });
        await page.getByRole("button", { name: "Import", exact: true }).click();
      };
      await importFile(
        "SARIF (code and image scanners)",
        "codeql.sarif",
        sarifLog([
          { rule: "js/sql-injection", file: "src/db.ts", line: 4, score: "9.1" },
          { rule: "js/weak-hash", file: "src/auth.ts", line: 9, score: "5.0" },
        ]),
      );
      await page.getByRole("status").getByText("FI-1: 2 results, 2 new, 0 seen again.").waitFor();
      const today = new Date().toISOString().slice(0, 10);
      await importFile(
        "CloudTrail (flagged events)",
        "trail.json",
        cloudTrailFile([
          consoleLogin(`${today}T00:00:01Z`, "Success", "Yes", ROOT),
          consoleLogin(`${today}T00:00:02Z`, "Success", "No"),
        ]),
      );
      await page.getByRole("status").getByText("FI-2: 2 results, 2 new").waitFor();
      const table = page.getByRole("table", { name: "Findings" });
      await expect.poll(() => table.locator("tbody tr").count()).toBe(4);
      await page.getByText("4 open (0 past their deadline), 0 closed").waitFor();
      await rig.screenshot(page, "findings-01-list");

      // Only the flagged events, then one of them triaged as authorized.
      await page.getByRole("combobox", { name: "Source" }).click();
      await page.getByRole("option", { name: "CloudTrail (flagged events)" }).click();
      await expect.poll(() => table.locator("tbody tr").count()).toBe(2);
      await table.getByRole("link", { name: "F-3" }).click();
      await page.getByRole("heading", { level: 1, name: /^F-3 / }).waitFor();
      await page.getByText("As imported").waitFor();
      await page.getByRole("combobox", { name: "Decision" }).click();
      await page.getByRole("option", { name: "Authorized activity" }).click();
      await page.getByRole("textbox", { name: "Reason" }).fill("Break-glass drill, ticket OPS-12");
      await page.getByRole("button", { name: "Close the finding" }).click();
      await page.getByText("Authorized activity by Olivia").waitFor();
      await page.getByText("Finding F-3 triaged as authorized-activity").waitFor();
      await rig.screenshot(page, "findings-02-triaged");
    } finally {
      await context.close();
    }
  }, 60_000);
});
