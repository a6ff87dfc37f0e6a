import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgViaApi, setupOwnerViaApi, today } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";
import { PASSWORD } from "./flows.ts";

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

interface Sample {
  populationSha256: string;
  controls: { controlRef: string; items: string[]; sampleSize: number }[];
}

function daysFrom(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe("sampling in the browser", () => {
  it("the owner cannot draw; the assigned auditor draws an interim sample and extends a control", async () => {
    const owner = await rig.newPage();
    const api = await setupOwnerViaApi(rig, owner.context.request, "olivia@acme.example");
    const org = await createOrgViaApi(api, "Acme Cloud");
    // A period still running: the draw can only be an interim one.
    const engagement = await api.ok<{ id: string; number: number }>(
      "POST",
      `/api/v1/orgs/${org}/engagements`,
      { type: 2, from: daysFrom(today(), -200), to: daysFrom(today(), 30), auditFirm: "Ledger" },
    );
    const path = `/api/v1/orgs/${org}/engagements/${engagement.id}`;
    // Only a control in place when the scope is frozen is tested, so only it can deviate.
    await api.ok("PATCH", `/api/v1/orgs/${org}/controls/BC-04`, { status: "implemented" });
    for (let step = 0; step < 3; step += 1) await api.ok("POST", `${path}/advance`, {});

    // The company is offered no draw, and the API refuses it.
    const samplePage = `/orgs/${org}/engagements/${engagement.id}?tab=sample`;
    await owner.page.goto(samplePage);
    await owner.page.getByText("No sample has been drawn yet.").waitFor();
    await expect(owner.page.getByRole("button", { name: "Draw sample" }).count()).resolves.toBe(0);
    const refused = await api.call("POST", `${path}/sample`, { seed: "we-pick" });
    expect(refused.status).toBe(403);

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
    await page.waitForURL(new RegExp(`/orgs/${org}$`));
    await page.getByRole("heading", { name: "My engagements", level: 1 }).waitFor();
    const members = await api.ok<{ items: { userId: string; email: string }[] }>(
      "GET",
      `/api/v1/orgs/${org}/members`,
    );
    const dana = members.items.find((m) => m.email === "dana@audit.example");
    if (dana === undefined) throw new Error("the auditor did not join");
    await api.ok("PUT", `${path}/auditors/${dana.userId}`);

    await page.goto(samplePage);
    await page.getByLabel("Seed (optional)").fill("dana-seed");
    await page.getByRole("button", { name: "Draw sample" }).click();
    await page
      .getByText(/Population SHA-256/)
      .first()
      .waitFor();
    const drawn = (await api.ok<{ sample: Sample }>("GET", `${path}/sample`)).sample;
    await page.getByText(drawn.populationSha256).waitFor();
    const draws = page.getByRole("list", { name: "Draws" });
    await expect(draws.innerText()).resolves.toMatch(/Interim draw through \d{4}-\d{2}-\d{2}/);
    await rig.screenshot(page, "sampling-01-interim-draw");

    // A deviation on a daily control (entered by the owner, naming the assigned auditor).
    const daily = drawn.controls.find((c) => c.controlRef === "BC-04");
    expect(daily?.sampleSize).toBe(25);
    await api.ok("POST", `${path}/items`, {
      control: "BC-04",
      item: daily?.items[0],
      result: "exception",
      description: "No backup ran that day.",
      auditor: "dana@audit.example",
    });
    await page.reload();
    const extend = page.getByRole("button", { name: "Extend the sample of BC-04" });
    await extend.click();
    await expect
      .poll(async () => {
        const grown = (await api.ok<{ sample: Sample }>("GET", `${path}/sample`)).sample;
        return grown.controls.find((c) => c.controlRef === "BC-04")?.sampleSize;
      })
      .toBe(40);
    const grown = (await api.ok<{ sample: Sample }>("GET", `${path}/sample`)).sample;
    const items = grown.controls.find((c) => c.controlRef === "BC-04")?.items ?? [];
    expect(daily?.items.every((key) => items.includes(key))).toBe(true);
    await page.getByText(/extended from 25 to 40 after 1 deviation/).waitFor();
    await rig.screenshot(page, "sampling-02-extended");
  });
});
