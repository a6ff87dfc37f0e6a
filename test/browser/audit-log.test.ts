import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgViaApi, setupOwnerViaApi, today } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

describe("the audit log in the browser", () => {
  it("reads as sentences, never raw data, and narrows by filter", async () => {
    const { page, context } = await rig.newPage();
    page.setDefaultTimeout(10_000);
    try {
      const owner = await setupOwnerViaApi(rig, context.request, "olivia@acme.example");
      const org = await createOrgViaApi(owner, "Acme Cloud");
      const base = `/api/v1/orgs/${org}`;
      await owner.ok("PATCH", `${base}/controls/AC-04`, { status: "implemented" });
      await owner.ok("POST", `${base}/evidence`, {
        title: "Access request tickets, March",
        link: "https://tracker.acme.example/access/2026-03",
        controls: ["AC-04"],
        forDate: today(),
      });
      await owner.ok("POST", `${base}/engagements`, {
        type: 1,
        asOf: today(),
        auditFirm: "Prudent & Partners LLP",
      });

      await page.goto(`/orgs/${org}/audit-log`);
      const rows = page.locator("tbody tr");
      await page.getByText("Control AC-04 marked implemented").waitFor();
      await page.getByText("Status: not started → implemented").waitFor();
      await page
        .getByText("Evidence “Access request tickets, March” added for AC-04", { exact: false })
        .waitFor();
      await page.getByText(/^Engagement E-1 created: Type 1, as of/).waitFor();
      const table = await page.locator("table").innerText();
      expect(table).not.toMatch(/[{}"]|undefined|\bnull\b/);
      expect(table).not.toContain("control.updated");
      await rig.screenshot(page, "audit-log-01-sentences");
      const everything = await rows.count();

      // A filter on the record: only AC-04's events, newest first.
      await page.getByLabel("Record", { exact: true }).fill("ac-04");
      await page.getByRole("button", { name: "Apply filters" }).click();
      // Wait for the filtered list itself: the old rows can leave before the new ones arrive.
      await expect
        .poll(async () => {
          const shown = await page.locator(".audit-sentence").allInnerTexts();
          return shown.length > 1 && shown.every((sentence) => sentence.includes("AC-04"));
        })
        .toBe(true);
      const sentences = await page.locator(".audit-sentence").allInnerTexts();
      expect(sentences.length).toBeGreaterThan(1);
      expect(sentences.length).toBeLessThan(everything);
      for (const sentence of sentences) expect(sentence).toContain("AC-04");
      expect(sentences[0]).toBe("Control AC-04 marked implemented");

      // An action from the list, with the record cleared: every control update, and only those.
      await page.getByLabel("Record", { exact: true }).fill("");
      await page.getByRole("combobox", { name: "Action" }).fill("control upd");
      await page.getByRole("option", { name: "Control updated", exact: true }).click();
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect
        .poll(() => page.locator(".audit-sentence").allInnerTexts())
        .toEqual(["Control AC-04 marked implemented"]);

      // From an event to its record's history.
      await page.getByRole("button", { name: "Clear" }).click();
      await page.getByRole("button", { name: "History of engagement E-1" }).click();
      await expect
        .poll(() => page.locator(".audit-sentence").allInnerTexts())
        .toEqual([expect.stringMatching(/^Engagement E-1 created/)]);
      await expect(page.getByLabel("Record", { exact: true }).inputValue()).resolves.toBe("E-1");
      await rig.screenshot(page, "audit-log-02-filtered");
      expect(rig.consoleErrors).toEqual([]);
    } catch (error) {
      await rig.screenshot(page, "audit-log-00-failed");
      throw error;
    } finally {
      await context.close();
    }
  });
});
