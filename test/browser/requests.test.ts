/**
 * Issue 13's "done when" for requests: the auditor opens a request for a sampled item, the
 * control's owner answers it with an upload from their task list, the auditor sees the
 * evidence on the item and accepts it, and the exchange is in the audit log. Axe-clean.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

function daysFrom(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Serious and critical axe violations on the page as it is now. */
async function axeProblems(page: Page, name: string): Promise<string[]> {
  await page.locator("h1").first().waitFor();
  await page.locator('[aria-busy="true"]:visible').first().waitFor({ state: "detached" });
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } };
    return (await axe.run()).violations;
  })) as { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${name}: ${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** A person joins through an invitation link in a browser of their own. */
async function join(owner: ApiClient, org: string, email: string, role: string, name: string) {
  const invitation = await owner.ok<{ link: string }>("POST", `/api/v1/orgs/${org}/invitations`, {
    email,
    role,
  });
  const { page, context } = await rig.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(new URL(invitation.link).pathname);
  await page.getByLabel("Your name").fill(name);
  await page
    .getByLabel(/^Password/)
    .first()
    .fill(PASSWORD);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await page.waitForURL(new RegExp(`/orgs/${org}`));
  return { page, context, api: apiClient(context.request) };
}

describe("auditor requests in the browser", () => {
  it("a request for a sampled item is answered by the control's owner with an upload and accepted", async () => {
    const owner = await rig.newPage();
    const api = await setupOwnerViaApi(rig, owner.context.request, "olivia@acme.example");
    const org = await createOrgViaApi(api, "Acme Cloud");
    const base = `/api/v1/orgs/${org}`;
    // GV-11 is monthly, in place and owned by Casey; the period ended a month ago.
    await api.ok("PATCH", `${base}/controls/GV-11`, {
      status: "implemented",
      owner: "casey@acme.example",
    });
    const engagement = await api.ok<{ id: string }>("POST", `${base}/engagements`, {
      type: 2,
      from: daysFrom(today(), -240),
      to: daysFrom(today(), -31),
      auditFirm: "Ledger",
    });
    const path_ = `${base}/engagements/${engagement.id}`;
    for (let step = 0; step < 3; step += 1) await api.ok("POST", `${path_}/advance`, {});
    const casey = await join(api, org, "casey@acme.example", "control-owner", "Casey Owner");
    const dana = await join(api, org, "dana@audit.example", "auditor", "Dana Auditor");
    const members = await api.ok<{ items: { userId: string; email: string }[] }>(
      "GET",
      `${base}/members`,
    );
    const danaId = members.items.find((m) => m.email === "dana@audit.example")?.userId ?? "";
    await api.ok("PUT", `${path_}/auditors/${danaId}`);
    const sample = await dana.api.ok<{
      controls: {
        controlRef: string;
        items: string[];
        population: { key: string; label: string }[];
      }[];
    }>("POST", `${path_}/sample`, { seed: "requests" });
    const gv11 = sample.controls.find((c) => c.controlRef === "GV-11");
    const item = gv11?.items[0] ?? "";
    const label = gv11?.population.find((p) => p.key === item)?.label ?? item;
    // A monthly item's key is its month ("2026-03"); requests name it "March 2026".
    const inWords = new Date(`${item}-01T00:00:00Z`).toLocaleString("en-GB", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    const problems: string[] = [];
    const { page } = dana;
    try {
      // The auditor asks for the item from the testing tab.
      await page.goto(`/orgs/${org}/engagements/${engagement.id}?tab=testing`);
      await page.getByRole("button", { name: /^GV-11 / }).click();
      await page.getByText(`${label}:`).waitFor();
      await page.getByRole("button", { name: `Request evidence for ${label}` }).click();
      const dialog = page.getByRole("dialog", { name: "Open a request" });
      await dialog.getByLabel("Send to (email)").fill("casey@acme.example");
      await dialog.getByLabel("Due").fill(daysFrom(today(), 7));
      await dialog.getByRole("button", { name: "Open request" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.getByRole("link", { name: "R-1", exact: true }).waitFor();
      await rig.screenshot(page, "requests-01-opened-from-item");

      // The control's owner finds it on their task list and answers with a file.
      await casey.page.goto(`/orgs/${org}/tasks`);
      await casey.page.getByRole("link", { name: /Answer the auditor's request R-1/ }).click();
      await casey.page
        .getByRole("heading", { level: 1, name: /Auditor requests on E-1/ })
        .waitFor();
      const request = casey.page.getByRole("article", { name: "Request R-1" });
      await request.getByText(`Evidence that GV-11 operated for ${label}.`).waitFor();
      // The request names its item in words, not by its key.
      await request.getByText(`GV-11 · ${inWords}`, { exact: true }).waitFor();
      await expect(request.getByText(`item ${item}`).count()).resolves.toBe(0);
      problems.push(...(await axeProblems(casey.page, "requests-company")));
      const file = path.join(rig.database.dataDir, "gv-11-review.txt");
      writeFileSync(file, "Monthly review, signed by the CTO.\n");
      await request.getByLabel("Evidence file").setInputFiles(file);
      await request.getByLabel("Comment on R-1").fill("The signed review of that month.");
      await request.getByRole("button", { name: "Submit answer" }).click();
      await request.getByText("submitted", { exact: true }).waitFor();
      await request.getByRole("link", { name: "R-1 answer: gv-11-review.txt" }).waitFor();
      await rig.screenshot(casey.page, "requests-02-answered");

      // The auditor sees the evidence on the item, then accepts on the Requests tab.
      await page.reload();
      await page.getByRole("button", { name: /^GV-11 / }).click();
      await page.getByRole("link", { name: "R-1 answer: gv-11-review.txt" }).waitFor();
      await page.getByRole("tab", { name: "Requests" }).click();
      const theirs = page.getByRole("article", { name: "Request R-1" });
      await theirs.getByText("The signed review of that month.").waitFor();
      await theirs.getByText(`GV-11 · ${inWords}`, { exact: true }).waitFor();
      problems.push(...(await axeProblems(page, "requests-auditor")));
      await theirs.getByRole("button", { name: "Accept R-1" }).click();
      await theirs.getByText("accepted", { exact: true }).waitFor();
      await page.getByText("0 open, 0 submitted, 0 returned, 1 accepted").waitFor();
      await rig.screenshot(page, "requests-03-accepted");

      // Asking for another item, the dialog's picker names the sampled items in words.
      await page.getByRole("button", { name: "Open a request" }).click();
      const asking = page.getByRole("dialog", { name: "Open a request" });
      await asking.getByLabel("Control").click();
      await page.getByRole("option", { name: /^GV-11 / }).click();
      await asking.getByLabel("Sampled item").click();
      await page.getByRole("option", { name: inWords, exact: true }).waitFor();
      await expect(page.getByRole("option", { name: item, exact: true }).count()).resolves.toBe(0);
      await rig.screenshot(page, "requests-04-item-picker");
      await asking.getByRole("button", { name: "Cancel" }).click();
      await asking.waitFor({ state: "detached" });
      // So does the Sample tab.
      await page.getByRole("tab", { name: "Sample" }).click();
      await page.getByRole("cell", { name: new RegExp(`(^|; )${inWords}(;|$)`) }).waitFor();

      // The whole exchange is in the audit log, which the auditor reads too.
      await page.goto(`/orgs/${org}/audit-log`);
      for (const sentence of [
        /Request R-1 opened in engagement E-1 for control GV-11/,
        /Request R-1 in engagement E-1 answered with 1 evidence item \(1 uploaded\)/,
        /Request R-1 in engagement E-1 accepted/,
      ]) {
        await page.getByText(sentence).first().waitFor();
      }
    } catch (error) {
      await rig.screenshot(page, "requests-00-failed");
      await rig.screenshot(casey.page, "requests-00-failed-company");
      console.error(rig.consoleErrors.join("\n"));
      throw error;
    }
    expect(problems).toEqual([]);
    expect(rig.consoleErrors).toEqual([]);
  }, 120_000);
});
