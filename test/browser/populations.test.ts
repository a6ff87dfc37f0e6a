import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgViaApi, setupOwnerViaApi } from "./api.ts";
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
async function seriousViolations(page: Page): Promise<string[]> {
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

function prsCsv(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const month = String(1 + (i % 12)).padStart(2, "0");
    return `PR-${4100 + i},2025-${month}-1${i % 10},Pull request #${4100 + i}`;
  });
  return ["key,date,label", ...rows].join("\n");
}

/** How the pages name a row of prsCsv: "Pull request #4105 (15 June)". */
function prInWords(key: string): string {
  const i = Number(key.slice(3)) - 4100;
  const month = new Date(Date.UTC(2025, i % 12, 1)).toLocaleString("en-GB", {
    month: "long",
    timeZone: "UTC",
  });
  return `Pull request #${key.slice(3)} (1${i % 10} ${month})`;
}

describe("imported populations in the browser", () => {
  it("the company imports a population, the auditor accepts it and draws the sample from it", async () => {
    const owner = await rig.newPage();
    owner.page.setDefaultTimeout(15_000);
    const api = await setupOwnerViaApi(rig, owner.context.request, "olivia@acme.example");
    const org = await createOrgViaApi(api, "Acme Cloud");
    const engagement = await api.ok<{ id: string; number: number }>(
      "POST",
      `/api/v1/orgs/${org}/engagements`,
      { type: 2, from: "2025-01-01", to: "2025-12-31", auditFirm: "Ledger" },
    );
    const path = `/api/v1/orgs/${org}/engagements/${engagement.id}`;
    for (let step = 0; step < 3; step += 1) await api.ok("POST", `${path}/advance`, {});
    const samplePage = `/orgs/${org}/engagements/${engagement.id}?tab=sample`;

    // A new engagement: the event-driven controls have no occurrences, and say how they get some.
    await owner.page.goto(samplePage);
    await owner.page
      .getByText(/None recorded yet: import the population/)
      .first()
      .waitFor();
    const imports = owner.page.getByRole("form", { name: "Import the population of CM-01" });
    await owner.page.getByLabel("Control", { exact: true }).selectOption("CM-02");
    const form = owner.page.getByRole("form", { name: "Import the population of CM-02" });
    await form.waitFor();
    expect(await imports.count()).toBe(0);
    await form.getByLabel(/^File/).setInputFiles({
      name: "prs.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(prsCsv(120)),
    });
    await form.getByLabel("Source system").fill("GitHub");
    await form.getByLabel("Query or report that produced it").fill("merged pull requests on main");
    await form
      .getByLabel("Statement of completeness")
      .fill("Every pull request merged to main in 2025.");
    await form.getByRole("button", { name: "Import population" }).click();
    await owner.page.getByText("Awaiting the auditor").first().waitFor();
    const view = await api.ok<{ current: { rowsSha256: string; rowCount: number } }>(
      "GET",
      `${path}/populations/CM-02`,
    );
    expect(view.current.rowCount).toBe(120);
    await owner.page.getByText(view.current.rowsSha256).waitFor();
    expect(await seriousViolations(owner.page)).toEqual([]);
    await rig.screenshot(owner.page, "populations-01-imported");

    // The auditor joins, is assigned, accepts, and draws.
    const invitation = await api.ok<{ link: string }>("POST", `/api/v1/orgs/${org}/invitations`, {
      email: "dana@audit.example",
      role: "auditor",
    });
    const { page } = await rig.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(new URL(invitation.link).pathname);
    await page.getByLabel("Your name").fill("Dana Auditor");
    await page
      .getByLabel(/^Password/)
      .first()
      .fill(PASSWORD);
    await page.getByRole("button", { name: "Create account and join" }).click();
    // An auditor lands on their engagements, the organization's home for them.
    await page.waitForURL(new RegExp(`/orgs/${org}$`));
    const members = await api.ok<{ items: { userId: string; email: string }[] }>(
      "GET",
      `/api/v1/orgs/${org}/members`,
    );
    const dana = members.items.find((m) => m.email === "dana@audit.example");
    if (dana === undefined) throw new Error("the auditor did not join");
    await api.ok("PUT", `${path}/auditors/${dana.userId}`);

    await page.goto(samplePage);
    await page.getByLabel("Control", { exact: true }).selectOption("CM-02");
    await page.getByRole("button", { name: "Accept population" }).click();
    await page.getByText(/^Accepted by Dana Auditor/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Seed (optional)").fill("dana-seed");
    await page.getByRole("button", { name: "Draw sample" }).click();
    await page
      .getByText(/Population SHA-256/)
      .first()
      .waitFor();
    const sample = await api.ok<{
      sample: { controls: { controlRef: string; populationSource: string; items: string[] }[] };
    }>("GET", `${path}/sample`);
    const cm02 = sample.sample.controls.find((c) => c.controlRef === "CM-02");
    expect(cm02?.populationSource).toBe("imported");
    expect(cm02?.items).toHaveLength(15);
    // The draw says what it asked for; the Sample tab names the items in words, not keys.
    const note = page.getByRole("status").filter({ hasText: "Requests for the sampled" });
    const refs = Array.from({ length: 15 }, (_, n) => `R-${n + 1}`).join(", ");
    await note.getByText(`15 requests opened (${refs}).`).waitFor();
    await page.getByText((cm02?.items ?? []).map(prInWords).join("; ")).waitFor();
    await expect(page.getByText(cm02?.items.join(", ") ?? "?").count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await rig.screenshot(page, "populations-02-drawn");

    // Drawn again: the requests of the items left out are withdrawn, the new ones asked for.
    await page.getByRole("button", { name: "Redraw…" }).click();
    const redraw = page.getByRole("dialog", { name: "Redraw the sample" });
    await redraw.getByLabel("Reason").fill("The first seed was typed by the client's staff.");
    await redraw.getByRole("button", { name: "Redraw" }).click();
    await note.getByText(/^Withdrawn, their item left the sample: R-/).waitFor();
    const again = await api.ok<{ sample: { controls: { controlRef: string; items: string[] }[] } }>(
      "GET",
      `${path}/sample`,
    );
    const now = again.sample.controls.find((c) => c.controlRef === "CM-02")?.items ?? [];
    const left = (cm02?.items ?? []).filter((key) => !now.includes(key));
    expect(left.length).toBeGreaterThan(0);
    await note
      .getByText(
        `Withdrawn, their item left the sample: ${left.map((k) => `R-${1 + (cm02?.items ?? []).indexOf(k)}`).join(", ")}.`,
      )
      .waitFor();
    await rig.screenshot(page, "populations-03-redrawn");

    // Each sampled occurrence is a request for its evidence, to whoever imported the rows
    // (CM-02 has no owner), named in words; those withdrawn say why.
    await page.goto(`/orgs/${org}/engagements/${engagement.id}?tab=requests`);
    const card = page
      .getByRole("article")
      .filter({ hasText: `CM-02 · ${prInWords(now[0] ?? "?")}` });
    await card.getByText(/^To olivia@acme\.example, due /).waitFor();
    await expect(page.getByRole("article").count()).resolves.toBe(15 + left.length);
    const gone = page
      .getByRole("article")
      .filter({ hasText: `CM-02 · ${prInWords(left[0] ?? "?")}` });
    await gone.getByText("withdrawn", { exact: true }).waitFor();
    await gone.getByText(/^Withdrawn by Dana Auditor on .*: the item left the sample/).waitFor();
    await page
      .getByText(`15 open, 0 submitted, 0 returned, 0 accepted, ${left.length} withdrawn`)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await rig.screenshot(page, "populations-04-requests");
  }, 120_000);
});
