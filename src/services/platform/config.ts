/** Settings come from the environment; parsed once, with errors that name the variable. */
import { readFileSync } from "node:fs";
import path from "node:path";
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

/**
 * The environment is read by hand rather than with zod: every command reads it first, and
 * zod's core alone cost a command some 9 ms to load and build. Each variable is taken once,
 * in the order below, and every refusal names the variable and the reason.
 */
class EnvReader {
  readonly errors: { field: string; message: string }[] = [];

  constructor(private readonly env: Record<string, string | undefined>) {}

  /** The variable's text (unset and empty are the same), or undefined when it is refused. */
  optional(name: string, ...checks: Check[]): string | undefined {
    const value = this.env[name];
    if (value === undefined || value === "") return undefined;
    for (const check of checks) {
      const problem = check(value);
      if (problem !== undefined) {
        this.errors.push({ field: name, message: problem });
        return undefined;
      }
    }
    return value;
  }

  /** As optional, with `fallback` when unset (or refused: the errors stop the start anyway). */
  text(name: string, fallback: string, ...checks: Check[]): string {
    return this.optional(name, ...checks) ?? fallback;
  }

  choice<const T extends readonly string[]>(name: string, values: T, fallback: T[number]) {
    const value = this.optional(name, oneOf(values));
    return values.find((candidate) => candidate === value) ?? fallback;
  }

  /** A whole number within bounds. */
  number(name: string, min: number, max: number, fallback: number): number {
    const value = this.optional(name, wholeNumberWithin(min, max));
    return value === undefined ? fallback : Number(value);
  }
}

/** A reason to refuse a value, or undefined to accept it. */
type Check = (value: string) => string | undefined;

const matches =
  (pattern: RegExp, message: string): Check =>
  (value) =>
    pattern.test(value) ? undefined : message;

const atLeast =
  (length: number): Check =>
  (value) =>
    value.length >= length ? undefined : `must be at least ${length} characters`;

const oneOf =
  (values: readonly string[]): Check =>
  (value) =>
    values.includes(value) ? undefined : `must be one of ${values.join(", ")}`;

const wholeNumberWithin =
  (min: number, max: number): Check =>
  (value) => {
    const number = Number(value.trim());
    return value.trim() !== "" && Number.isInteger(number) && number >= min && number <= max
      ? undefined
      : `must be a whole number from ${min} to ${max}`;
  };

const httpUrl: Check = (value) => {
  try {
    return /^https?:$/.test(new URL(value).protocol) ? undefined : "must be an http(s) URL";
  } catch {
    return "must be an http(s) URL";
  }
};

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** The environment's settings, as read before the cross-checks and conversions below. */
function readEnv(env: Record<string, string | undefined>) {
  const read = new EnvReader(env);
  const values = {
    ATTEST_DATA_DIR: read.text("ATTEST_DATA_DIR", "./.attest"),
    DATABASE_URL: read.optional(
      "DATABASE_URL",
      matches(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL"),
    ),
    ATTEST_BLOB_URL: read.optional(
      "ATTEST_BLOB_URL",
      matches(
        /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[^?#]*)?$/,
        "must be s3://bucket or s3://bucket/prefix (a bucket name is 3 to 63 lowercase letters, digits, dots and hyphens)",
      ),
    ),
    ATTEST_S3_ENDPOINT: read.optional("ATTEST_S3_ENDPOINT", httpUrl, (url) =>
      /^https?:\/\/[^/]*@/.test(url)
        ? "must not carry credentials; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
        : undefined,
    ),
    ATTEST_S3_REGION: read.optional(
      "ATTEST_S3_REGION",
      matches(/^[a-z0-9-]+$/, "must be a region name such as us-east-1"),
    ),
    AWS_REGION: read.optional("AWS_REGION"),
    HOST: read.text("HOST", "127.0.0.1"),
    PORT: read.number("PORT", 0, 65535, 3000),
    ATTEST_MAX_EVIDENCE_BYTES: read.number(
      "ATTEST_MAX_EVIDENCE_BYTES",
      1,
      Number.MAX_SAFE_INTEGER,
      100 * 1024 * 1024,
    ),
    ATTEST_PUBLIC_URL: read.optional("ATTEST_PUBLIC_URL", httpUrl),
    ATTEST_SMTP_URL: read.optional(
      "ATTEST_SMTP_URL",
      matches(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL"),
    ),
    ATTEST_MAIL_FROM: read.text("ATTEST_MAIL_FROM", "Attest <attest@localhost>", atLeast(3)),
    ATTEST_TRUST_PROXY: read
      .text("ATTEST_TRUST_PROXY", "false", (value) =>
        /^(true|false|[1-9]\d?)$/.test(value.trim()) ||
        value.trim().split(",").every(isProxyAddress)
          ? undefined
          : "must be false, true (one proxy), a number of proxies, or proxy addresses (CIDR allowed)",
      )
      .trim(),
    ATTEST_SESSION_IDLE_MINUTES: read.number("ATTEST_SESSION_IDLE_MINUTES", 5, 7 * 24 * 60, 8 * 60),
    ATTEST_SESSION_MAX_HOURS: read.number("ATTEST_SESSION_MAX_HOURS", 1, 90 * 24, 7 * 24),
    ATTEST_TEST_JOBS: read.choice("ATTEST_TEST_JOBS", ["0", "1"], "0"),
    ATTEST_WEBHOOK_ALLOW_PRIVATE: read.choice("ATTEST_WEBHOOK_ALLOW_PRIVATE", ["0", "1"], "0"),
    ATTEST_MONITOR_CA_FILE: read.optional("ATTEST_MONITOR_CA_FILE"),
    ATTEST_SECRET_KEY: read.optional("ATTEST_SECRET_KEY", (value) =>
      isSecretKey(value) ? undefined : SECRET_KEY_FORMAT,
    ),
    LOG_LEVEL: read.choice("LOG_LEVEL", LOG_LEVELS, "info"),
  };
  return { values, errors: read.errors };
}

type EnvValues = ReturnType<typeof readEnv>["values"];

function isSecretKey(text: string): boolean {
  try {
    SecretKey.fromBase64(text, "ATTEST_SECRET_KEY");
    return true;
  } catch {
    return false;
  }
}

/** An endpoint or region without a bucket would be silently ignored: say so instead. */
function s3WithoutBucket(env: EnvValues) {
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
function mailWithoutPublicUrl(env: EnvValues) {
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
  const { values, errors } = readEnv(env);
  const fieldErrors =
    errors.length > 0 ? errors : [...s3WithoutBucket(values), ...mailWithoutPublicUrl(values)];
  if (fieldErrors.length > 0) {
    const detail = fieldErrors.map((e) => `${e.field}: ${e.message}`).join("; ");
    throw new AppError("VALIDATION_FAILED", `invalid environment: ${detail}`, fieldErrors);
  }
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
