/** Settings come from the environment; parsed once, with errors that name the variable. */
import path from "node:path";
import { z } from "zod";
import { AppError } from "../domain/errors.ts";
import { SQLITE_FILE_NAME } from "../db/connect.ts";
import type { DatabaseTarget } from "../db/connect.ts";

export interface Config {
  dataDir: string;
  database: DatabaseTarget;
  host: string;
  port: number;
  logLevel: string;
  maxEvidenceBytes: number;
  /** Where people reach Attest, for links in mail; null uses the address they called. */
  publicUrl: string | null;
  smtp: { url: string; from: string } | null;
  trustProxy: boolean;
  sessions: { idleMinutes: number; maxHours: number };
}

const envSchema = z.object({
  ATTEST_DATA_DIR: z.string().min(1).default("./.attest"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ATTEST_MAX_EVIDENCE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024 * 1024),
  ATTEST_PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  ATTEST_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  ATTEST_MAIL_FROM: z.string().min(3).default("Attest <attest@localhost>"),
  ATTEST_TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  ATTEST_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(8 * 60),
  ATTEST_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(90 * 24)
    .default(7 * 24),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    const fieldErrors = parsed.error.issues.map((issue) => ({
      field: issue.path.join("."),
      message: issue.message,
    }));
    const detail = fieldErrors.map((e) => `${e.field}: ${e.message}`).join("; ");
    throw new AppError("VALIDATION_FAILED", `invalid environment: ${detail}`, fieldErrors);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.ATTEST_DATA_DIR);
  return {
    dataDir,
    database:
      values.DATABASE_URL === undefined
        ? { engine: "sqlite", file: path.join(dataDir, SQLITE_FILE_NAME) }
        : { engine: "postgres", url: values.DATABASE_URL },
    host: values.HOST,
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    maxEvidenceBytes: values.ATTEST_MAX_EVIDENCE_BYTES,
    publicUrl: values.ATTEST_PUBLIC_URL ?? null,
    smtp:
      values.ATTEST_SMTP_URL === undefined
        ? null
        : { url: values.ATTEST_SMTP_URL, from: values.ATTEST_MAIL_FROM },
    trustProxy: values.ATTEST_TRUST_PROXY === "true",
    sessions: {
      idleMinutes: values.ATTEST_SESSION_IDLE_MINUTES,
      maxHours: values.ATTEST_SESSION_MAX_HOURS,
    },
  };
}

/** Where the data lives, for people: never prints a password that a URL may carry. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.engine === "sqlite") return `SQLite ${target.file}`;
  const url = new URL(target.url);
  url.password = url.password === "" ? "" : "***";
  return `PostgreSQL ${url.toString()}`;
}
