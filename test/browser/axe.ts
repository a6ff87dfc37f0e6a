/** axe-core in the page under test: the serious and critical violations, once the page settles. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

// Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses
// an injected <script> tag.
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

export async function seriousViolations(page: Page): Promise<Violation[]> {
  // Wait until the page has settled: a heading, and no section shown still loading (a hidden
  // tab panel loads when it is shown).
  await page.locator("h1").first().waitFor();
  await page.locator('[aria-busy="true"]:visible').first().waitFor({ state: "detached" });
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } };
    return (await axe.run()).violations;
  });
  return (violations as Violation[]).filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
}

/** Violations one line each: "page: id (impact) help at targets". */
export function violationLines(name: string, violations: readonly Violation[]): string[] {
  return violations.map(
    (v) =>
      `${name}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}
