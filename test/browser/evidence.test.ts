import { writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgViaApi, setupOwnerViaApi } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A small RGB PNG: blue on the left, orange on the right, so a preview is easy to spot. */
function tinyPng(width = 48, height = 32): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows: number[] = [];
  for (let y = 0; y < height; y += 1) {
    rows.push(0); // no filter
    for (let x = 0; x < width; x += 1)
      rows.push(...(x < width / 2 ? [34, 100, 220] : [250, 140, 20]));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

interface Figures {
  percent: number;
  covered: number;
  partial: number;
  gap: number;
}

/** The overall readiness as the dashboard shows it: the ring's label and the counts beside it. */
async function readFigures(page: Page): Promise<Figures> {
  const ring = page.getByLabel(/^Readiness [\d.]+%$/);
  await ring.waitFor();
  const label = (await ring.getAttribute("aria-label")) ?? "";
  const count = async (pattern: RegExp) =>
    Number(await page.getByText(pattern).first().locator("strong").innerText());
  return {
    percent: Number(/([\d.]+)%/.exec(label)?.[1]),
    covered: await count(/relevant criteria covered$/),
    partial: await count(/partly covered$/),
    gap: await count(/with gaps$/),
  };
}

describe("evidence in the browser", () => {
  it("marks a control implemented, uploads an image for it, previews it, and readiness rises", async () => {
    const { page, context } = await rig.newPage();
    page.setDefaultTimeout(10_000);
    try {
      const owner = await setupOwnerViaApi(rig, context.request, "olivia@acme.example");
      const org = await createOrgViaApi(owner, "Acme Cloud");

      await page.goto(`/orgs/${org}`);
      const before = await readFigures(page);
      expect(before.covered).toBe(0);
      // The control that would help the most criteria heads "Controls to implement next".
      const next = page.getByRole("heading", { name: "Controls to implement next" }).locator("..");
      const ref = (await next.getByRole("link").first().innerText()).trim();
      await rig.screenshot(page, "evidence-01-dashboard-before");

      // Controls page → search → open the control.
      await page.getByRole("navigation").getByRole("link", { name: "Controls" }).click();
      await page.getByLabel("Search").fill(ref);
      await page.getByRole("link", { name: ref, exact: true }).click();
      await page.waitForURL(new RegExp(`/controls/${ref}$`));

      // Mark it implemented, and correct its kind in the same form that created controls.
      await page.getByRole("button", { name: "Edit control" }).click();
      const kindBox = page.getByRole("combobox", { name: "Kind" });
      const newKind = (await kindBox.inputValue()) === "Corrective" ? "Detective" : "Corrective";
      await kindBox.click();
      await page.getByRole("option", { name: newKind, exact: true }).click();
      await page.getByRole("combobox", { name: "Status" }).click();
      await page.getByRole("option", { name: "Implemented", exact: true }).click();
      await page.getByLabel("Reason for the status").fill("Rolled out to every system in scope.");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByRole("button", { name: "Edit control" }).waitFor();
      await expect(
        page.getByText("Implemented", { exact: true }).first().isVisible(),
      ).resolves.toBe(true);
      await expect(page.getByText(newKind, { exact: true }).first().isVisible()).resolves.toBe(
        true,
      );
      // Its history tells the edit as the audit log does: a sentence and each change from → to.
      const history = page.getByRole("heading", { name: "History" }).locator("..");
      await history
        .getByText(
          `Control ${ref} marked implemented; kind changed: Rolled out to every system in scope.`,
        )
        .waitFor();
      await history.getByText("Status: not started → implemented").first().waitFor();
      await history.getByText(`→ ${newKind.toLowerCase()}`).first().waitFor();
      expect(await history.innerText()).not.toContain("{");

      // Implemented without evidence does not count yet: the dashboard lists it as missing.
      const nav = page.getByRole("navigation", { name: "Main navigation" });
      await nav.getByRole("link", { name: "Dashboard" }).click();
      const overdue = page.getByRole("heading", { name: "Overdue evidence" }).locator("..");
      await overdue.getByRole("link", { name: ref, exact: true }).waitFor();
      expect((await readFigures(page)).percent).toBe(before.percent);

      // From the overdue list back to the control, and its "Add evidence".
      await overdue.getByRole("link", { name: ref, exact: true }).click();
      await page.getByRole("link", { name: "Add evidence" }).click();
      const dialog = page.getByRole("dialog", { name: "Add evidence" });
      await dialog.waitFor();
      const file = path.join(rig.database.dataDir, "mfa-settings.png");
      writeFileSync(file, tinyPng());
      await dialog.getByLabel("Evidence file").setInputFiles(file);
      await dialog.getByText("mfa-settings.png").waitFor();
      await expect(dialog.getByLabel("Title").inputValue()).resolves.toBe("mfa-settings.png");
      await rig.screenshot(page, "evidence-02-upload-modal");
      await dialog.getByRole("button", { name: "Add evidence" }).click();
      await dialog.waitFor({ state: "hidden" });

      // Listed, then opened with its preview.
      const listed = page.getByRole("link", { name: "mfa-settings.png" });
      await listed.waitFor();
      await expect(
        page.getByRole("cell", { name: new RegExp(ref) }).count(),
      ).resolves.toBeGreaterThan(0);
      await rig.screenshot(page, "evidence-03-list");
      await listed.click();
      const preview = page.getByRole("img", { name: "Preview of mfa-settings.png" });
      await preview.waitFor();
      // The browser decoded the image: 48 pixels wide, as written.
      await expect
        .poll(() => preview.evaluate((img) => (img as { naturalWidth?: number }).naturalWidth))
        .toBe(48);
      await page.getByRole("link", { name: ref, exact: true }).waitFor();
      await rig.screenshot(page, "evidence-04-detail-preview");

      // Readiness moved the right way.
      await nav.getByRole("link", { name: "Dashboard" }).click();
      await expect
        .poll(async () => (await readFigures(page)).percent, { timeout: 10_000 })
        .toBeGreaterThan(before.percent);
      await overdue.getByText("Nothing overdue").waitFor();
      const after = await readFigures(page);
      await rig.screenshot(page, "evidence-05-dashboard-after");
      expect(after.covered + after.partial).toBeGreaterThan(before.covered + before.partial);
      expect(after.gap).toBeLessThan(before.gap);
      expect(rig.consoleErrors).toEqual([]);
    } catch (error) {
      await rig.screenshot(page, "evidence-00-failed");
      throw error;
    } finally {
      await context.close();
    }
  });
});
