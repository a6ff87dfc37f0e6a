/**
 * Policies in the browser: the owner adopts a template, edits it with the preview, has it
 * approved and publishes it; an employee finds the acknowledgement on "My tasks", reads the
 * policy in the app and acknowledges it with one click; the owner sees who acknowledged.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, createOrgViaApi, setupOwnerViaApi } from "./api.ts";
import type { ApiClient } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";
import { PASSWORD } from "./flows.ts";

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

describe("policies in the browser", () => {
  let owner: ApiClient;
  let ownerPage: Page;
  let employee: { context: BrowserContext; page: Page };
  let org: string;

  beforeAll(async () => {
    const first = await rig.newPage();
    ownerPage = first.page;
    ownerPage.setDefaultTimeout(10_000);
    owner = await setupOwnerViaApi(rig, first.context.request, "olivia@acme.example");
    org = await createOrgViaApi(owner, "Acme Cloud");
    const invitation = await owner.ok<{ link: string }>("POST", `/api/v1/orgs/${org}/invitations`, {
      email: "emma@acme.example",
      role: "employee",
    });
    const token = decodeURIComponent(new URL(invitation.link).pathname.split("/invite/")[1] ?? "");
    employee = await rig.newPage();
    employee.page.setDefaultTimeout(10_000);
    await apiClient(employee.context.request).ok("POST", `/api/v1/invitations/${token}/accept`, {
      name: "Emma Employee",
      password: PASSWORD,
    });
  }, 60_000);

  it("lets the owner adopt a template, edit it with a preview, approve and publish it", async () => {
    const page = ownerPage;
    try {
      await page.goto(`/orgs/${org}/policies`);
      await page.getByRole("heading", { level: 1, name: "Policies" }).waitFor();
      await page.getByRole("button", { name: "Adopt Acceptable Use Policy" }).click();
      const dialog = page.getByRole("dialog", { name: "Adopt: Acceptable Use Policy" });
      await dialog.getByLabel(/^Screen lock after idle/).fill("3");
      await dialog.getByRole("button", { name: "Adopt as a draft" }).click();
      await page.waitForURL(new RegExp(`/orgs/${org}/policies/P-1$`));
      await page.getByRole("heading", { level: 1, name: "P-1 Acceptable Use Policy" }).waitFor();

      // The editor: a line of HTML stays text in the preview, never markup.
      const text = page.getByLabel("Text (Markdown)");
      await text.waitFor();
      expect(await text.inputValue()).toContain("Acme Cloud");
      await text.fill(
        `${await text.inputValue()}\n\n## Local additions\n\nAsk **in writing**. <img src=x onerror=alert(1)>`,
      );
      const preview = page.getByLabel("Preview");
      await preview.getByRole("heading", { name: "Local additions" }).waitFor();
      await preview.getByText("<img src=x onerror=alert(1)>", { exact: false }).waitFor();
      await expect(preview.locator("img").count()).resolves.toBe(0);
      await expect(preview.locator("strong", { hasText: "in writing" }).count()).resolves.toBe(1);
      await rig.screenshot(page, "policies-editor");
      await page.getByRole("button", { name: "Save draft" }).click();
      await page.getByText("Saved.").waitFor();

      await page.getByRole("button", { name: "Submit for approval" }).click();
      await page.getByRole("button", { name: "Approve" }).click();
      await page.getByRole("button", { name: "Publish" }).click();
      await page.getByText("published", { exact: true }).first().waitFor();
      await page.getByRole("tab", { name: "Versions" }).click();
      await page.getByRole("link", { name: "PDF of version 1" }).waitFor();
      await page.getByText("The two texts are the same.").waitFor();
      await rig.screenshot(page, "policies-versions");
    } catch (error) {
      await rig.screenshot(page, "policies-owner-00-failed");
      throw error;
    }
  });

  it("shows the employee the task, the policy to read, and acknowledges it in one click", async () => {
    const { page } = employee;
    try {
      await page.goto(`/orgs/${org}`);
      await page.waitForURL(new RegExp(`/orgs/${org}/tasks$`));
      await page.getByRole("heading", { level: 1, name: "My tasks" }).waitFor();
      await page.getByRole("link", { name: "Read and acknowledge Acceptable Use Policy" }).click();
      await page.getByRole("heading", { level: 1, name: "P-1 Acceptable Use Policy" }).waitFor();
      await page.getByRole("heading", { name: "Local additions" }).waitFor();
      await expect(page.getByRole("tab", { name: "Edit" }).count()).resolves.toBe(0);
      await rig.screenshot(page, "policies-employee-read");
      await page.getByRole("button", { name: "I have read and acknowledge this policy" }).click();
      await page.getByText("You acknowledged version 1").waitFor();
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "My tasks" })
        .click();
      // Her training remains on the list; the acknowledgement is gone.
      await page
        .getByRole("link", { name: /^Complete the training: / })
        .first()
        .waitFor();
      await page
        .getByRole("link", { name: "Read and acknowledge Acceptable Use Policy" })
        .waitFor({ state: "detached" });
    } catch (error) {
      await rig.screenshot(page, "policies-employee-00-failed");
      throw error;
    }
  });

  it("shows the owner who acknowledged which hash, and files the roster as evidence", async () => {
    const page = ownerPage;
    await page.goto(`/orgs/${org}/policies/P-1`);
    await page.getByRole("tab", { name: "Acknowledgements" }).click();
    await page.getByText("1 of 2 acknowledged").waitFor();
    await page.getByRole("cell", { name: "Emma Employee (emma@acme.example)" }).waitFor();
    await page.getByRole("button", { name: "File as evidence" }).click();
    await page.getByText("Filed as evidence").waitFor();
    await rig.screenshot(page, "policies-acknowledgements");
  });

  it("logs no console error on the way", () => {
    expect(rig.consoleErrors).toEqual([]);
  });
});
