/**
 * Connectors and checks in the browser, against the fake GitHub API: a connector added from
 * the form its fields generate, run now, a failing check's resources with their reasons, an
 * exception, the connector's error shown after its token is revoked, its form then editing the
 * name and replacing the token (a wrong one refused, nothing saved), and axe clean on the pages.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compliantState, startFakeGitHub } from "../support/fake-github.ts";
import type { FakeGitHub } from "../support/fake-github.ts";
import { createOrgViaApi, setupOwnerViaApi } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let rig: BrowserRig;
let fake: FakeGitHub;
beforeAll(async () => {
  rig = await startRig();
  fake = await startFakeGitHub({ state: compliantState() });
}, 120_000);
afterAll(async () => {
  await fake?.close();
  await rig?.close();
});

/** Serious and critical axe violations on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  await page.locator('[aria-busy="true"]:visible').first().waitFor({ state: "detached" });
  await page.evaluate(AXE);
  const found = (await page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } };
    return (await axe.run()).violations;
  })) as { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
  return found
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("connectors and checks in the browser", () => {
  it("adds GitHub from its form, runs it, shows the failing resource and excepts it", async () => {
    const { page, context } = await rig.newPage();
    page.setDefaultTimeout(15_000);
    try {
      const owner = await setupOwnerViaApi(rig, context.request, "olivia@acme.example");
      const org = await createOrgViaApi(owner, "Acme Code");
      fake.state.repositories[1]!.protection!.requiredPullRequestReviews = null;

      await page.goto(`/orgs/${org}/settings`);
      await page.getByRole("heading", { level: 2, name: "Connectors" }).waitFor();
      await page.getByText("No connector yet").waitFor();
      await page.getByRole("textbox", { name: "Name", exact: true }).fill("GitHub acme");
      await page.getByRole("textbox", { name: "Organization", exact: true }).fill("acme");
      await page.getByRole("textbox", { name: "Repositories in scope" }).fill("all");
      await page.getByRole("textbox", { name: "API URL" }).fill(fake.url);
      await page.getByLabel("Fine-grained personal access token").fill("wrong-token");
      await page.getByRole("button", { name: "Test and save" }).click();
      await page
        .getByRole("alert")
        .getByText(/unauthorized/)
        .waitFor();
      await page.getByLabel("Fine-grained personal access token").fill(compliantState().token);
      await page.getByRole("button", { name: "Test and save" }).click();
      await page.getByRole("status").getByText("Connected CN-1 GitHub acme.").waitFor();
      expect(await violations(page)).toEqual([]);

      await page.getByRole("button", { name: "Run now: GitHub acme" }).click();
      await page
        .getByRole("status")
        .getByText(/^CR-1: \d+ checks, 3 failing\.$/)
        .waitFor();
      await rig.screenshot(page, "checks-01-connector");

      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "Checks" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Checks" }).waitFor();
      const table = page.getByRole("table", { name: "Checks" });
      await table.getByRole("button", { name: "github.branch-requires-review" }).click();
      const resources = page.getByRole("table", {
        name: "Resources of github.branch-requires-review on GitHub acme",
      });
      await resources.getByText("acme/web").first().waitFor();
      expect(await violations(page)).toEqual([]);
      await rig.screenshot(page, "checks-02-failing");

      const resourceId = await resources
        .getByRole("button", { name: /^Except / })
        .getAttribute("aria-label");
      const reason = page.getByRole("textbox", { name: /^Reason to except / });
      await reason.fill("A scratch repository nobody deploys from");
      await page
        .getByRole("textbox", { name: "Until (YYYY-MM-DD)" })
        .fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
      await page.getByRole("button", { name: resourceId ?? "Except" }).click();
      await resources.getByText("Excepted (CE-1)").waitFor();
      await page.getByRole("table", { name: "Exceptions" }).getByText("In force").waitFor();

      // The token revoked: the next run fails, and the connector says why.
      fake.state.token = "revoked-since";
      await page.goto(`/orgs/${org}/settings`);
      await page.getByRole("button", { name: "Run now: GitHub acme" }).click();
      await page
        .getByRole("status")
        .getByText(/CR-2 failed \(unauthorized\)/)
        .waitFor();
      await page.getByRole("table", { name: "Connectors" }).getByText("unauthorized").waitFor();

      // Its form: the settings prefilled, the token never shown, a wrong new one refused.
      await page.getByRole("button", { name: "Edit GitHub acme" }).click();
      const form = page.getByRole("form", { name: "Edit GitHub acme" });
      expect(await form.getByRole("textbox", { name: "API URL" }).inputValue()).toBe(fake.url);
      expect(await form.getByRole("textbox", { name: "Organization" }).inputValue()).toBe("acme");
      const token = form.getByLabel("New fine-grained personal access token");
      expect(await token.inputValue()).toBe("");
      await form.getByRole("textbox", { name: "Connector name" }).fill("GitHub Acme Inc");
      await token.fill("still-wrong");
      await form.getByRole("button", { name: "Test and save changes" }).click();
      await form
        .getByRole("alert")
        .getByText(/unauthorized/)
        .waitFor();
      await page.getByRole("table", { name: "Connectors" }).getByText("CN-1 GitHub acme").waitFor();
      expect(await violations(page)).toEqual([]);
      await token.fill("revoked-since");
      await form.getByRole("button", { name: "Test and save changes" }).click();
      await page.getByRole("status").getByText("Saved CN-1 GitHub Acme Inc.").waitFor();
      await page.getByRole("button", { name: "Run now: GitHub Acme Inc" }).click();
      await page
        .getByRole("status")
        .getByText(/^CR-3: \d+ checks, \d+ failing\.$/)
        .waitFor();
      await page
        .getByRole("table", { name: "Connectors" })
        .getByText("unauthorized")
        .waitFor({ state: "detached" });
    } finally {
      fake.state.token = compliantState().token;
      await context.close();
    }
  });
});
