// An older Node would crash loading better-sqlite3 in every test worker rather than say why.
import "./scripts/check-node.mjs";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
