/**
 * What each role sees: the navigation and the buttons come from the actions the server lists
 * in the session answer (the web app has no role table), so each role is shown only what the
 * server would let it do, and a control owner may change only the controls they own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
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

const EVERY_PAGE = [
  "Dashboard",
  "My tasks",
  "Policies",
  "Training",
  "Criteria",
  "Controls",
  "Evidence",
  "Risks",
  "Vendors",
  "People",
  "Access reviews",
  "Findings",
  "Monitors",
  "Engagements",
  "Audit log",
  "Users",
  "Settings",
];

const NAVIGATION: Record<string, string[]> = {
  owner: EVERY_PAGE,
  admin: EVERY_PAGE,
  "control-owner": [
    "Dashboard",
    "My tasks",
    "Policies",
    "Training",
    "Criteria",
    "Controls",
    "Evidence",
    "Risks",
    "Vendors",
    "Access reviews",
    "Findings",
    "Monitors",
  ],
  employee: ["Dashboard", "My tasks", "Policies", "Training", "Access reviews"],
  auditor: ["My engagements", "My tasks", "Controls", "Evidence", "Audit log"],
};

interface Person {
  context: BrowserContext;
  page: Page;
  email: string;
}

describe("each role in the browser", () => {
  let owner: ApiClient;
  let org: string;
  const people = new Map<string, Person>();

  /** Invited by the owner; the invitation accepted through the API in a context of their own. */
  async function join(role: string): Promise<Person> {
    const email = `${role}@acme.example`;
    const invitation = await owner.ok<{ link: string }>("POST", `/api/v1/orgs/${org}/invitations`, {
      email,
      role,
    });
    const token = decodeURIComponent(new URL(invitation.link).pathname.split("/invite/")[1]!);
    const { context, page } = await rig.newPage();
    page.setDefaultTimeout(10_000);
    await apiClient(context.request).ok("POST", `/api/v1/invitations/${token}/accept`, {
      name: `Pat ${role}`,
      password: PASSWORD,
    });
    return { context, page, email };
  }

  async function navigationOf(page: Page): Promise<string[]> {
    await page.goto(`/orgs/${org}`);
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    // Everyone's navigation starts at their home: the dashboard, or an auditor's engagements.
    await nav.getByRole("link", { name: /^(Dashboard|My engagements)$/ }).waitFor();
    return (await nav.getByRole("link").allInnerTexts()).map((text) => text.trim());
  }

  beforeAll(async () => {
    const first = await rig.newPage();
    owner = await setupOwnerViaApi(rig, first.context.request, "olivia@acme.example");
    org = await createOrgViaApi(owner, "Acme Cloud");
    people.set("owner", { ...first, email: "olivia@acme.example" });
    for (const role of ["admin", "control-owner", "employee", "auditor"]) {
      people.set(role, await join(role));
    }
  }, 60_000);
  afterAll(async () => {
    for (const person of people.values()) await person.context.close();
  });

  it.each(Object.entries(NAVIGATION))(
    "shows the %s the pages they may use",
    async (role, pages) => {
      const { page } = people.get(role)!;
      try {
        expect(await navigationOf(page)).toEqual(pages);
        await rig.screenshot(page, `roles-${role}-dashboard`);
      } catch (error) {
        await rig.screenshot(page, `roles-${role}-00-failed`);
        throw error;
      }
    },
  );

  it("gives an employee their tasks, and the program to the rest", async () => {
    const employee = people.get("employee")!.page;
    await employee.goto(`/orgs/${org}`);
    await employee.getByRole("heading", { level: 1, name: "My tasks" }).waitFor();
    await expect(employee.getByText("Overall readiness").count()).resolves.toBe(0);
    await employee.waitForURL(new RegExp(`/orgs/${org}/tasks$`));
    // The rest land on the dashboard, whose tasks card counts their own tasks.
    const admin = people.get("admin")!.page;
    await admin.goto(`/orgs/${org}`);
    await admin.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    await admin.getByText("Overall readiness").first().waitFor();
    await admin.getByRole("heading", { level: 2, name: "My tasks" }).waitFor();
  });

  it("lands an auditor on their engagements, not the readiness dashboard", async () => {
    const auditor = people.get("auditor")!.page;
    await auditor.goto(`/orgs/${org}`);
    await auditor.getByRole("heading", { level: 1, name: "My engagements" }).waitFor();
    expect(new URL(auditor.url()).pathname).toBe(`/orgs/${org}`);
    await expect(auditor.getByText("Overall readiness").count()).resolves.toBe(0);
  });

  it("lets a control owner change the controls they own and no other", async () => {
    const { page, email } = people.get("control-owner")!;
    await owner.ok("PATCH", `/api/v1/orgs/${org}/controls/AC-01`, { owner: email });
    try {
      // Their dashboard lists their own work.
      await page.goto(`/orgs/${org}`);
      await page.getByRole("heading", { name: "My tasks" }).waitFor();

      await page.goto(`/orgs/${org}/controls/AC-01`);
      await page.getByRole("heading", { name: "About this control" }).waitFor();
      await page.getByRole("button", { name: "Edit control" }).waitFor();
      await page.getByRole("link", { name: "Add evidence" }).waitFor();
      await rig.screenshot(page, "roles-control-owner-own-control");

      await page.goto(`/orgs/${org}/controls/AC-02`);
      await page.getByRole("heading", { name: "About this control" }).waitFor();
      await expect(page.getByRole("button", { name: "Edit control" }).count()).resolves.toBe(0);
      await expect(page.getByRole("link", { name: "Add evidence" }).count()).resolves.toBe(0);
      await expect(page.getByRole("button", { name: "New control" }).count()).resolves.toBe(0);
      await rig.screenshot(page, "roles-control-owner-other-control");

      // The owner, whose rights are not confined to their own, may change either.
      const ownerPage = people.get("owner")!.page;
      await ownerPage.goto(`/orgs/${org}/controls/AC-02`);
      await ownerPage.getByRole("button", { name: "Edit control" }).waitFor();
    } catch (error) {
      await rig.screenshot(page, "roles-control-owner-00-failed");
      throw error;
    }
  });

  it("offers the owner role only to an owner, and keeps an admin off the owner's role", async () => {
    const admin = people.get("admin")!.page;
    await admin.goto(`/orgs/${org}/users`);
    await admin.getByRole("combobox", { name: "Role", exact: true }).click();
    await admin.getByRole("option", { name: "Admin", exact: true }).waitFor();
    await expect(admin.getByRole("option", { name: "Owner", exact: true }).count()).resolves.toBe(
      0,
    );
    await admin.keyboard.press("Escape");
    // The admin's own role and the owner's are fixed for them; the others' are not.
    const roles = admin.getByLabel(/^Role of /);
    await roles.first().waitFor();
    const disabled = await roles.evaluateAll((inputs) =>
      // The page's inputs, typed by hand: the tests' TypeScript has no DOM library.
      (inputs as unknown as { value: string; disabled: boolean }[]).map((input) => [
        input.value,
        input.disabled,
      ]),
    );
    expect(
      disabled
        .filter(([, off]) => off)
        .map(([value]) => value)
        .sort(),
    ).toEqual(["Admin", "Owner"]);

    const ownerPage = people.get("owner")!.page;
    await ownerPage.goto(`/orgs/${org}/users`);
    await ownerPage.getByRole("combobox", { name: "Role", exact: true }).click();
    await ownerPage.getByRole("option", { name: "Owner", exact: true }).waitFor();
    await ownerPage.keyboard.press("Escape");
  });

  it("logs no console error on the way", () => {
    expect(rig.consoleErrors).toEqual([]);
  });
});
