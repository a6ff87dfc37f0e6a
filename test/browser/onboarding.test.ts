import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";
import { createOwnerInBrowser } from "./flows.ts";

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig.close();
});

describe("a new company in the browser", () => {
  it("creates the owner with the setup link, onboards, and reaches a readiness dashboard", async () => {
    const { page, context } = await rig.newPage();
    page.setDefaultTimeout(10_000);
    try {
      await createOwnerInBrowser(rig, page, "olivia@acme.example");
    } catch (error) {
      await rig.screenshot(page, "00-failed");
      throw error;
    }
    await rig.screenshot(page, "01-onboarding");
    await page.getByLabel("Company name").fill("Acme Cloud");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel("System name").fill("Acme Analytics Platform");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("checkbox", { name: /Confidentiality/ }).check();
    await page.getByRole("button", { name: "Next" }).click();
    await rig.screenshot(page, "02-onboarding-library");
    await page.getByRole("button", { name: "Create organization" }).click();
    await page.waitForURL(/\/orgs\/acme-cloud/);
    await page
      .getByRole("heading", { name: /Readiness|Dashboard/ })
      .first()
      .waitFor();
    await page
      .getByText(/criteria/i)
      .first()
      .waitFor();
    await rig.screenshot(page, "03-dashboard");
    // Security and confidentiality: 33 + 2 criteria, none covered before any work.
    await page.getByText("0 of 35 relevant criteria covered").waitFor();
    expect(rig.consoleErrors).toEqual([]);
    await context.close();
  });
});
