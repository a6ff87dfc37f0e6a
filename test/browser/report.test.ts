import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupOwnerViaApi } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";
import { finalReportViaApi } from "./report-flow.ts";

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

describe("the report package in the browser", () => {
  it("shares a final report through an NDA-gated link a customer opens without an account", async () => {
    const owner = await rig.newPage();
    const { page, context } = owner;
    page.setDefaultTimeout(15_000);
    const api = await setupOwnerViaApi(rig, context.request, "olivia@acme.example");
    const auditor = await rig.newPage();
    const { org, engagement, base } = await finalReportViaApi(api, "Acme", {
      auditor: auditor.context.request,
    });
    const reader = await rig.newPage();
    reader.page.setDefaultTimeout(15_000);
    try {
      // The owner opens the engagement and its Report tab, the way a person does.
      await page.goto(`/orgs/${org}/engagements/${engagement.id}`);
      await page.getByRole("tab", { name: "Report" }).click();
      await page.getByText("Description complete").waitFor();
      await expect(page.getByText(/items? missing/).count()).resolves.toBe(0);
      // The auditor's opinion is in: no readiness banner.
      await expect(
        page.getByText("Readiness report — not an auditor's report").count(),
      ).resolves.toBe(0);
      await page.getByText(/^Approved by Olivia Owner on /).waitFor();
      // The auditor dates and releases the report: the owner is offered no Finalize button.
      await expect(page.getByRole("button", { name: /^Finalize version/ }).count()).resolves.toBe(
        0,
      );
      await page
        .getByText(/^Signed Ledger & Co, Boston, Massachusetts, dated \d{1,2} [A-Z][a-z]+ \d{4}/)
        .waitFor();
      await rig.screenshot(page, "report-01-tab");

      await page.getByRole("tab", { name: "Description", exact: true }).click();
      await expect(page.getByLabel("Commitment 1", { exact: true }).inputValue()).resolves.toBe(
        "99.9% monthly availability",
      );
      await rig.screenshot(page, "report-02-description");

      // Version 1 is listed with its downloads; a link is made for a customer.
      await page.getByRole("tab", { name: "Versions and sharing" }).click();
      await page.getByRole("cell", { name: "Version 1", exact: true }).waitFor();
      // The download links answer files with the page's own cookie.
      const fetched = async (name: string) => {
        const href = await page.getByRole("link", { name }).getAttribute("href");
        const answer = await context.request.get(href ?? "");
        expect(answer.status(), `${name}: ${href}`).toBe(200);
        return answer;
      };
      const pdf = await fetched("Download version 1 as PDF");
      expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const json = await fetched("Download the draft as JSON");
      expect(((await json.json()) as { state: string }).state).toBe("draft");
      const bundle = await fetched("Download the evidence bundle");
      expect(bundle.headers()["content-type"]).toBe("application/zip");
      await page.getByText("The organization's signing key").waitFor();
      await page.getByText("Ed25519", { exact: true }).waitFor();
      await page.getByLabel("Recipient").fill("Globex procurement");
      await page.getByLabel("Valid for (days)").fill("14");
      await page.getByRole("button", { name: "Create link" }).click();
      const shown = page.getByText(/\/shared\/\S+/);
      await shown.waitFor();
      const url = new URL((await shown.innerText()).trim());
      await page.getByRole("article", { name: "Link for Globex procurement" }).waitFor();
      await rig.screenshot(page, "report-03-share-link");

      // A customer opens the link in a browser with no session: no sign-in, the NDA first.
      const shared = reader.page;
      await shared.goto(url.pathname);
      await shared.getByRole("heading", { name: "SOC 2 report shared by Acme" }).waitFor();
      expect(new URL(shared.url()).pathname).toBe(url.pathname);
      await shared.getByRole("heading", { name: "Non-disclosure terms" }).waitFor();
      // Dates read in words, as in the report itself.
      await shared
        .getByText(/^\d{1,2} [A-Z][a-z]+ \d{4}$/)
        .first()
        .waitFor();
      await shared.getByText(/The report is confidential/).waitFor();
      await shared.getByRole("button", { name: "Accept and continue" }).click();
      await shared.getByText("Accept the terms to download the report").waitFor();
      await shared.getByLabel("Your name").fill("Rita Reader");
      await shared.getByLabel("Company").fill("Globex");
      await shared.getByLabel("Email").fill("rita@globex.example");
      await shared.getByLabel("I accept the non-disclosure terms above").check();
      await shared.getByRole("button", { name: "Accept and continue" }).click();
      const downloadLink = shared.getByRole("link", { name: "Download the report (PDF)" });
      await downloadLink.waitFor();
      await rig.screenshot(shared, "report-04-shared-accepted");
      const [download] = await Promise.all([shared.waitForEvent("download"), downloadLink.click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const file = await download.path();
      expect(readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");

      // Back as the owner: the access log names the reader.
      await page.reload();
      const card = page.getByRole("article", { name: "Link for Globex procurement" });
      await card.getByText("Rita Reader, Globex (rita@globex.example)").first().waitFor();
      await card.getByRole("cell", { name: "Accepted the NDA", exact: true }).waitFor();
      await card.getByRole("cell", { name: "Downloaded", exact: true }).waitFor();
      await rig.screenshot(page, "report-05-access-log");

      // Revoked, the link says so, with the server's words; a made-up link is not valid.
      await card.getByRole("button", { name: "Revoke the link for Globex procurement" }).click();
      await card.getByText("Revoked", { exact: true }).waitFor();
      await shared.goto(url.pathname);
      await shared.getByText("This link has expired or was revoked").waitFor();
      await shared
        .getByText(
          /^This link was revoked by the company that shared it; ask them for a new one\.$/,
        )
        .waitFor();
      await rig.screenshot(shared, "report-06-shared-revoked");
      await shared.goto("/shared/share_not-a-real-link");
      await shared.getByText("This link is not valid").waitFor();
      expect(new URL(shared.url()).pathname).toBe("/shared/share_not-a-real-link");

      // The dashboard shows the report's age.
      await page.goto(`/orgs/${org}`);
      const standing = page.getByText(/^Current \(/);
      await standing.waitFor();
      expect(await standing.textContent()).toMatch(
        /^Current \((less than a month|\d+ months?) old\)$/,
      );
      await page.getByText(`E-${engagement.number}, Type 1, version 1`, { exact: false }).waitFor();
      await rig.screenshot(page, "report-07-dashboard");

      // The API agrees with what the page showed.
      const links = await api.ok<{ items: { state: string; access: { event: string }[] }[] }>(
        "GET",
        `${base}/report/share-links`,
      );
      expect(links.items.map((l) => l.state)).toEqual(["revoked"]);
      expect(links.items[0]!.access.map((a) => a.event)).toEqual(
        expect.arrayContaining(["viewed", "nda-accepted", "downloaded", "refused-revoked"]),
      );
    } catch (error) {
      await rig.screenshot(page, "report-00-failed");
      await rig.screenshot(reader.page, "report-00-failed-reader");
      throw error;
    } finally {
      await reader.context.close();
      await context.close();
    }
    // The refused links answer 410 and 404 on purpose; nothing else may fail.
    const unexpected = rig.consoleErrors.filter(
      (e) => !(e.includes("/shared/") && /\b(404|410)\b/.test(e)),
    );
    expect(unexpected).toEqual([]);
  }, 120_000);
});
