/**
 * The reviewer's decision screen in a real browser: a campaign started and its accounts
 * imported through the pages, the flagged accounts shown first and alone, a keep without a
 * comment refused, decisions made from the keyboard, the rest kept in one go, and the campaign
 * completed and frozen. The axe scan stays clean on each page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountRows, accountsCsv, registerCsv } from "../support/access-review.ts";
import { createOrgViaApi, setupOwnerViaApi } from "./api.ts";
import { seriousViolations, violationLines } from "./axe.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

describe("access reviews in the browser", () => {
  it("starts a campaign, imports accounts and decides them on the reviewer's screen", async () => {
    const { page, context } = await rig.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    try {
      const owner = await setupOwnerViaApi(rig, context.request, "olivia@acme.example");
      const org = await createOrgViaApi(owner, "Acme Cloud");
      await owner.ok("POST", `/api/v1/orgs/${org}/people/import`, { csv: registerCsv(200) });

      // Start a campaign from the list page.
      await page.goto(`/orgs/${org}`);
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "Access reviews" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Access reviews" }).waitFor();
      await page.getByText("No access review yet").waitFor();
      problems.push(...violationLines("access-reviews", await seriousViolations(page)));
      await page.getByLabel("Name", { exact: true }).fill("Q4 GitHub review");
      await page.getByLabel("Systems").fill("GitHub");
      await page.getByLabel("Reviewers").fill("olivia@acme.example");
      await page.getByRole("button", { name: "Start campaign" }).click();
      await page.getByRole("heading", { level: 1, name: "AR-1 Q4 GitHub review" }).waitFor();

      // A bad file is refused, each line named; the good one is imported and matched.
      const input = page.getByLabel("Accounts of GitHub (CSV: account,email,privileged)");
      await input.setInputFiles({
        name: "bad.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("account,email,privileged\nana,ana@acme.example,maybe\n"),
      });
      await page.getByText('line 2: privileged: must be true or false, not "maybe"').waitFor();
      await input.setInputFiles({
        name: "github.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(accountsCsv(accountRows(200))),
      });
      await page.getByText("200 accounts: 3 leavers, 2 unknown, 4 privileged").waitFor();
      await page.getByText("0 of 200 decided").first().waitFor();
      problems.push(...violationLines("access-review", await seriousViolations(page)));
      await rig.screenshot(page, "access-review-01-campaign");

      // The decision screen shows the 9 flagged accounts only, by default.
      await page.getByRole("link", { name: "Decide accounts" }).click();
      await page
        .getByRole("heading", { level: 1, name: "Decide: AR-1 Q4 GitHub review" })
        .waitFor();
      const forms = page.getByRole("form");
      await expect.poll(() => forms.count()).toBe(9);
      problems.push(...violationLines("access-review-decide", await seriousViolations(page)));

      // Keeping a leaver without a comment is refused.
      const lee = page.getByRole("form", { name: "Decide lee.left on GitHub" });
      await lee.getByText("the person left on 2026-01-31").waitFor();
      await lee.getByRole("radio", { name: "Keep" }).check();
      await lee.getByRole("button", { name: "Save" }).click();
      await lee.getByText(/needs a comment saying why/).waitFor();

      // From the keyboard: arrows move to Remove, Tab to the comment, Enter saves.
      await lee.getByRole("radio", { name: "Keep" }).focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      expect(await lee.getByRole("radio", { name: "Remove" }).isChecked()).toBe(true);
      await page.keyboard.press("Tab");
      await page.keyboard.type("Left in January");
      await page.keyboard.press("Enter");
      await lee.getByText("Decided: Remove by olivia@acme.example").waitFor();

      // The other leavers and unknown accounts removed; privileged ones kept with a reason.
      for (const account of ["max.gone", "ola.out", "ci-bot", "contractor"]) {
        const form = page.getByRole("form", { name: `Decide ${account} on GitHub` });
        await form.getByRole("radio", { name: "Remove" }).check();
        await form.getByRole("button", { name: "Save" }).click();
        await form.getByText("Decided: Remove by olivia@acme.example").waitFor();
      }
      for (const account of ["hana", "person50", "person100", "person150"]) {
        const form = page.getByRole("form", { name: `Decide ${account} on GitHub` });
        await form.getByRole("radio", { name: "Keep" }).check();
        await form.getByLabel(`Comment on ${account} on GitHub`).fill("Administers the org");
        await form.getByRole("button", { name: "Save" }).click();
        await form.getByText("Decided: Keep by olivia@acme.example").waitFor();
      }
      await page.getByRole("button", { name: "Keep the 191 unflagged undecided accounts" }).click();
      await page.getByText("Undecided (0)").waitFor();
      await rig.screenshot(page, "access-review-02-decided");

      // Completed: frozen with its hash, filed on AC-06; the removals are tasks.
      await page.getByRole("link", { name: "AR-1", exact: true }).click();
      await page.getByRole("button", { name: "Complete and freeze" }).click();
      await page.getByText("Snapshot SHA-256").waitFor();
      await page.getByRole("link", { name: "evidence on AC-06" }).waitFor();
      problems.push(...violationLines("access-review-completed", await seriousViolations(page)));
      const tasks = await owner.ok<{ items: { source: string }[] }>(
        "GET",
        `/api/v1/orgs/${org}/tasks?mine=false&source=access-review`,
      );
      expect(tasks.items.filter((t) => t.source === "access-review")).toHaveLength(5);
      await rig.screenshot(page, "access-review-03-completed");
    } catch (error) {
      await rig.screenshot(page, "access-review-00-failed");
      console.error(rig.consoleErrors.join("\n"));
      throw error;
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
    // The two refusals (the bad file, the keep without a comment) are the only errors.
    expect(rig.consoleErrors.filter((e) => !e.includes("status of 422"))).toEqual([]);
    expect(rig.consoleErrors).toHaveLength(2);
  }, 120_000);
});
