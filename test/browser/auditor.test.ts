import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgViaApi, setupOwnerViaApi, today } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";
import { PASSWORD, signIn } from "./flows.ts";

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

interface Engagement {
  id: string;
  number: number;
}

describe("an auditor in the browser", () => {
  it("lands on the engagement assigned to them, sees its controls only, and is offered no writes", async () => {
    // The owner prepares everything through the API, in a context of their own.
    const owner = await rig.newPage();
    const api = await setupOwnerViaApi(rig, owner.context.request, "olivia@acme.example");
    const org = await createOrgViaApi(api, "Acme Cloud");
    const engagement = (auditFirm: string) =>
      api.ok<Engagement>("POST", `/api/v1/orgs/${org}/engagements`, {
        type: 1,
        asOf: today(),
        auditFirm,
      });
    const first = await engagement("Prudent & Partners LLP");
    const second = await engagement("Other Assurance LLC");
    // A control mapped to no criterion: no engagement covers it.
    await api.ok("POST", `/api/v1/orgs/${org}/controls`, {
      ref: "ACME-99",
      title: "Quarterly review of the office plants",
      description: "Someone waters the plants.",
      kind: "preventive",
      automation: "manual",
      frequency: "quarterly",
    });
    const invitation = await api.ok<{ link: string }>("POST", `/api/v1/orgs/${org}/invitations`, {
      email: "alex@audit.example",
      role: "auditor",
    });

    const { page, context } = await rig.newPage();
    page.setDefaultTimeout(10_000);
    const e2Path = `/orgs/${org}/engagements/${second.id}`;
    const outsidePath = `/orgs/${org}/controls/ACME-99`;
    try {
      // Accepting the invitation: a name and a password make the account.
      await page.goto(new URL(invitation.link).pathname);
      await page.getByText(/as Auditor/).waitFor();
      await page.getByLabel("Your name").fill("Alex Auditor");
      await page
        .getByLabel(/^Password/)
        .first()
        .fill(PASSWORD);
      await rig.screenshot(page, "auditor-01-invitation");
      await page.getByRole("button", { name: "Create account and join" }).click();
      // No readiness dashboard: an auditor lands on their engagements, none yet.
      await page.waitForURL(new RegExp(`/orgs/${org}$`));
      await page.getByRole("heading", { name: "My engagements", level: 1 }).waitFor();
      await page.getByText("No engagements assigned to you").waitFor();
      await expect(page.getByText("Overall readiness").count()).resolves.toBe(0);

      // Unassigned, they see no control at all.
      await page.goto(`/orgs/${org}/controls`);
      await page.getByText("No controls match").waitFor();
      await rig.screenshot(page, "auditor-01b-no-controls");

      // The owner assigns the new auditor to the first engagement only.
      const members = await api.ok<{ items: { userId: string; email: string }[] }>(
        "GET",
        `/api/v1/orgs/${org}/members`,
      );
      const auditor = members.items.find((m) => m.email === "alex@audit.example");
      if (auditor === undefined) throw new Error("the auditor is not a member");
      await api.ok("PUT", `/api/v1/orgs/${org}/engagements/${first.id}/auditors/${auditor.userId}`);

      // Sign out, and back in with the password chosen on the invitation page.
      await page.getByRole("button", { name: /account menu/ }).click();
      await page.getByRole("menuitem", { name: "Sign out" }).click();
      await page.waitForURL(/\/login/);
      await signIn(page, "alex@audit.example");
      // Their home lists the engagement assigned to them.
      await page.waitForURL(new RegExp(`/orgs/${org}$`));
      await page.getByRole("heading", { name: /Type 1 with Prudent & Partners LLP/ }).waitFor();

      // Write-only places, readiness and the organization's criteria are not in the navigation.
      const nav = page.getByRole("navigation", { name: "Main navigation" });
      await nav.getByRole("link", { name: "My engagements" }).waitFor();
      for (const name of ["Users", "Criteria", "Settings", "Dashboard"]) {
        await expect(nav.getByRole("link", { name }).count()).resolves.toBe(0);
      }

      // The home holds the assigned engagement only.
      await nav.getByRole("link", { name: "My engagements" }).click();
      await page.getByRole("link", { name: `E-${first.number}`, exact: true }).waitFor();
      await expect(page.getByText("Prudent & Partners LLP").isVisible()).resolves.toBe(true);
      await expect(
        page.getByRole("link", { name: `E-${second.number}`, exact: true }).count(),
      ).resolves.toBe(0);
      await expect(page.getByText("Other Assurance LLC").count()).resolves.toBe(0);
      await expect(page.getByRole("button", { name: "New engagement" }).count()).resolves.toBe(0);
      await rig.screenshot(page, "auditor-02-engagements");

      // Their engagement opens, without the owner's buttons.
      await page.getByRole("link", { name: `E-${first.number}`, exact: true }).click();
      await page.getByRole("heading", { name: /Type 1 with Prudent & Partners LLP/ }).waitFor();
      await page.getByText("Alex Auditor").first().waitFor();
      await expect(page.getByText(/As of As of/).count()).resolves.toBe(0);
      for (const name of [/^Advance to/, /^Go back/, "Assign"]) {
        await expect(page.getByRole("button", { name }).count()).resolves.toBe(0);
      }
      await expect(page.getByLabel("Assign an auditor").count()).resolves.toBe(0);
      await rig.screenshot(page, "auditor-03-engagement");

      // The other engagement, by its address: the API says 404 and the page says not found.
      const answer = page.waitForResponse((r) =>
        r.url().endsWith(`/api/v1/orgs/${org}/engagements/${second.id}`),
      );
      await page.goto(e2Path);
      expect((await answer).status()).toBe(404);
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/not found/i);
      await expect(page.getByText("Other Assurance LLC").count()).resolves.toBe(0);
      await rig.screenshot(page, "auditor-04-other-engagement");

      // The controls their engagement covers are readable; nothing offers to change them.
      await nav.getByRole("link", { name: "Controls" }).click();
      const control = page.getByRole("table").getByRole("link").first();
      await control.waitFor();
      await expect(page.getByRole("button", { name: "New control" }).count()).resolves.toBe(0);
      await page.getByLabel("Search").fill("ACME-99");
      await page.getByText("No controls match").waitFor();
      await page.getByLabel("Search").fill("");
      await control.waitFor();
      await control.click();
      await page.getByRole("heading", { name: "About this control" }).waitFor();
      await expect(page.getByRole("button", { name: "Edit control" }).count()).resolves.toBe(0);
      await expect(page.getByText("Add evidence").count()).resolves.toBe(0);
      await expect(page.getByText("Map to another criterion").count()).resolves.toBe(0);
      await rig.screenshot(page, "auditor-05-control");

      // A control no engagement of theirs covers, by its address: not found.
      const outside = page.waitForResponse((r) =>
        r.url().endsWith(`/api/v1/orgs/${org}/controls/ACME-99`),
      );
      await page.goto(outsidePath);
      expect((await outside).status()).toBe(404);
      await page.getByRole("alert").waitFor();
      expect(await page.getByRole("alert").innerText()).toMatch(/not found/i);
      await expect(page.getByText("Quarterly review of the office plants").count()).resolves.toBe(
        0,
      );
      await nav.getByRole("link", { name: "Evidence" }).click();
      await page.getByRole("heading", { name: "Evidence", level: 1 }).waitFor();
      await page.getByText("No evidence yet").waitFor();
      await expect(page.getByText("Add evidence").count()).resolves.toBe(0);

      // The only console errors are the refused requests for the other engagement and control.
      const unexpected = rig.consoleErrors.filter(
        (e) =>
          !(
            (e.startsWith(`${rig.server.url}${e2Path}:`) ||
              e.startsWith(`${rig.server.url}${outsidePath}:`)) &&
            e.includes("404")
          ),
      );
      expect(unexpected).toEqual([]);
    } catch (error) {
      await rig.screenshot(page, "auditor-00-failed");
      throw error;
    } finally {
      await context.close();
      await owner.context.close();
    }
  });
});
