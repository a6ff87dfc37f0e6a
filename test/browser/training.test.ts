/**
 * Training in the browser: an employee finds the module on "My tasks", reads it, fails the
 * quiz once (the server shows which answers were wrong, not the right ones), then passes;
 * the owner sees who is done and files the completion roster, which becomes HR-03's evidence
 * and takes HR-03 out of readiness's reasons. Each page passes the axe scan.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trainingModule } from "../../src/catalog/training/index.ts";
import { apiClient, createOrgViaApi, setupOwnerViaApi, today } from "./api.ts";
import type { ApiClient } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";
import { PASSWORD } from "./flows.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

/** Serious and critical axe violations on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } };
    return (await axe.run()).violations;
  })) as { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

interface Readiness {
  criteria: { id: string; reasons: string[] }[];
}

const phishing = trainingModule("phishing");
if (phishing === undefined) throw new Error("no phishing module");

describe("training in the browser", () => {
  let owner: ApiClient;
  let ownerPage: Page;
  let employee: { context: BrowserContext; page: Page };
  let org: string;

  const hr03Reasons = async () =>
    // HR-03 supports two criteria: each lists its reasons.
    [
      ...new Set(
        (await owner.ok<Readiness>("GET", `/api/v1/orgs/${org}/readiness`)).criteria
          .flatMap((c) => c.reasons)
          .filter((reason) => reason.startsWith("HR-03")),
      ),
    ];

  beforeAll(async () => {
    const first = await rig.newPage();
    ownerPage = first.page;
    ownerPage.setDefaultTimeout(10_000);
    owner = await setupOwnerViaApi(rig, first.context.request, "olivia@acme.example");
    org = await createOrgViaApi(owner, "Acme Cloud");
    await owner.ok("PATCH", `/api/v1/orgs/${org}/controls/HR-03`, { status: "implemented" });
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

  it("lets an employee take the quiz from My tasks, fail once and pass", async () => {
    const { page } = employee;
    const problems: string[] = [];
    try {
      await page.goto(`/orgs/${org}`);
      await page.waitForURL(new RegExp(`/orgs/${org}/tasks$`));
      await page
        .getByRole("link", { name: "Complete the training: Phishing and social engineering" })
        .click();
      await page
        .getByRole("heading", { level: 1, name: "Phishing and social engineering" })
        .waitFor();
      await page.getByRole("heading", { name: "The warning signs" }).waitFor();
      problems.push(...(await axeProblems(page)));

      const answer = async (choices: readonly number[]) => {
        for (const [index, question] of phishing.quiz.entries()) {
          const group = page.getByRole("radiogroup", { name: `${index + 1}. ${question.prompt}` });
          const choice = question.choices[choices[index] ?? 0] ?? "";
          await group.getByRole("radio", { name: choice, exact: true }).check();
        }
        await page.getByRole("button", { name: "Submit answers" }).click();
      };
      await answer(phishing.quiz.map((q) => (q.answer + 1) % q.choices.length));
      await page.getByText("Not passed yet").waitFor();
      await expect(page.getByText(/^Right answer: /).count()).resolves.toBe(0);
      await rig.screenshot(page, "training-quiz-failed");

      await answer(phishing.quiz.map((q) => q.answer));
      await page.getByText("Passed", { exact: true }).waitFor();
      await page
        .getByText(`${phishing.quiz.length} of ${phishing.quiz.length} right (100%)`)
        .waitFor();
      await page.getByText(/passed with 100%/).waitFor();
      problems.push(...(await axeProblems(page)));
      await rig.screenshot(page, "training-quiz-passed");

      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "My tasks" })
        .click();
      await page
        .getByRole("link", { name: "Complete the training: Passwords, passphrases and MFA" })
        .waitFor();
      // The list refetches after the pass: the phishing task goes.
      await page
        .getByRole("link", { name: "Complete the training: Phishing and social engineering" })
        .waitFor({ state: "detached" });
      expect(problems).toEqual([]);
    } catch (error) {
      await rig.screenshot(page, "training-employee-00-failed");
      throw error;
    }
  });

  it("shows the owner who is done and files the roster as HR-03's evidence, which readiness counts", async () => {
    const page = ownerPage;
    try {
      expect(await hr03Reasons()).toEqual([expect.stringMatching(/^HR-03 .* is implemented but/)]);
      await page.goto(`/orgs/${org}/training`);
      await page.getByRole("heading", { level: 1, name: "Security training" }).waitFor();
      await page.getByRole("tab", { name: "Everyone" }).click();
      await page.getByRole("cell", { name: "Emma Employee (emma@acme.example)" }).waitFor();
      await page.getByText(`phishing: passed`, { exact: false }).first().waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await page.getByLabel("From").fill(`${today().slice(0, 4)}-01-01`);
      await page.getByLabel("To").fill(today());
      await page.getByRole("button", { name: "File as evidence" }).click();
      await page.getByText("Filed as evidence", { exact: true }).waitFor();
      await rig.screenshot(page, "training-status");

      const hr03 = await owner.ok<{ evidence: { title: string; recordKind: string }[] }>(
        "GET",
        `/api/v1/orgs/${org}/controls/HR-03`,
      );
      expect(JSON.stringify(hr03)).toContain("training-completions");
      expect(await hr03Reasons()).toEqual([]);
    } catch (error) {
      await rig.screenshot(page, "training-owner-00-failed");
      throw error;
    }
  });

  it("logs no console error on the way", () => {
    expect(rig.consoleErrors).toEqual([]);
  });
});
