import { runCli } from "../../src/cli/main.ts";
import { operatorPrincipal } from "../../src/cli/runtime.ts";
import { operatorActor } from "../../src/services/access/organizations.service.ts";
import { closeContext, openContext } from "../../src/services/platform/context.ts";
import { assignedAuditor } from "./auditor.ts";
import type { TestDatabase } from "./database.ts";

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in this process against the given environment, capturing its output. */
export async function cli(env: Record<string, string>, ...argv: string[]): Promise<CliResult> {
  let out = "";
  let err = "";
  const code = await runCli(argv, {
    env,
    // The same fixed "today" as the service tests: evidence dates stay meaningful.
    now: () => new Date("2026-03-02T09:00:00Z"),
    io: { out: (text) => (out += text), err: (text) => (err += text) },
  });
  return { code, out, err };
}

export function json<T>(result: CliResult): T {
  if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.err}`);
  return JSON.parse(result.out) as T;
}

/**
 * Dana (TEST_AUDITOR) joins the organization the CLI set up in `database` and is assigned to
 * the engagement: the CLI tests' auditor, made through the services as the operator.
 */
export async function assignAuditorIn(database: TestDatabase, handle: string): Promise<void> {
  const ctx = await openContext({
    database: database.target,
    dataDir: database.dataDir,
    blobStore: database.blobStore,
  });
  try {
    await assignedAuditor(ctx, await operatorActor(ctx, operatorPrincipal(), undefined), handle);
  } finally {
    await closeContext(ctx);
  }
}
