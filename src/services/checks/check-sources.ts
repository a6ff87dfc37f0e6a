/**
 * Where a check's source is, for `attest checks show`: checks are open, so anyone can read the
 * rule that failed. Found by searching the connector's checks folder for the check's id.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The checkout's root: the nearest folder up with Attest's package.json. */
function rootOf(start: string): string | null {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && existsSync(path.join(dir, "src", "integrations"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The path of the file defining `checkId`, relative to the checkout, or the folder it lives in. */
export function checkSourceFile(checkId: string, kind: string): string {
  const folder = path.join("src", "integrations", kind, "checks");
  const root = rootOf(path.dirname(fileURLToPath(import.meta.url)));
  if (root === null || !existsSync(path.join(root, folder))) return folder;
  const quoted = [`"${checkId}"`, `'${checkId}'`, `\`${checkId}\``];
  const files = readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .sort();
  for (const file of files) {
    const text = readFileSync(path.join(root, folder, file), "utf8");
    if (quoted.some((q) => text.includes(q))) return path.join(folder, file);
  }
  return folder;
}
