import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peopleCsv, workforce } from "../support/people.ts";
import { createOrgViaApi, setupOwnerViaApi } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

/** Serious and critical axe violations on the page as it is now. */
async function axeProblems(page: Page, name: string): Promise<string[]> {
  await page.locator('[aria-busy="true"]:visible').first().waitFor({ state: "detached" });
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } };
    return (await axe.run()).violations;
  })) as { id: string; impact: string | null; help: string }[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${name}: ${v.id} (${v.impact}) ${v.help}`);
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

describe("the people register in the browser", () => {
  it("the owner uploads the HR file, sees a leaver's overdue step and marks it done", async () => {
    const { page, context } = await rig.newPage();
    page.setDefaultTimeout(10_000);
    const dir = mkdtempSync(join(tmpdir(), "attest-people-"));
    try {
      const owner = await setupOwnerViaApi(rig, context.request, "olivia@acme.example");
      const org = await createOrgViaApi(owner, "Acme Cloud");
      const problems: string[] = [];

      // A bad file first: refused whole, each bad line named.
      const bad = join(dir, "bad.csv");
      writeFileSync(
        bad,
        peopleCsv([
          { email: "ok@acme.example", name: "Fine Row" },
          { email: "broken", name: "Broken Row", type: "intern" as "employee" },
        ]),
      );
      await page.goto(`/orgs/${org}`);
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "People" })
        .click();
      await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
      await page.getByLabel("People CSV file").setInputFiles(bad);
      await page.getByRole("button", { name: "Import people" }).click();
      const list = page.getByRole("list", { name: "Problems in the file" });
      await list.getByText('line 3: email: "broken" is not an email').waitFor();
      await list.getByText('line 3: type: "intern" is not employee or contractor').waitFor();
      await page.getByText("No one in the register yet").waitFor();

      // The refusal is the server's 422, as intended: not a console error of the page.
      rig.consoleErrors.splice(0, rig.consoleErrors.length);

      // The real file: a leaver whose last day was three weeks ago, past every step's SLA.
      const good = join(dir, "people.csv");
      writeFileSync(
        good,
        peopleCsv(
          workforce(6, "acme.example", [
            {
              email: "sam@acme.example",
              name: "Sam Leaver",
              manager: "head@acme.example",
              start: "2024-01-08",
              end: daysAgo(20),
            },
          ]),
        ),
      );
      await page.getByLabel("People CSV file").setInputFiles(good);
      await page.getByRole("button", { name: "Import people" }).click();
      await page
        .getByText("Imported 7 rows: 6 created, 0 updated, 1 ended, 0 unchanged.")
        .waitFor();
      const overdue = page.getByRole("table", { name: "Overdue onboarding and offboarding steps" });
      await overdue.getByText("Access removed in every system").waitFor();
      await page.getByRole("table", { name: "People register" }).getByText("Sam Leaver").waitFor();
      await rig.screenshot(page, "people-01-register");
      problems.push(...(await axeProblems(page, "people")));

      // The dashboard counts it.
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "Dashboard" })
        .click();
      await page.getByRole("heading", { level: 2, name: "Joiners and leavers" }).waitFor();
      await page.getByText("3 overdue steps").waitFor();

      // The person's page: the offboarding checklist, and the step marked done.
      await page.getByRole("link", { name: "Sam Leaver" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Sam Leaver" }).waitFor();
      const steps = page.getByRole("table", { name: "Checklist steps for Sam Leaver" });
      await steps.getByText("within 1 business day of the end date").waitFor();
      problems.push(...(await axeProblems(page, "person")));
      await page.getByRole("button", { name: "Mark done: Access removed in every system" }).click();
      await steps.getByText(/by olivia.*\(late\)/i).waitFor();
      await rig.screenshot(page, "people-02-person");
      expect(problems).toEqual([]);
    } catch (error) {
      await rig.screenshot(page, "people-00-failed");
      console.error(rig.consoleErrors.join("\n"));
      throw error;
    } finally {
      await context.close();
    }
    expect(rig.consoleErrors).toEqual([]);
  }, 90_000);
});
