import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { apiClient, createOrgViaApi, setupOwnerViaApi, today } from "./api.ts";
import type { ApiClient } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";
import { PASSWORD } from "./flows.ts";
import { daysAgo } from "./report-flow.ts";

// Evaluated through the DevTools protocol, as the accessibility test does (the CSP refuses an
// injected script tag).
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let rig: BrowserRig;
let owner: ApiClient;
let ownerPage: Page;
let ownerContext: BrowserContext;
let org: string;
beforeAll(async () => {
  rig = await startRig();
  ({ page: ownerPage, context: ownerContext } = await rig.newPage());
  ownerPage.setDefaultTimeout(10_000);
  owner = await setupOwnerViaApi(rig, ownerContext.request, "olivia@acme.example");
  org = await createOrgViaApi(owner, "Acme Cloud");
}, 120_000);
afterAll(async () => {
  await ownerContext?.close();
  await rig?.close();
});

/** Serious and critical axe violations on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.locator('[aria-busy="true"]:visible').first().waitFor({ state: "detached" });
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } };
    return (await axe.run()).violations;
  })) as { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The calendar day `months` months before today (UTC), as YYYY-MM-DD. */
function monthsAgo(months: number, extraDays = 0): string {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  date.setUTCDate(date.getUTCDate() + extraDays);
  return date.toISOString().slice(0, 10);
}

describe("the vendor page in the browser", () => {
  it("adds a subservice organization, files its stale report and maps a CUEC", async () => {
    const page = ownerPage;
    try {
      await page.goto(`/orgs/${org}`);
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "Vendors" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Vendors" }).waitFor();
      await page.getByText("No vendors yet").waitFor();

      // A new vendor: a critical, carved-out subservice organization.
      await page.getByRole("button", { name: "New vendor" }).click();
      const dialog = page.getByRole("dialog", { name: "New vendor" });
      await dialog.getByLabel("Name").fill("Amazon Web Services");
      await dialog.getByLabel("Service provided").fill("Hosting, databases and backups");
      await dialog.getByLabel("Tier", { exact: true }).click();
      await page.getByRole("option", { name: "1 · critical" }).click();
      await dialog.getByLabel("Subservice organization for the system").click();
      await page.getByRole("option", { name: "Yes, carve-out" }).click();
      await dialog
        .getByLabel("Their controls the system relies on")
        .fill("Data centres admit only authorized staff.");
      await dialog.getByRole("button", { name: "Add vendor" }).click();
      await page.getByRole("heading", { level: 1, name: "V-1 Amazon Web Services" }).waitFor();
      await page.getByText("Yes, carve-out").waitFor();

      // Its SOC 2 report, whose period ended about fourteen months ago, with two CUECs.
      await page.getByRole("button", { name: "Add report" }).click();
      const upload = page.getByRole("dialog", { name: "Add an assurance report" });
      const file = path.join(rig.database.dataDir, "aws-soc2.pdf");
      writeFileSync(file, "%PDF-1.4 the vendor's SOC 2 report");
      await upload.getByLabel("Evidence file").setInputFiles(file);
      const to = monthsAgo(14);
      await upload.getByLabel("Period from").fill(monthsAgo(26, 1));
      await upload.getByLabel("Period to").fill(to);
      await upload
        .getByLabel("Complementary user entity controls")
        .fill(
          "Customers restrict who can sign in to their accounts.\nCustomers encrypt the storage they create.",
        );
      await upload.getByRole("button", { name: "Add report" }).click();
      await upload.waitFor({ state: "detached" });

      // Flagged: the period ended more than twelve months ago.
      const flags = page.getByRole("alert").filter({ hasText: "needs attention" });
      await flags.getByText(`period ended on ${to}, more than 12 months ago`).waitFor();
      await page.getByText("Unmapped: a readiness gap").first().waitFor();
      await rig.screenshot(page, "vendors-01-flagged");

      // Map CUEC-1 to one of our controls; the history says so.
      await page.getByRole("combobox", { name: "Controls that address CUEC-1" }).click();
      await page.getByRole("option", { name: /^AC-01 / }).click();
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Save mapping of CUEC-1" }).click();
      await page.getByText("Vendor V-1: CUEC-1 mapped to AC-01").waitFor();
      await expect.poll(() => page.getByText("Unmapped: a readiness gap").count()).toBe(1);
      await rig.screenshot(page, "vendors-02-mapped");
      expect(await axeProblems(page)).toEqual([]);

      // The inventory shows the flags at a glance.
      await page.getByRole("main").getByRole("link", { name: "Vendors" }).first().click();
      const table = page.getByRole("table", { name: "Vendor inventory" });
      await table.getByText("Stale").waitFor();
      await table.getByText("1 unmapped CUEC").waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await rig.screenshot(page, "vendors-03-inventory");
    } catch (error) {
      await rig.screenshot(page, "vendors-00-failed");
      console.error(rig.consoleErrors.join("\n"));
      throw error;
    }
    expect(rig.consoleErrors).toEqual([]);
  }, 120_000);

  it("edits a vendor, files a bridge letter, lets its owner review it, and keeps DC7 read-only", async () => {
    const page = ownerPage;
    const base = `/api/v1/orgs/${org}`;
    const omar = await joinAs("omar@acme.example", "control-owner", "Omar Haddad");
    try {
      // Stripe, an inclusive subservice organization; its report's period ended five months
      // ago, so more than 90 days are covered by nothing. Zoom is nobody's.
      const stripe = await owner.ok<{ ref: string }>("POST", `${base}/vendors`, {
        name: "Stripe",
        service: "Payments",
        tier: 2,
        subservice: "inclusive",
      });
      await owner.ok("POST", `${base}/vendors`, { name: "Zoom", service: "Calls", tier: 3 });
      const periodTo = monthsAgo(5);
      const report = await uploadReport(ownerContext, `${base}/vendors/${stripe.ref}/reports`, {
        type: "soc2-type2",
        from: monthsAgo(17, 1),
        to: periodTo,
        opinion: "unmodified",
        cuecs: [],
      });

      // The owner makes Omar its owner and records the contract's end.
      await page.goto(`/orgs/${org}/vendors/${stripe.ref}`);
      const flags = page.getByRole("alert").filter({ hasText: "needs attention" });
      await flags.waitFor();
      await page.getByRole("button", { name: "Edit vendor" }).click();
      const dialog = page.getByRole("dialog", { name: `Edit ${stripe.ref}` });
      await expect(dialog.getByLabel("Name").inputValue()).resolves.toBe("Stripe");
      await dialog.getByLabel("Owner").fill("omar@acme.example");
      await dialog.getByLabel("Contract end").fill("2027-12-31");
      await dialog.getByRole("button", { name: "Save vendor" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.getByText(`Vendor ${stripe.ref} owner and contract end changed`).waitFor();
      await page.getByText("omar@acme.example").first().waitFor();

      // A bridge letter from the day after the period to today closes the gap.
      await page.getByRole("button", { name: "Add bridge letter" }).click();
      const bridge = page.getByRole("dialog", { name: `Bridge letter for ${report.ref}` });
      const file = path.join(rig.database.dataDir, "stripe-bridge.pdf");
      writeFileSync(file, "%PDF-1.4 the vendor's bridge letter");
      await bridge.getByLabel("Evidence file").setInputFiles(file);
      await expect(bridge.getByLabel("Covers to").inputValue()).resolves.toBe(today());
      await bridge.getByRole("button", { name: "File bridge letter" }).click();
      await bridge.waitFor({ state: "detached" });
      await page.getByText(new RegExp(`bridge letter for ${report.ref} covering`)).waitFor();
      await page.getByRole("link", { name: "The bridge letter" }).waitFor();
      await expect.poll(() => flags.count()).toBe(0);
      expect(await axeProblems(page)).toEqual([]);
      await rig.screenshot(page, "vendors-04-bridge-letter");

      // Omar, a control owner, records the review of the vendor he owns, and of no other.
      await omar.page.goto(`/orgs/${org}/vendors/${stripe.ref}`);
      const checklist = omar.page.getByRole("group", { name: "Checklist for a tier 2 vendor" });
      await checklist.getByRole("checkbox").first().waitFor();
      const boxes = await checklist.getByRole("checkbox").all();
      expect(boxes).toHaveLength(4);
      for (const box of boxes) await box.check();
      await omar.page.getByRole("button", { name: "Record review" }).click();
      const reviews = omar.page.getByRole("table", { name: "Reviews" });
      await reviews.getByRole("cell", { name: "Omar Haddad" }).waitFor();
      expect(await axeProblems(omar.page)).toEqual([]);
      await rig.screenshot(omar.page, "vendors-05-owner-review");
      await omar.page.goto(`/orgs/${org}/vendors/Zoom`);
      await omar.page.getByRole("heading", { name: "Yearly review" }).waitFor();
      await expect(omar.page.getByRole("button", { name: "Record review" }).count()).resolves.toBe(
        0,
      );
      await expect(omar.page.getByRole("button", { name: "Edit vendor" }).count()).resolves.toBe(0);

      // DC7 of a draft report lists the marked vendors, read-only, with the way to change them.
      const engagement = await owner.ok<{ id: string }>("POST", `${base}/engagements`, {
        type: 1,
        asOf: daysAgo(3),
        auditFirm: "Ledger & Co",
      });
      await page.goto(`/orgs/${org}/engagements/${engagement.id}?tab=report&part=description`);
      const dc7 = page.getByRole("group", { name: "DC7 · Subservice organizations" });
      await dc7.getByText("Stripe · Payments (Inclusive)").waitFor();
      await expect(dc7.getByRole("textbox").count()).resolves.toBe(0);
      await expect(dc7.getByRole("button").count()).resolves.toBe(0);
      // The rest of the description stays editable.
      await expect(page.getByLabel("The services the report covers").isEditable()).resolves.toBe(
        true,
      );
      expect(await axeProblems(page)).toEqual([]);
      await rig.screenshot(page, "vendors-06-dc7-read-only");
      await dc7
        .getByRole("link", { name: "Change the subservice organizations in Vendors" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Vendors" }).waitFor();
    } catch (error) {
      await rig.screenshot(page, "vendors-00-failed-edit");
      await rig.screenshot(omar.page, "vendors-00-failed-omar");
      console.error(rig.consoleErrors.join("\n"));
      throw error;
    } finally {
      await omar.context.close();
    }
    expect(rig.consoleErrors).toEqual([]);
  }, 120_000);
});

/** A member invited by the owner, who accepts in a browser context of their own. */
async function joinAs(email: string, role: string, name: string) {
  const invitation = await owner.ok<{ link: string }>("POST", `/api/v1/orgs/${org}/invitations`, {
    email,
    role,
  });
  const token = decodeURIComponent(new URL(invitation.link).pathname.split("/invite/")[1] ?? "");
  const joined = await rig.newPage();
  joined.page.setDefaultTimeout(10_000);
  await apiClient(joined.context.request).ok("POST", `/api/v1/invitations/${token}/accept`, {
    name,
    password: PASSWORD,
  });
  return joined;
}

/** A vendor report uploaded as the web app sends it: the metadata field, then the file. */
async function uploadReport(
  context: BrowserContext,
  url: string,
  metadata: unknown,
): Promise<{ ref: string }> {
  const session = await context.request.get("/api/v1/auth/session");
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await context.request.post(url, {
    headers: { "x-csrf-token": csrfToken },
    multipart: {
      metadata: JSON.stringify(metadata),
      file: { name: "stripe-soc2.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF") },
    },
  });
  if (response.status() !== 201) throw new Error(`upload: ${await response.text()}`);
  return (await response.json()) as { ref: string };
}
