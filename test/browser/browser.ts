/**
 * Browser tests drive Debian's chromium (installed by .ci/run, never downloaded) through
 * playwright-core, against the real server on a free port with a fresh database.
 */
import { existsSync } from "node:fs";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ensureWebBuild } from "../../scripts/ensure-web.ts";
import { loadConfig } from "../../src/services/platform/config.ts";
import { startServer } from "../../src/server/start.ts";
import type { RunningServer } from "../../src/server/start.ts";
import { createTestDatabase } from "../support/database.ts";
import type { TestDatabase } from "../support/database.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = path.resolve(import.meta.dirname, "../../.attest-screenshots");

export interface BrowserRig {
  server: RunningServer;
  database: TestDatabase;
  browser: Browser;
  /** Console errors and page errors seen in any page: a test expects none. */
  consoleErrors: string[];
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/** `env`: settings of the server beyond the test database (the monitor's CA file, say). */
export async function startRig(env: Record<string, string> = {}): Promise<BrowserRig> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)`,
    );
  }
  await ensureWebBuild();
  const database = await createTestDatabase();
  const config = loadConfig({ ...database.env, ...env, PORT: "0", LOG_LEVEL: "silent" });
  const server = await startServer(config);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const consoleErrors: string[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    server,
    database,
    browser,
    consoleErrors,
    async newPage() {
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: { width: 1280, height: 860 },
      });
      const page = await context.newPage();
      page.on("console", (message) => {
        // A 401 from the session probe before sign-in is the app asking, not an error.
        if (message.type() === "error" && !message.text().includes("401")) {
          consoleErrors.push(`${page.url()}: ${message.text()}`);
        }
      });
      page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
      return { context, page };
    },
    async screenshot(page, name) {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await server.stop();
      await database.drop();
    },
  };
}
