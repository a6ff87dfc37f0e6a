/**
 * Builds the web app into web/dist when it is missing or older than its sources, so
 * `npm start` on a fresh clone serves the current pages without a separate build step.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WEB = path.join(ROOT, "web");
const BUILT = path.join(WEB, "dist", "index.html");

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target)
    .map((name) => newestMtime(path.join(target, name)))
    .reduce((a, b) => Math.max(a, b), stat.mtimeMs);
}

export function webBuildIsCurrent(): boolean {
  if (!existsSync(BUILT)) return false;
  const sources = [
    path.join(WEB, "src"),
    path.join(WEB, "index.html"),
    path.join(WEB, "vite.config.ts"),
    path.join(ROOT, "package-lock.json"),
  ].filter((p) => existsSync(p));
  const newest = Math.max(...sources.map(newestMtime));
  return statSync(BUILT).mtimeMs >= newest;
}

export async function ensureWebBuild(log: (line: string) => void = () => undefined): Promise<void> {
  if (webBuildIsCurrent()) return;
  log("Building the web app (a few seconds)…");
  const { build } = await import("vite");
  // Always the production build: under a test runner NODE_ENV=test would make React's
  // development build, which would then be served as current.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: path.join(WEB, "vite.config.ts"),
      mode: "production",
      logLevel: "warn",
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

if (
  process.argv[1] !== undefined &&
  fileURLToPath(import.meta.url) === path.resolve(process.argv[1])
) {
  await ensureWebBuild((line) => process.stderr.write(`${line}\n`));
}
