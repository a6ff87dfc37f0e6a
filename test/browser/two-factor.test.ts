import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgViaApi, setupOwnerViaApi } from "./api.ts";
import { startRig } from "./browser.ts";
import type { BrowserRig } from "./browser.ts";
import { signIn } from "./flows.ts";

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

/** The code an authenticator app shows `offset` seconds from now (the server's clock is real). */
function codeAt(secret: string, offset = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset });
}

/** Six digits that are not the code of any step the server would accept right now. */
async function wrongCode(secret: string): Promise<string> {
  const valid = new Set(await Promise.all([-60, -30, 0, 30, 60].map((s) => codeAt(secret, s))));
  for (let n = 123456; ; n += 1111) {
    const candidate = String(n % 1_000_000).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}

describe("two-factor sign-in in the browser", () => {
  it("turns two-factor on, then asks for the code at sign-in and refuses a wrong one", async () => {
    const { page, context } = await rig.newPage();
    page.setDefaultTimeout(10_000);
    try {
      const owner = await setupOwnerViaApi(rig, context.request, "olivia@acme.example");
      const org = await createOrgViaApi(owner, "Acme Cloud");

      // Account settings: set up, read the key shown for typing by hand, confirm with a code.
      await page.goto(`/orgs/${org}`);
      await page.getByRole("button", { name: /account menu/ }).click();
      await page.getByRole("menuitem", { name: "Account settings" }).click();
      await page.getByRole("heading", { name: "Account settings" }).waitFor();
      await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
      await page.getByRole("img", { name: "QR code for your authenticator app" }).waitFor();
      const secret = (
        await page
          .getByText("Or enter this key by hand:")
          .locator("xpath=..")
          .locator("code")
          .innerText()
      ).trim();
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      await rig.screenshot(page, "two-factor-01-setup");
      await page.getByLabel("Six-digit code").fill(await codeAt(secret));
      await page.getByRole("button", { name: "Turn on" }).click();
      await page.getByText("Two-factor sign-in is on").waitFor();
      await rig.screenshot(page, "two-factor-02-on");

      // Sign out, then sign in with the password: the code is asked for next.
      await page.getByRole("button", { name: /account menu/ }).click();
      await page.getByRole("menuitem", { name: "Sign out" }).click();
      await page.waitForURL(/\/login/);
      await signIn(page, "olivia@acme.example");
      await page.getByRole("heading", { name: "Two-factor code" }).waitFor();
      const code = page.getByLabel("Six-digit code");
      // The code field has focus: the password form, and the button pressed, are gone.
      await expect(page.locator(":focus").getAttribute("autocomplete")).resolves.toBe(
        "one-time-code",
      );

      // A wrong code is refused, visibly, and the person stays on the code step.
      await code.fill(await wrongCode(secret));
      await page.getByRole("button", { name: "Verify and sign in" }).click();
      const refusal = page.getByRole("alert").filter({ hasText: "Could not verify the code" });
      await refusal.waitFor();
      expect(await refusal.innerText()).toMatch(/wrong or (was )?already used/);
      await rig.screenshot(page, "two-factor-03-wrong-code");
      expect(page.url()).toMatch(/\/login/);

      // The code for the next step (the one at enabling is spent) signs in.
      await code.fill(await codeAt(secret, 30));
      await page.getByRole("button", { name: "Verify and sign in" }).click();
      await page.waitForURL(new RegExp(`/orgs/${org}$`));
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      await rig.screenshot(page, "two-factor-04-signed-in");
      expect(rig.consoleErrors).toEqual([]);
    } catch (error) {
      await rig.screenshot(page, "two-factor-00-failed");
      throw error;
    } finally {
      await context.close();
    }
  });
});
