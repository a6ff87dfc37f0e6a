/** Settings come from the environment; parsed once, with errors that name the variable. */
import { readFileSync } from "node:fs";
import path from "node:path";
import * as z from "zod/mini";
import { AppError } from "../../domain/errors.ts";
import { SQLITE_FILE_NAME } from "../../db/connect.ts";
import type { DatabaseTarget } from "../../db/connect.ts";
import type { S3Target } from "../../db/blobs/s3-store.ts";
import { SECRET_KEY_FORMAT, SecretKey } from "./secret-box.ts";

export interface Config {
  dataDir: string;
  database: DatabaseTarget;
  /** Evidence files in an S3 bucket (ATTEST_BLOB_URL); null keeps the database's own store. */
  blobStore: S3Target | null;
  host: string;
  port: number;
  logLevel: string;
  maxEvidenceBytes: number;
  /**
   * Where people reach Attest. Every link in mail is built from it (never from a request's
   * Host), so it is required with SMTP; null leaves the links shown on screen to the address
   * the caller used.
   */
  publicUrl: string | null;
  smtp: { url: string; from: string } | null;
  /**
   * Which proxies may say who the client is: none, the nearest N hops, or these addresses.
   * Only entries they appended to X-Forwarded-For count, so a client cannot pick its own.
   */
  trustProxy: TrustProxy;
  sessions: { idleMinutes: number; maxHours: number };
  /** Test-only: registers the jobs the process tests drive, and polls for work often. */
  testJobs: boolean;
  /** ATTEST_SECRET_KEY, sealing stored secrets; null: the key file in the data folder. */
  secretKey: SecretKey | null;
  /**
   * ATTEST_WEBHOOK_ALLOW_PRIVATE=1: Slack and webhook URLs may reach loopback and private
   * addresses (a receiver inside the company's network). Off by default: such a URL, chosen
   * by a user and fetched by the server, would otherwise reach the server's own network.
   */
  allowPrivateWebhooks: boolean;
  /**
   * ATTEST_MONITOR_CA_FILE: a PEM file of certificate authorities the availability monitor
   * trusts besides the system's (an internal CA, or a test server's self-signed certificate).
   * The file's text; null when unset.
   */
  monitorCa: string | null;
}

/** A whole number from the environment's text, within bounds, or the default when unset. */
function wholeNumber(min: number, max: number, fallback: number) {
  return z._default(
    z.pipe(z.coerce.number(), z.int().check(z.minimum(min), z.maximum(max))),
    fallback,
  );
}

const httpUrl = () => z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

// zod/mini, not zod: every command reads the environment first, and the mini build loads only
// the checks used here (zod's full API costs a command some 10 ms to load and build).
const envSchema = z.object({
  ATTEST_DATA_DIR: z._default(z.string().check(z.minLength(1)), "./.attest"),
  DATABASE_URL: z.optional(
    z.string().check(z.regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")),
  ),
  ATTEST_BLOB_URL: z.optional(
    z
      .string()
      .check(
        z.regex(
          /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[^?#]*)?$/,
          "must be s3://bucket or s3://bucket/prefix (a bucket name is 3 to 63 lowercase letters, digits, dots and hyphens)",
        ),
      ),
  ),
  ATTEST_S3_ENDPOINT: z.optional(
    httpUrl().check(
      z.refine((url) => !/^https?:\/\/[^/]*@/.test(url), {
        error: "must not carry credentials; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
      }),
    ),
  ),
  ATTEST_S3_REGION: z.optional(
    z.string().check(z.regex(/^[a-z0-9-]+$/, "must be a region name such as us-east-1")),
  ),
  AWS_REGION: z.optional(z.string()),
  HOST: z._default(z.string().check(z.minLength(1)), "127.0.0.1"),
  PORT: wholeNumber(0, 65535, 3000),
  ATTEST_MAX_EVIDENCE_BYTES: wholeNumber(1, Number.MAX_SAFE_INTEGER, 100 * 1024 * 1024),
  ATTEST_PUBLIC_URL: z.optional(httpUrl()),
  ATTEST_SMTP_URL: z.optional(
    z.string().check(z.regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")),
  ),
  ATTEST_MAIL_FROM: z._default(z.string().check(z.minLength(3)), "Attest <attest@localhost>"),
  ATTEST_TRUST_PROXY: z._default(
    z.string().check(
      z.trim(),
      z.refine(
        (value) => /^(true|false|[1-9]\d?)$/.test(value) || value.split(",").every(isProxyAddress),
        "must be false, true (one proxy), a number of proxies, or proxy addresses (CIDR allowed)",
      ),
    ),
    "false",
  ),
  ATTEST_SESSION_IDLE_MINUTES: wholeNumber(5, 7 * 24 * 60, 8 * 60),
  ATTEST_SESSION_MAX_HOURS: wholeNumber(1, 90 * 24, 7 * 24),
  ATTEST_TEST_JOBS: z._default(z.enum(["0", "1"]), "0"),
  ATTEST_WEBHOOK_ALLOW_PRIVATE: z._default(z.enum(["0", "1"]), "0"),
  ATTEST_MONITOR_CA_FILE: z.optional(z.string().check(z.minLength(1))),
  ATTEST_SECRET_KEY: z.optional(z.string().check(z.refine(isSecretKey, SECRET_KEY_FORMAT))),
  LOG_LEVEL: z._default(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
    "info",
  ),
});

function isSecretKey(text: string): boolean {
  try {
    SecretKey.fromBase64(text, "ATTEST_SECRET_KEY");
    return true;
  } catch {
    return false;
  }
}

/** An endpoint or region without a bucket would be silently ignored: say so instead. */
function s3WithoutBucket(env: z.infer<typeof envSchema>) {
  if (env.ATTEST_BLOB_URL !== undefined) return [];
  return (["ATTEST_S3_ENDPOINT", "ATTEST_S3_REGION"] as const)
    .filter((name) => env[name] !== undefined)
    .map((name) => ({
      field: name,
      message: "is set but ATTEST_BLOB_URL is not; set ATTEST_BLOB_URL=s3://bucket/prefix",
    }));
}

/**
 * Mail without a public address would have to build its links from the request's Host (or,
 * behind a proxy, X-Forwarded-Host), which the caller chooses: a password reset link could be
 * sent pointing at an attacker's site, and the secret in it would land there when clicked.
 */
function mailWithoutPublicUrl(env: z.infer<typeof envSchema>) {
  if (env.ATTEST_SMTP_URL === undefined || env.ATTEST_PUBLIC_URL !== undefined) return [];
  return [
    {
      field: "ATTEST_PUBLIC_URL",
      message:
        "is required with ATTEST_SMTP_URL: links in mail use it, never the request's address; set it to where people reach Attest (https://attest.example.com)",
    },
  ];
}

/** s3://bucket/some/prefix/ → the bucket, and the prefix without its outer slashes. */
function s3Target(
  url: string | undefined,
  endpoint: string | undefined,
  region: string | undefined,
): S3Target | null {
  if (url === undefined) return null;
  const [bucket = "", ...rest] = url.slice("s3://".length).split("/");
  return {
    kind: "s3",
    bucket,
    prefix: rest.filter((part) => part !== "").join("/"),
    endpoint: endpoint ?? null,
    // S3-compatible servers mostly ignore the region, but the SDK needs one to sign.
    region: region ?? "us-east-1",
  };
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")),
  );
  const fieldErrors = parsed.success
    ? [...s3WithoutBucket(parsed.data), ...mailWithoutPublicUrl(parsed.data)]
    : parsed.error.issues.map((issue) => ({
        field: issue.path.join("."),
        message: issue.message,
      }));
  if (!parsed.success || fieldErrors.length > 0) {
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
    blobStore: s3Target(
      values.ATTEST_BLOB_URL,
      values.ATTEST_S3_ENDPOINT,
      values.ATTEST_S3_REGION ?? values.AWS_REGION,
    ),
    host: values.HOST,
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    maxEvidenceBytes: values.ATTEST_MAX_EVIDENCE_BYTES,
    publicUrl: values.ATTEST_PUBLIC_URL ?? null,
    smtp:
      values.ATTEST_SMTP_URL === undefined
        ? null
        : { url: values.ATTEST_SMTP_URL, from: values.ATTEST_MAIL_FROM },
    trustProxy: trustedProxies(values.ATTEST_TRUST_PROXY),
    sessions: {
      idleMinutes: values.ATTEST_SESSION_IDLE_MINUTES,
      maxHours: values.ATTEST_SESSION_MAX_HOURS,
    },
    testJobs: values.ATTEST_TEST_JOBS === "1",
    secretKey:
      values.ATTEST_SECRET_KEY === undefined
        ? null
        : SecretKey.fromBase64(values.ATTEST_SECRET_KEY, "ATTEST_SECRET_KEY"),
    allowPrivateWebhooks: values.ATTEST_WEBHOOK_ALLOW_PRIVATE === "1",
    monitorCa: readMonitorCa(values.ATTEST_MONITOR_CA_FILE),
  };
}

/** The CA file's PEM text; a missing file or one without a certificate is refused by name. */
function readMonitorCa(file: string | undefined): string | null {
  if (file === undefined) return null;
  const refuse = (message: string) =>
    new AppError("VALIDATION_FAILED", `invalid environment: ATTEST_MONITOR_CA_FILE: ${message}`, [
      { field: "ATTEST_MONITOR_CA_FILE", message },
    ]);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw refuse(`cannot read ${file}`);
  }
  if (!text.includes("-----BEGIN CERTIFICATE-----"))
    throw refuse(`${file} holds no PEM certificate`);
  return text;
}

export type TrustProxy = false | number | string[];

/** An IPv4 or IPv6 address, or such an address with a prefix length ("10.0.0.0/8"). */
function isProxyAddress(entry: string): boolean {
  const [address = "", bits, extra] = entry.trim().split("/");
  // Asked for here: loading node:net costs every command ~2 ms, and only this setting needs it.
  const family = process.getBuiltinModule("node:net").isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** "true" trusts the one proxy in front of Attest, never every hop a client claims. */
function trustedProxies(value: string): TrustProxy {
  if (value === "false") return false;
  if (value === "true") return 1;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(",").map((address) => address.trim());
}

/** Where the data lives, for people: never prints a password that a URL may carry. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.engine === "sqlite") return `SQLite ${target.file}`;
  const url = new URL(target.url);
  url.password = url.password === "" ? "" : "***";
  return `PostgreSQL ${url.toString()}`;
}
