/** What every command shares: the environment, the output, and a way to reach the services. */
import os from "node:os";
import type { Actor, Principal } from "../domain/actor.ts";
import { loadConfig } from "../services/platform/config.ts";
import type { Config } from "../services/platform/config.ts";
import { closeContext, openContext } from "../services/platform/context.ts";
import type { ServiceContext } from "../services/platform/context.ts";
import { operatorActor } from "../services/access/organizations.service.ts";
import type { Io } from "./io.ts";

export interface Runtime {
  env: Record<string, string | undefined>;
  io: Io;
  /** Tests fix the clock; the binary uses the real one. */
  now?: () => Date;
}

export interface GlobalOptions {
  org?: string;
  json?: boolean;
}

export function config(runtime: Runtime): Config {
  return loadConfig(runtime.env);
}

export function operatorPrincipal(): Principal {
  let name = "operator";
  try {
    name = os.userInfo().username || name;
  } catch {
    // Some containers run as a uid with no passwd entry; the generic name will do.
  }
  return { kind: "operator", id: `operator:${name}`, name };
}

export async function withContext<T>(
  runtime: Runtime,
  work: (ctx: ServiceContext) => Promise<T>,
): Promise<T> {
  const settings = config(runtime);
  // The server does the start-up chores; a command only does its own work.
  const ctx = await openContext({ ...settings, now: runtime.now, housekeeping: false });
  try {
    return await work(ctx);
  } finally {
    await closeContext(ctx);
  }
}

export async function withActor<T>(
  runtime: Runtime,
  options: GlobalOptions,
  work: (ctx: ServiceContext, actor: Actor) => Promise<T>,
): Promise<T> {
  return withContext(runtime, async (ctx) => {
    const actor = await operatorActor(
      ctx,
      operatorPrincipal(),
      options.org ?? runtime.env.ATTEST_ORG,
    );
    return work(ctx, actor);
  });
}

/** Splits "a,b, c" into ["a", "b", "c"]. */
export function list(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
