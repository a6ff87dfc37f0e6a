// Lint rules, including the one that keeps dependencies pointing one way:
// server, cli → services → domain, db, catalog. domain does no I/O; catalog is pure data.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const layer = (name) => [`**/${name}/**`, `../${name}/*`, `../../${name}/*`];

const IO_MODULES = [
  "node:fs",
  "node:fs/promises",
  "node:net",
  "node:http",
  "node:https",
  "node:child_process",
  "node:os",
  "kysely",
  "pg",
  "better-sqlite3",
  "fastify",
  "commander",
];

function restrict(files, layers, modules = []) {
  return {
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: modules.map((name) => ({ name, message: "this layer does no I/O" })),
          patterns: layers.map((name) => ({
            group: layer(name),
            message: `this layer may not depend on ${name}/ (see docs/architecture.md)`,
          })),
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ["node_modules", ".attest", "dist", "coverage", "web/dist"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: globals.node },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Tests index into fixtures they just built; a non-null assertion there is a fair claim.
    files: ["**/*.test.ts", "test/**", "bench/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // A tenant scope is made only by the named constructors in domain/actor.ts.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["src/domain/actor.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "TSAsExpression[typeAnnotation.typeName.name='OrgScope']",
          message:
            "make an OrgScope with scopeOf, scopeOfShareLink, scopeOfInvitation or systemScope",
        },
        {
          selector: "TSTypeAssertion[typeAnnotation.typeName.name='OrgScope']",
          message:
            "make an OrgScope with scopeOf, scopeOfShareLink, scopeOfInvitation or systemScope",
        },
      ],
    },
  },
  restrict(["src/catalog/**"], ["domain", "db", "services", "server", "cli"], IO_MODULES),
  restrict(["src/domain/**"], ["db", "services", "server", "cli", "contracts"], IO_MODULES),
  restrict(["src/contracts/**"], ["db", "services", "server", "cli"], IO_MODULES),
  restrict(["src/db/**"], ["services", "server", "cli"]),
  restrict(["src/services/**"], ["server", "cli"]),
  restrict(["src/server/**"], ["cli", "db"]),
  restrict(["src/cli/**"], ["db"]),
  {
    // The browser app: browser globals, and no reaching into the server's code. The shapes of
    // the answers come from src/contracts (types only, erased from the bundle).
    files: ["web/**"],
    ignores: ["web/vite.config.ts"],
    languageOptions: { globals: globals.browser },
    rules: {
      // Not even types from the server's inner layers: the answers' shapes are the contracts.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)src/(services|db|server|cli)/",
              message: "the web app takes the answers' types from src/contracts",
            },
          ],
        },
      ],
      // Types of the domain's answers may be shared (they are erased from the bundle); code
      // may not: the browser runs nothing of the server's.
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/src/*", "../../../src/**"],
              message: "the web app does not import server code (types from src/contracts)",
              allowTypeImports: true,
            },
          ],
        },
      ],
      "no-console": ["error", { allow: ["error"] }],
    },
  },
);
