import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupOwnerViaApi } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";
import { assignAuditorAccount, daysAgo } from "./report-flow.ts";

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

describe("entering test results", () => {
  it("lets the owner enter a test only for an assigned auditor, and says who entered it", async () => {
    const owner = await rig.newPage();
    const { page, context } = owner;
    page.setDefaultTimeout(15_000);
    const api = await setupOwnerViaApi(rig, context.request, "olivia@acme.example");
    const created = await api.ok<{ organization: { slug: string } }>("POST", "/api/v1/orgs", {
      name: "Acme Testing",
      categories: ["security"],
      adoptLibrary: false,
      systemName: "Acme Dashboards",
    });
    const org = created.organization.slug;
    await api.ok("POST", `/api/v1/orgs/${org}/controls`, {
      ref: "GOV-01",
      title: "Security programme reviewed by leadership",
      description: "Leadership reviews the security programme each quarter.",
      kind: "detective",
      automation: "manual",
      frequency: "quarterly",
      criteria: ["CC1.1"],
    });
    await api.ok("PATCH", `/api/v1/orgs/${org}/controls/GOV-01`, { status: "implemented" });
    const engagement = await api.ok<{ id: string; number: number }>(
      "POST",
      `/api/v1/orgs/${org}/engagements`,
      { type: 1, asOf: daysAgo(14), auditFirm: "Ledger & Co" },
    );
    const base = `/api/v1/orgs/${org}/engagements/E-${engagement.number}`;
    for (let step = 0; step < 3; step += 1) await api.ok("POST", `${base}/advance`, {});

    // Before an auditor is assigned, the owner is told to assign one and offered no form.
    await page.goto(`/orgs/${org}/engagements/${engagement.id}?tab=testing`);
    await page.getByText("No auditor assigned").waitFor();
    await page.getByRole("button", { name: /GOV-01/ }).click();
    await expect(page.getByRole("button", { name: "Record test" }).count()).resolves.toBe(0);

    const auditor = await rig.newPage();
    const dana = await assignAuditorAccount(api, auditor.context.request, org, base);
    await page.reload();
    const enteringFor = page.getByRole("combobox", { name: "Entering results for" });
    await expect(enteringFor.inputValue()).resolves.toBe(`Dana Whitfield (${dana.email})`);
    await page.getByRole("button", { name: /GOV-01/ }).click();
    await page.getByRole("combobox", { name: "Design conclusion" }).click();
    await page.getByRole("option", { name: "Suitably designed" }).click();
    await page.getByRole("button", { name: "Record test" }).click();
    await page
      .getByText(/Test by Dana Whitfield, entered by .+ on the auditor's behalf\./)
      .waitFor();
    await rig.screenshot(page, "testing-01-entered-for-auditor");

    const results = await api.ok<{
      controls: { controlRef: string; test: { testerEmail: string; enteredBy: string } | null }[];
    }>("GET", `${base}/results`);
    expect(results.controls[0]?.test).toMatchObject({ testerEmail: dana.email });
    expect(results.controls[0]?.test?.enteredBy).toBeTruthy();
  });
});
