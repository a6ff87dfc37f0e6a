/** Steps several browser tests share, done the way a person would do them. */
import type { Page } from "playwright-core";
import type { BrowserRig } from "./browser.ts";

export const PASSWORD = "correct battery staple horse 42";

/** Opens the printed setup link and creates the first owner; lands on onboarding. */
export async function createOwnerInBrowser(
  rig: BrowserRig,
  page: Page,
  email: string,
): Promise<void> {
  if (rig.server.setupUrl === null) throw new Error("the server printed no setup link");
  await page.goto(new URL(rig.server.setupUrl).pathname + new URL(rig.server.setupUrl).search);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Your name").fill("Olivia Owner");
  await page
    .getByLabel(/^Password/)
    .first()
    .fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/onboarding/);
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page
    .getByLabel(/^Password/)
    .first()
    .fill(password);
  await page.getByRole("button", { name: /Sign in/ }).click();
}
