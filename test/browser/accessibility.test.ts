import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, createOrgViaApi, today } from "./api.ts";
import { seriousViolations, violationLines } from "./axe.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";
import { PASSWORD } from "./flows.ts";
import { sarifLog } from "../support/findings-files.ts";
import { finalReportViaApi } from "./report-flow.ts";

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

/** Photographed here (other browser tests show the rest), or whenever axe finds a problem. */
const PHOTOGRAPHED = new Set([
  "setup",
  "onboarding",
  "criteria",
  "audit-log",
  "users",
  "login",
  "report-bridge",
  "shared",
]);

/** Serious and critical axe violations on the page as it is now, one line each. */
async function scan(page: Page, name: string): Promise<string[]> {
  const serious = await seriousViolations(page);
  if (serious.length > 0 || PHOTOGRAPHED.has(name)) await rig.screenshot(page, `a11y-${name}`);
  return violationLines(name, serious);
}

/** What has focus, as a person would name it: "input:Email", "button:Sign in". */
async function focused(page: Page): Promise<string> {
  const element = page.locator(":focus");
  if ((await element.count()) === 0) return "";
  const tag = await element.evaluate((e) => e.tagName.toLowerCase());
  const id = await element.getAttribute("id");
  const labels = id === null ? [] : await page.locator(`label[for="${id}"]`).allInnerTexts();
  return `${tag}:${(labels[0] ?? (await element.innerText())).replace(/\s*\*$/, "").trim()}`;
}

describe("accessibility of the main pages", () => {
  it("has no serious or critical axe violations and no console errors", async () => {
    const { page, context } = await rig.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    try {
      if (rig.server.setupUrl === null) throw new Error("no setup link");
      const setup = new URL(rig.server.setupUrl);
      await page.goto(setup.pathname + setup.search);
      await page.getByLabel("Your name").waitFor();
      problems.push(...(await scan(page, "setup")));
      await page.getByLabel("Email").fill("olivia@acme.example");
      await page.getByLabel("Your name").fill("Olivia Owner");
      await page
        .getByLabel(/^Password/)
        .first()
        .fill(PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL(/\/onboarding/);
      await page.getByLabel("Company name").waitFor();
      problems.push(...(await scan(page, "onboarding")));

      // The rest of the data through the API, so each page has something to show.
      const api = apiClient(context.request);
      const org = await createOrgViaApi(api, "Acme Cloud");
      const base = `/orgs/${org}`;
      await api.ok("POST", `/api/v1${base}/evidence`, {
        title: "MFA enforcement settings",
        link: "https://idp.example/settings/mfa",
        controls: ["AC-01"],
        forDate: today(),
      });
      await api.ok("POST", `/api/v1${base}/engagements`, {
        type: 1,
        asOf: today(),
        auditFirm: "Prudent & Partners LLP",
      });
      await api.ok("POST", `/api/v1${base}/risks/from-library`, { templates: ["RL-01", "RL-02"] });
      await api.ok("POST", `/api/v1${base}/risk-assessments`, {
        participants: ["olivia@acme.example"],
      });
      await api.ok("POST", `/api/v1${base}/vendors`, {
        name: "Amazon Web Services",
        service: "Hosting",
        tier: 1,
        subservice: "carve-out",
        reliedControls: [{ text: "Data centres admit only authorized staff." }],
      });

      // Moving the way a person does (links, not reloads), waiting for each page's content.
      const nav = page.getByRole("navigation", { name: "Main navigation" });
      const go = (label: string) => () => nav.getByRole("link", { name: label }).click();
      const open = (label: string) => () =>
        page.getByRole("main").getByRole("link", { name: label, exact: true }).click();
      const tab = (label: string) => () => page.getByRole("tab", { name: label }).click();
      await api.upload(`/api/v1${base}/findings/imports/sarif`, {
        name: "codeql.sarif",
        content: sarifLog([{ rule: "js/sql-injection", file: "src/db.ts", line: 4, score: "9.1" }]),
      });
      // An endpoint nothing answers on (refused at once): the page shows it unknown or down.
      await api.ok("POST", `/api/v1${base}/monitors`, {
        name: "API",
        url: "https://127.0.0.1:9/health",
      });
      await api.ok("POST", `/api/v1${base}/policies`, { template: "acceptable-use" });
      for (const step of ["submit", "approve", "publish"]) {
        await api.ok("POST", `/api/v1${base}/policies/P-1/${step}`, {});
      }
      const pages: [string, () => Promise<unknown>, string | RegExp, string][] = [
        ["dashboard", () => page.goto(base), "Dashboard", "Overall readiness"],
        ["criteria", go("Criteria"), "Criteria", "CC1.1"],
        ["controls", go("Controls"), "Controls", "AC-01"],
        ["control", open("AC-01"), /^AC-01 /, "About this control"],
        ["evidence", go("Evidence"), "Evidence", "MFA enforcement settings"],
        ["engagements", go("Engagements"), "Engagements", "Prudent & Partners LLP"],
        ["engagement", open("E-1"), /^E-1 · Type 1/, "Auditor accounts"],
        ["risks", go("Risks"), "Risks", "Inherent risk (before controls)"],
        ["risk", open("R-1"), /^R-1 /, "About this risk"],
        ["findings", go("Findings"), "Findings", "Import findings"],
        ["finding", open("F-1"), /^F-1 /, "As imported"],
        ["monitors", go("Monitors"), "Monitors", "M-1 API"],
        ["risk-library", () => page.goto(`${base}/risks/library`), "Starter risks", "RL-01"],
        [
          "risk-assessments",
          () => page.goto(`${base}/risks/assessments`),
          "Risk assessments",
          "RA-1: residual risk",
        ],
        ["vendors", go("Vendors"), "Vendors", "Amazon Web Services"],
        ["vendor", open("V-1"), /^V-1 /, "Yearly review"],
        ["audit-log", go("Audit log"), "Audit log", "Verify the audit log"],
        ["users", go("Users"), "Users", "olivia@acme.example"],
        ["settings", () => page.goto(`${base}/settings`), "Settings", "Deliveries"],
        [
          "controls-owners",
          async () => {
            await page.goto(`${base}/controls`);
            await page.getByRole("button", { name: "Assign owners" }).click();
            await page.getByRole("dialog", { name: "Assign control owners" }).waitFor();
          },
          "Controls",
          "Suggested role",
        ],
        ["account", () => page.goto(`${base}/account`), "Account settings", "Daily task digest"],
        ["tasks", go("My tasks"), "My tasks", "Read and acknowledge Acceptable Use Policy"],
        ["policies", go("Policies"), "Policies", "Template library"],
        ["policy", open("P-1 Acceptable Use Policy"), /^P-1 /, "I have read and acknowledge"],
        ["policy-edit", tab("Edit"), /^P-1 /, "Preview"],
        ["policy-versions", tab("Versions"), /^P-1 /, "Published versions"],
        ["policy-acknowledgements", tab("Acknowledgements"), /^P-1 /, "0 of 1 acknowledged"],
        ["training", go("Training"), "Security training", "Passwords, passphrases and MFA"],
        ["training-everyone", tab("Everyone"), "Security training", "Completion roster"],
        [
          "training-module",
          () => page.goto(`${base}/training/phishing`),
          "Phishing and social engineering",
          "Submit answers",
        ],
      ];
      for (const [name, navigate, heading, text] of pages) {
        await navigate();
        await page.getByRole("heading", { level: 1, name: heading }).waitFor();
        await page.getByRole("main").getByText(text).first().waitFor();
        problems.push(...(await scan(page, name)));
      }

      // The report package of a finalized engagement, part by part, shared through a link.
      const auditor = await rig.newPage();
      const report = await finalReportViaApi(api, "Acme Reports", {
        auditor: auditor.context.request,
      });
      const shared = await api.ok<{ url: string }>("POST", `${report.base}/report/share-links`, {
        recipient: "Globex procurement",
        days: 7,
      });
      const reportPage = `/orgs/${report.org}/engagements/${report.engagement.id}?tab=report`;
      const parts: [string, string, string][] = [
        ["report", "opinion", "Description complete"],
        ["report-description", "description", "DC1 · Services"],
        ["report-review", "review", "Open a review thread"],
        ["report-versions", "versions", "Share a final version"],
        ["report-bridge", "bridge", "Draft a bridge letter"],
      ];
      for (const [name, part, text] of parts) {
        await page.goto(`${reportPage}&part=${part}`);
        await page.getByRole("heading", { level: 1, name: /^E-1 · Type 1/ }).waitFor();
        await page.getByRole("main").getByText(text).first().waitFor();
        problems.push(...(await scan(page, name)));
      }

      // Signed out: the sign-in page, and its keyboard order.
      const signedOut = await rig.newPage();
      const login = signedOut.page;
      login.setDefaultTimeout(10_000);
      await login.goto("/login");
      await login.getByLabel("Email").waitFor();
      problems.push(...(await scan(login, "login")));
      const order: string[] = [];
      for (let i = 0; i < 8 && !order.includes("button:Sign in"); i += 1) {
        await login.keyboard.press("Tab");
        order.push(await focused(login));
      }
      // A customer's view of a share link, before accepting the terms.
      await login.goto(new URL(shared.url).pathname);
      await login.getByRole("heading", { name: "Non-disclosure terms" }).waitFor();
      problems.push(...(await scan(login, "shared")));
      await signedOut.context.close();
      const fields = order.filter((f) =>
        ["input:Email", "input:Password", "button:Sign in"].includes(f),
      );
      expect(fields, `focus went: ${order.join(" → ")}`).toEqual([
        "input:Email",
        "input:Password",
        "button:Sign in",
      ]);
      // Nothing else sits between them (the password's show button is not a tab stop).
      const from = order.indexOf("input:Email");
      expect(order.slice(from), `focus went: ${order.join(" → ")}`).toEqual(fields);
    } catch (error) {
      await rig.screenshot(page, "a11y-00-failed");
      console.error(rig.consoleErrors.join("\n"));
      throw error;
    } finally {
      await context.close();
    }
    if (problems.length > 0) console.error(problems.join("\n"));
    expect(problems).toEqual([]);
    expect(rig.consoleErrors).toEqual([]);
  }, 170_000);
});
