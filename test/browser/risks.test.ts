import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { riskTemplate } from "../../src/catalog/risks/library.ts";
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

describe("the risk register in the browser", () => {
  it("adds starter risks, counts them on the heat maps, edits one and records an assessment", async () => {
    const { page, context } = await rig.newPage();
    page.setDefaultTimeout(10_000);
    try {
      const owner = await setupOwnerViaApi(rig, context.request, "olivia@acme.example");
      const org = await createOrgViaApi(owner, "Acme Cloud");
      const first = riskTemplate("RL-01")!;
      const second = riskTemplate("RL-02")!;

      await page.goto(`/orgs/${org}`);
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "Risks" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Risks" }).waitFor();
      const inherent = page.getByRole("table", { name: "Inherent risk (before controls)" });
      const residual = page.getByRole("table", { name: "Residual risk (after controls)" });
      await inherent.waitFor();
      // Empty: 25 cells of 0, each saying its band in words.
      expect(await inherent.locator("td[data-cell]").count()).toBe(25);
      expect(await inherent.locator("td[data-cell]").allInnerTexts()).not.toContain("1");
      expect(await inherent.locator('td[data-cell="5-5"]').innerText()).toContain("critical");

      // The library picker: two starter risks into the register.
      await page.getByRole("link", { name: "Add from library" }).click();
      await page.getByRole("heading", { level: 1, name: "Starter risks" }).waitFor();
      await page.getByRole("checkbox", { name: `Add RL-01 ${first.title}` }).check();
      await page.getByRole("checkbox", { name: `Add RL-02 ${second.title}` }).check();
      await page.getByRole("button", { name: "Add 2 to the register" }).click();
      await page.getByText("Added R-1, R-2").waitFor();
      await rig.screenshot(page, "risks-01-library");

      // The heat map counts them in the cells of their suggested scores.
      await page.getByRole("main").getByRole("link", { name: "Risks" }).first().click();
      await page.getByRole("table", { name: "Risk register" }).waitFor();
      const cell = (t: typeof first) => `td[data-cell="${t.likelihood}-${t.impact}"]`;
      const expected = cell(first) === cell(second) ? "2" : "1";
      await expect
        .poll(() => inherent.locator(cell(first)).innerText())
        .toMatch(new RegExp(`^${expected}`));
      await expect
        .poll(() => residual.locator(cell(second)).innerText())
        .toMatch(new RegExp(`^${expected}`));
      const counted = (await inherent.locator("td[data-cell]").allInnerTexts())
        .map((text) => Number.parseInt(text, 10))
        .reduce((a, b) => a + b, 0);
      expect(counted).toBe(2);
      await rig.screenshot(page, "risks-02-heat-map");

      // A filter that matches nothing empties the table and the heat maps alike.
      // The filter lives in the URL, which the router updates in a transition: click, then wait.
      await page.getByLabel("Past their review date").click();
      await page.getByText("No risks match").waitFor();
      await page.getByLabel("Past their review date").click();
      await page.getByRole("table", { name: "Risk register" }).waitFor();

      // Rescore R-1 after its controls: the edit is in its history, from → to.
      await page.getByRole("link", { name: "R-1", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: /^R-1 / }).waitFor();
      await page.getByRole("button", { name: "Edit risk" }).click();
      await page.getByLabel("Residual likelihood (1–5)", { exact: true }).first().click();
      await page.getByRole("option", { name: "1", exact: true }).click();
      await page.getByRole("button", { name: "Save risk" }).click();
      await page.getByText("Risk R-1 residual likelihood changed").waitFor();
      await page.getByText(`Residual likelihood: ${first.likelihood} → 1`).waitFor();

      // The yearly assessment freezes the register and shows its heat maps.
      await page.goto(`/orgs/${org}/risks/assessments`);
      await page.getByRole("heading", { level: 1, name: "Risk assessments" }).waitFor();
      await page.getByLabel("Participants").fill("olivia@acme.example, Casey CTO");
      await page.getByRole("button", { name: "Freeze the register and record" }).click();
      await page.getByRole("button", { name: "Show RA-1" }).waitFor();
      const frozen = page.getByRole("table", { name: "RA-1: residual risk" });
      await frozen.waitFor();
      await expect
        .poll(() => frozen.locator(`td[data-cell="1-${first.impact}"]`).innerText())
        .toMatch(/^1/);
      await page.getByRole("table", { name: "Risk assessments" }).getByText("Olivia").waitFor();
      await rig.screenshot(page, "risks-03-assessment");
    } catch (error) {
      await rig.screenshot(page, "risks-00-failed");
      console.error(rig.consoleErrors.join("\n"));
      throw error;
    } finally {
      await context.close();
    }
    expect(rig.consoleErrors).toEqual([]);
  }, 90_000);
});
