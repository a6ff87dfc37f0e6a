import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpsEndpoint, testCertificate } from "../support/https-endpoint.ts";
import type { HttpsEndpoint } from "../support/https-endpoint.ts";
import { createOrgViaApi, setupOwnerViaApi } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";

let rig: BrowserRig;
let site: HttpsEndpoint;
beforeAll(async () => {
  // The server trusts the local endpoint's self-signed certificate, and may reach loopback.
  rig = await startRig({
    ATTEST_MONITOR_CA_FILE: testCertificate().caFile,
    ATTEST_WEBHOOK_ALLOW_PRIVATE: "1",
  });
  site = await startHttpsEndpoint(200);
}, 120_000);
afterAll(async () => {
  await site?.close();
  await rig?.close();
});

describe("the availability monitor in the browser", () => {
  it("adds an endpoint, probes it up then down, shows the month's uptime, and removes it", async () => {
    const { page, context } = await rig.newPage();
    page.setDefaultTimeout(10_000);
    try {
      const owner = await setupOwnerViaApi(rig, context.request, "olivia@acme.example");
      const org = await createOrgViaApi(owner, "Acme Cloud");
      await page.goto(`/orgs/${org}`);
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "Monitors" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Monitors" }).waitFor();
      await page.getByText("No endpoint is monitored").waitFor();

      await page.getByRole("textbox", { name: "Name" }).fill("API");
      await page.getByRole("textbox", { name: "URL" }).fill("http://api.acme.test/health");
      await page.getByRole("button", { name: "Add", exact: true }).click();
      await page.getByText("url: must be an https:// URL (plain http is not probed)").waitFor();

      await page.getByRole("textbox", { name: "URL" }).fill(site.url);
      await page.getByRole("button", { name: "Add", exact: true }).click();
      const table = page.getByRole("table", { name: "Monitored endpoints" });
      await table.getByText("M-1 API").waitFor();
      await table.getByText("unknown", { exact: true }).waitFor();

      await page.getByRole("button", { name: "Probe now M-1" }).click();
      await table.getByText("up", { exact: true }).waitFor();
      await table.getByText(/^200 in \d+ ms$/).waitFor();
      site.answer = 503;
      await page.getByRole("button", { name: "Probe now M-1" }).click();
      await table.getByText("down", { exact: true }).waitFor();
      await table.getByText("answered 503, expected 200").waitFor();
      // Two probes from here, one up and one down; the server's own job may add one of its own
      // if its minute comes meanwhile, so the share is read as a number, not a constant.
      const month = new Date().toISOString().slice(0, 7);
      const share = await table.getByText(new RegExp(`^[\\d.]+ % \\(${month}\\)$`)).textContent();
      expect(Number(share?.split(" ")[0])).toBeGreaterThan(0);
      expect(Number(share?.split(" ")[0])).toBeLessThan(100);
      expect(site.hits).toBeGreaterThanOrEqual(2);
      await rig.screenshot(page, "monitors-01-down");

      // The outage is the owner's task until a probe finds it up again.
      await page.goto(`/orgs/${org}/tasks`);
      await page.getByText("Everyone's", { exact: true }).click();
      await page.getByText("Restore M-1 API").waitFor();

      await page.goto(`/orgs/${org}/monitors`);
      await page.getByRole("button", { name: "Remove M-1" }).click();
      await page.getByText("No endpoint is monitored").waitFor();
    } finally {
      await context.close();
    }
  });
});
