import { readFileSync } from "node:fs";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { cli } from "../../test/support/cli.ts";
import { COMMAND_MODULES } from "./main.ts";
import type { Runtime } from "./runtime.ts";

const runtime: Runtime = { env: {}, io: { out: () => undefined, err: () => undefined } };

async function namesRegisteredBy(name: string): Promise<string[]> {
  const program = new Command("attest");
  const register = await COMMAND_MODULES[name]?.();
  register?.(program, runtime);
  return program.commands.map((command) => command.name());
}

describe("the table of command modules", () => {
  it("names, for each command, a module that defines that command", async () => {
    for (const name of Object.keys(COMMAND_MODULES)) {
      expect(await namesRegisteredBy(name), name).toContain(name);
    }
  });

  it("lists every command the modules define, so none is unreachable", async () => {
    const defined = new Set<string>();
    for (const name of Object.keys(COMMAND_MODULES)) {
      for (const command of await namesRegisteredBy(name)) defined.add(command);
    }
    expect([...defined].sort()).toEqual(Object.keys(COMMAND_MODULES).sort());
  });
});

describe("attest --version", () => {
  it("prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    const result = await cli({}, "--version");
    expect(result).toEqual({ code: 0, out: `${version}\n`, err: "" });
  });
});

describe("attest --help", () => {
  it("lists every command", async () => {
    const result = await cli({}, "--help");
    expect(result.code).toBe(0);
    // Each command heads a line of the help's command list, not merely a word in some text.
    for (const name of Object.keys(COMMAND_MODULES)) {
      expect(result.out).toMatch(new RegExp(`^  ${name}\\b`, "m"));
    }
  });
});
