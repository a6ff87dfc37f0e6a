/**
 * Bulk control owners and notification choices in the browser: the owner assigns a role's
 * controls to a control owner (and a bad CSV is refused whole, naming its line), the control
 * owner finds them on My tasks and turns the mail digest off, and the owner adds a signed
 * webhook whose secret is shown once.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, createOrgViaApi, setupOwnerViaApi } from "./api.ts";
import type { ApiClient } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";
import { PASSWORD } from "./flows.ts";

let rig: BrowserRig;
let owner: ApiClient;
let ownerPage: Page;
let carl: { context: BrowserContext; page: Page };
let org: string;

beforeAll(async () => {
  rig = await startRig();
  const first = await rig.newPage();
  ownerPage = first.page;
  ownerPage.setDefaultTimeout(10_000);
  owner = await setupOwnerViaApi(rig, first.context.request, "olivia@acme.example");
  org = await createOrgViaApi(owner, "Acme Cloud");
  const invitation = await owner.ok<{ link: string }>("POST", `/api/v1/orgs/${org}/invitations`, {
    email: "carl@acme.example",
    role: "control-owner",
  });
  const token = decodeURIComponent(new URL(invitation.link).pathname.split("/invite/")[1] ?? "");
  carl = await rig.newPage();
  carl.page.setDefaultTimeout(10_000);
  await apiClient(carl.context.request).ok("POST", `/api/v1/invitations/${token}/accept`, {
    name: "Carl Control",
    password: PASSWORD,
  });
}, 120_000);

afterAll(async () => {
  await rig?.close();
});

describe("control owners in bulk and notification choices", () => {
  it("assigns a role's controls to a member, who sees them on My tasks", async () => {
    const page = ownerPage;
    try {
      await page.goto(`/orgs/${org}/controls`);
      await page.getByRole("heading", { level: 1, name: "Controls" }).waitFor();
      await page.getByRole("columnheader", { name: "Suggested role" }).waitFor();
      await page.getByRole("button", { name: "Assign owners" }).click();
      const dialog = page.getByRole("dialog", { name: "Assign control owners" });

      // A CSV with a bad line assigns nothing and names the line.
      await dialog.getByRole("tab", { name: "From a CSV" }).click();
      await dialog
        .getByLabel("One ref,email per line")
        .fill("AC-01,carl@acme.example\nZZ-99,x@y\n");
      await dialog.getByRole("button", { name: "Assign from CSV" }).click();
      await dialog.getByText("csv.line 2: no control ZZ-99").waitFor();

      await dialog.getByRole("tab", { name: "By suggested role" }).click();
      await dialog.getByRole("combobox", { name: "Suggested owner role" }).click();
      await page.getByRole("option", { name: "IT", exact: true }).click();
      await dialog.getByRole("combobox", { name: "Member who owns these controls" }).click();
      await page.getByRole("option", { name: "Carl Control (carl@acme.example)" }).click();
      await dialog.getByRole("button", { name: "Assign", exact: true }).click();
      await dialog.getByText(/^\d+ controls assigned\.$/).waitFor();
      await rig.screenshot(page, "notifications-01-owners");
      await page.keyboard.press("Escape");
      await page.getByRole("row", { name: /AC-01/ }).getByText("Carl Control").waitFor();

      // Carl lands on his dashboard with the count, and finds the controls on My tasks.
      const mine = await apiClient(carl.context.request).ok<{
        items: { source: string; status: string }[];
      }>("GET", `/api/v1/orgs/${org}/tasks?mine=true&limit=500`);
      const controls = mine.items.filter((task) => task.source === "control-owner").length;
      expect(controls).toBeGreaterThan(0);
      const overdue = mine.items.filter((task) => task.status === "overdue").length;
      await carl.page.goto(`/orgs/${org}`);
      await carl.page.getByRole("heading", { level: 2, name: "My tasks" }).waitFor();
      await carl.page.getByText(`${mine.items.length} open`, { exact: true }).waitFor();
      await carl.page.getByText(`${overdue} overdue`, { exact: true }).waitFor();
      await carl.page.getByText(new RegExp(`(^| )Control: ${controls}( |$)`)).waitFor();
      await carl.page.goto(`/orgs/${org}/tasks`);
      await carl.page.getByRole("heading", { level: 1, name: "My tasks" }).waitFor();
      await carl.page.getByText(/^Put AC-01 /).waitFor();
      await rig.screenshot(carl.page, "notifications-02-my-tasks");
    } catch (error) {
      await rig.screenshot(page, "notifications-00-failed");
      console.error(rig.consoleErrors.join("\n"));
      throw error;
    }
  }, 90_000);

  it("lets a person turn the mail digest off, and an owner add a signed webhook", async () => {
    const page = carl.page;
    try {
      await page.goto(`/orgs/${org}/account`);
      const mail = page.getByRole("switch", { name: "Daily task digest by mail" });
      await mail.waitFor();
      expect(await mail.isChecked()).toBe(true);
      await mail.click({ force: true });
      await expect.poll(() => mail.isChecked()).toBe(false);
      await page.reload();
      await page.getByRole("switch", { name: "Daily task digest by mail" }).waitFor();
      expect(
        await page.getByRole("switch", { name: "Daily task digest by mail" }).isChecked(),
      ).toBe(false);
      const choices = await apiClient(carl.context.request).ok<{
        items: { channel: string; enabled: boolean }[];
      }>("GET", `/api/v1/orgs/${org}/notifications/preferences`);
      expect(choices.items.find((c) => c.channel === "mail")?.enabled).toBe(false);

      await ownerPage.goto(`/orgs/${org}/settings`);
      await ownerPage.getByRole("heading", { level: 3, name: "Channels" }).waitFor();
      await ownerPage.getByLabel("Signed webhook URL").fill("https://hooks.acme.example/attest");
      await ownerPage.getByRole("button", { name: "Add webhook" }).click();
      await ownerPage.getByRole("alert", { name: "Signing secret of N-1" }).waitFor();
      await ownerPage.getByText(/^attest_whs_[A-Za-z0-9_-]{43}$/).waitFor();
      await ownerPage.getByRole("cell", { name: "https://hooks.acme.example" }).waitFor();
      // A loopback address is refused on a server that does not allow private addresses.
      await ownerPage.getByLabel("Signed webhook URL").fill("http://127.0.0.1:9/attest");
      await ownerPage.getByRole("button", { name: "Add webhook" }).click();
      await ownerPage.getByText(/private or loopback address/).waitFor();
      await rig.screenshot(ownerPage, "notifications-03-settings");
    } catch (error) {
      await rig.screenshot(page, "notifications-00-failed");
      console.error(rig.consoleErrors.join("\n"));
      throw error;
    }
    // The refusals the test asks for (a bad CSV, a loopback URL) are the only failed loads.
    expect(rig.consoleErrors.filter((e) => !e.includes("status of 422"))).toEqual([]);
  }, 90_000);
});
