/** Runs the real `attest` binary as a separate process, as a user or a second instance would. */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import path from "node:path";

export const BIN = path.resolve(import.meta.dirname, "../../bin/attest.js");

export interface ProcessResult {
  code: number | null;
  out: string;
  err: string;
}

export function runAttest(env: Record<string, string>, args: string[]): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** The first-owner link the server printed, when no account existed yet. */
  setupUrl: string | null;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `attest serve` on a free port and waits until it prints where it listens. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "serve"], {
      env: { PATH: process.env.PATH ?? "", PORT: "0", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start: ${err}`));
    }, 20_000);
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
      const match = /running at (http:\/\/\S+) /.exec(err);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        const exited = new Promise<number | null>((done) => child.on("close", done));
        resolve({
          child,
          url: match[1],
          setupUrl: /first owner at (\S+)/.exec(err)?.[1] ?? null,
          stop: () => {
            child.kill("SIGTERM");
            return exited;
          },
        });
      }
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)}: ${err}`));
    });
  });
}
