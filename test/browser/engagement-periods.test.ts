/**
 * The new-engagement form and the period rules: a reason asked for past twelve months, and a
 * gap after the previous Type 2 reported by the server, then confirmed with the checkbox.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createOrgViaApi, setupOwnerViaApi } from "./api.ts";
import type { ApiClient } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

describe("the new-engagement form", () => {
  let owner: ApiClient;
  let org: string;
  let page: Page;

  beforeAll(async () => {
    const first = await rig.newPage();
    page = first.page;
    page.setDefaultTimeout(10_000);
    owner = await setupOwnerViaApi(rig, first.context.request, "olivia@acme.example");
    org = await createOrgViaApi(owner, "Acme Cloud");
    await owner.ok("POST", `/api/v1/orgs/${org}/engagements`, {
      type: 2,
      from: "2025-01-01",
      to: "2025-06-30",
      auditFirm: "Ledger & Co",
    });
  }, 60_000);

  async function openForm(from: string, to: string): Promise<void> {
    await page.goto(`/orgs/${org}/engagements`);
    await page.getByRole("button", { name: "New engagement" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Period from").fill(from);
    await dialog.getByLabel("Period to").fill(to);
    await dialog.getByLabel("Audit firm").fill("Ledger & Co");
  }

  it("asks why a period runs past twelve months", async () => {
    try {
      await openForm("2024-01-01", "2025-01-31");
      await page.getByLabel("Why the period is longer than twelve months").waitFor();
      await page
        .getByRole("button", { name: "Close" })
        .click()
        .catch(() => undefined);
    } catch (error) {
      await rig.screenshot(page, "engagement-periods-00-long-failed");
      throw error;
    }
  });

  it("shows the gap the server reports, and creates the engagement once it is confirmed", async () => {
    try {
      await openForm("2025-09-01", "2026-02-28");
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByRole("checkbox").count()).resolves.toBe(0);
      await dialog.getByRole("button", { name: "Create engagement" }).click();
      await dialog
        .getByText(/2025-07-01 to 2025-08-31/)
        .first()
        .waitFor();
      await rig.screenshot(page, "engagement-periods-gap");
      await dialog.getByRole("checkbox", { name: /Start after a gap/ }).check();
      await dialog.getByRole("button", { name: "Create engagement" }).click();
      await page.waitForURL(/\/engagements\/[^/]+$/);
      const listed = await owner.ok<{ items: { number: number }[] }>(
        "GET",
        `/api/v1/orgs/${org}/engagements`,
      );
      expect(listed.items.map((e) => e.number)).toEqual([1, 2]);
    } catch (error) {
      await rig.screenshot(page, "engagement-periods-01-gap-failed");
      throw error;
    }
  });
});
