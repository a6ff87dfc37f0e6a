import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgViaApi, setupOwnerViaApi } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";
import { assignAuditorAccount } from "./report-flow.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

/** Serious and critical axe violations on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = (await page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } };
    return (await axe.run()).violations;
  })) as { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
  return found
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The sampled item that has focus ("GV-11/2025-03"), if any. */
async function focusedItem(page: Page): Promise<string | null> {
  return (await page.evaluate("document.activeElement?.getAttribute('data-item') ?? null")) as
    string | null;
}

const MONTH_ENDS = [
  "2025-01-31",
  "2025-02-28",
  "2025-03-31",
  "2025-04-30",
  "2025-05-30",
  "2025-06-30",
];

describe("the testing screen for the auditor", () => {
  it("filters, shows progress, moves item by item with the keyboard and opens evidence in place", async () => {
    const owner = await rig.newPage();
    const api = await setupOwnerViaApi(rig, owner.context.request, "olivia@acme.example");
    const org = await createOrgViaApi(api, "Acme Cloud");
    const orgPath = `/api/v1/orgs/${org}`;
    // GV-11 (monthly) has its reviews for the first months; OP-09 (weekly) has nothing, so
    // every sampled week of it is a deviation on its own.
    for (const ref of ["GV-11", "OP-09"]) {
      await api.ok("PATCH", `${orgPath}/controls/${ref}`, { status: "implemented" });
    }
    for (const month of MONTH_ENDS) {
      await api.ok("POST", `${orgPath}/evidence`, {
        title: `Deficiency review ${month}`,
        link: `https://tracker.example/reviews/${month}`,
        controls: ["GV-11"],
        forDate: month,
      });
    }
    const engagement = await api.ok<{ id: string; number: number }>(
      "POST",
      `${orgPath}/engagements`,
      { type: 2, from: "2025-01-01", to: "2025-06-30", auditFirm: "Ledger & Co" },
    );
    const base = `${orgPath}/engagements/E-${engagement.number}`;
    for (let step = 0; step < 3; step += 1) await api.ok("POST", `${base}/advance`, {});
    const signedIn = await rig.newPage();
    const { auditor } = await assignAuditorAccount(api, signedIn.context.request, org, base);
    await auditor.ok("POST", `${base}/sample`, { seed: "workpapers" });

    const page = signedIn.page;
    page.setDefaultTimeout(15_000);
    await page.goto(`/orgs/${org}/engagements/${engagement.id}?tab=testing`);
    const progress = page.getByTestId("testing-progress");
    await expect
      .poll(() => progress.innerText())
      .toMatch(/^\d+ of \d+ controls concluded, 0 of \d+ items tested$/);

    // The auditor writes the attributes tested for GV-11.
    await page.getByRole("button", { name: /GV-11/ }).click();
    await page
      .getByLabel("Attributes tested for GV-11")
      .fill("Deficiency logged with an owner\nReviewed within the month");
    await page.getByRole("button", { name: "Save steps" }).click();
    await page
      .getByLabel(/^Attribute 1 for /)
      .first()
      .waitFor({ state: "attached" })
      .catch(() => undefined);

    // j selects the first item (announced), j the next, k back again: focus follows.
    await page.getByRole("button", { name: /GV-11/ }).focus();
    await page.keyboard.press("j");
    const announcement = page.getByTestId("item-announcement");
    await expect
      .poll(() => announcement.innerText())
      .toMatch(/^Item \d+ of \d+: GV-11, \w+ 2025, to test$/);
    const firstItem = await focusedItem(page);
    expect(firstItem).toMatch(/^GV-11\/2025-0\d$/);
    const n = Number(/^Item (\d+)/.exec(await announcement.innerText())?.[1]);
    await page.keyboard.press("j");
    await expect.poll(() => announcement.innerText()).toMatch(new RegExp(`^Item ${n + 1} of `));
    expect(await focusedItem(page)).not.toBe(firstItem);
    await page.keyboard.press("k");
    await expect.poll(() => announcement.innerText()).toMatch(new RegExp(`^Item ${n} of `));
    expect(await focusedItem(page)).toBe(firstItem);
    // The focused item is visibly marked: an outline the browser draws for keyboard focus.
    const outline = (await page.evaluate(
      "(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; })()",
    )) as string;
    expect(outline).not.toMatch(/^none|0px$/);

    // Its evidence opens in place.
    const selected = page.locator(`[data-item="${firstItem}"]`);
    await selected.getByRole("button", { name: /^Evidence: Deficiency review/ }).click();
    const drawer = page.getByRole("dialog", { name: /^Evidence for GV-11, / });
    await drawer.getByRole("heading", { name: /^Deficiency review 2025-/ }).waitFor();
    await drawer.getByRole("link", { name: /tracker\.example/ }).waitFor();
    expect(await violations(page)).toEqual([]);
    await rig.screenshot(page, "workpapers-01-evidence-drawer");
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });

    // Both attributes met: the item passes, and progress counts it.
    const attributes = selected.getByRole("radiogroup");
    await selected.getByText("Met", { exact: true }).first().click();
    await selected.getByText("Met", { exact: true }).nth(1).click();
    await expect(attributes.count()).resolves.toBe(2);
    await selected.getByLabel("Note").fill("Both reviews signed by the security lead.");
    await selected.getByRole("button", { name: "Save attributes" }).click();
    await expect
      .poll(() => progress.innerText())
      .toMatch(/^\d+ of \d+ controls concluded, 1 of \d+ items tested$/);
    await page.locator(`[data-item="${firstItem}"]`).getByText("passed", { exact: true }).waitFor();
    await page.getByText("Note: Both reviews signed by the security lead.").waitFor();
    await rig.screenshot(page, "workpapers-02-attributes");

    // Filters: OP-09, with no evidence at all, is among the exceptions; GV-11 is not.
    await page.locator("label", { hasText: /^Exceptions$/ }).click();
    await page.getByRole("button", { name: /OP-09/ }).waitFor();
    await expect(page.getByRole("button", { name: /GV-11/ }).count()).resolves.toBe(0);
    await page.locator("label", { hasText: /^To test$/ }).click();
    await page.getByRole("button", { name: /GV-11/ }).waitFor();
    expect(await violations(page)).toEqual([]);
    // A request the auditor opens on OP-09 puts it, and only it, under "Requests open".
    await auditor.ok("POST", `${base}/requests`, {
      control: "OP-09",
      description: "The weekly log reviews of the period, please.",
      to: "olivia@acme.example",
      dueOn: "2026-12-31",
    });
    await page.reload();
    await page.getByTestId("testing-progress").waitFor();
    await page.locator("label", { hasText: /^Requests open$/ }).click();
    await page.getByRole("button", { name: /OP-09/ }).waitFor();
    await expect(page.getByRole("button", { name: /GV-11/ }).count()).resolves.toBe(0);

    // The company's owner sees the same screen without the auditor's file controls.
    await owner.page.goto(`/orgs/${org}/engagements/${engagement.id}?tab=testing`);
    await owner.page.getByTestId("testing-progress").waitFor();
    await owner.page.getByRole("button", { name: /GV-11/ }).click();
    await owner.page.keyboard.press("j");
    await owner.page
      .getByTestId("item-announcement")
      .getByText(/^Item \d+ of \d+: GV-11, /)
      .waitFor({ state: "attached" });
    await expect(owner.page.getByRole("button", { name: "Attach a file" }).count()).resolves.toBe(
      0,
    );
  }, 120_000);
});
