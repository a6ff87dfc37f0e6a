/** Opens and closes what every service call runs with (service-context.ts says what that is). */
import path from "node:path";
import type { BlobStore } from "../../db/blobs/blob-store.ts";
import { LazyBlobStore } from "../../db/blobs/lazy-store.ts";
import type { S3Target, S3StoreOptions } from "../../db/blobs/s3-store.ts";
import { openDatabase } from "../../db/connect.ts";
import type { Db, DatabaseTarget } from "../../db/connect.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { AppError } from "../../domain/errors.ts";
import { describeDatabase } from "./config.ts";
import type { Mailer } from "./mailer.ts";
import { DEFAULT_SESSION_POLICY } from "./service-context.ts";
import type { ServiceContext, SessionPolicy } from "./service-context.ts";
import type { SecretKey } from "./secret-box.ts";
import { openKeyring } from "./secret-keys.ts";
import { checkStoredSecrets } from "./secrets-at-rest.ts";

export const DEFAULT_MAX_EVIDENCE_BYTES = 100 * 1024 * 1024;
/** An upload cut short more than this long ago is certainly dead. */
const STALE_UPLOAD_MS = 60 * 60 * 1000;

export { DEFAULT_SESSION_POLICY };
/** Connecting ahead of openContext, while a command loads (cli/runtime.ts whileConnecting). */
export { discardWarmUp, warmUp as warmUpDatabase } from "../../db/connect.ts";
export type { ServiceContext, SessionPolicy };

export interface ContextOptions {
  database: DatabaseTarget;
  dataDir: string;
  /** Evidence files in S3 instead of the engine's own store (ATTEST_BLOB_URL). */
  blobStore?: S3Target | null;
  /** Fixed S3 keys, for tests; otherwise the AWS SDK's default credential chain. */
  s3?: S3StoreOptions;
  maxEvidenceBytes?: number;
  now?: () => Date;
  sessions?: SessionPolicy;
  mailer?: Mailer | null;
  publicUrl?: string | null;
  /** ATTEST_SECRET_KEY; unset, the key file in the data folder (made on first start). */
  secretKey?: SecretKey | null;
  /**
   * Start-up chores: sweep uploads cut short, key organizations from before keys, seal stored
   * secrets from before encryption, and check the evidence store answers. A server (and a
   * test) does them at start; a CLI command opts out, so a read-only command writes nothing
   * and starts faster. Keys are still made right after a migration, when organizations from
   * before could first appear.
   */
  housekeeping?: boolean;
  /** Slack and webhook URLs may reach private addresses (ATTEST_WEBHOOK_ALLOW_PRIVATE). */
  allowPrivateWebhooks?: boolean;
  /** Extra CAs for the availability monitor's probes (ATTEST_MONITOR_CA_FILE's text). */
  monitorCa?: string | null;
}

/**
 * S3 when configured, whatever the engine; otherwise the engine's own store. Made on first
 * use (LazyBlobStore): most commands read no file, and the AWS SDK is large.
 */
function chooseBlobStore(db: Db, options: ContextOptions): BlobStore {
  const { blobStore: s3, s3: s3Options, dataDir } = options;
  return new LazyBlobStore(async () => {
    if (s3 != null) {
      const { S3BlobStore } = await import("../../db/blobs/s3-store.ts");
      return new S3BlobStore(s3, s3Options);
    }
    if (db.engine === "postgres") {
      const { PostgresBlobStore } = await import("../../db/blobs/pg-store.ts");
      return new PostgresBlobStore(db.kysely);
    }
    const { FileBlobStore } = await import("../../db/blobs/file-store.ts");
    return new FileBlobStore(dataDir);
  });
}

/** An unreachable bucket or refused keys: say which store and why, not which database. */
async function unusableStore(options: ContextOptions, error: unknown): Promise<unknown> {
  if (options.blobStore == null || error instanceof AppError) return error;
  const { describeS3Target } = await import("../../db/blobs/s3-store.ts");
  const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new AppError(
    "INTERNAL",
    `cannot use the evidence store (${describeS3Target(options.blobStore)}): ${why}`,
  );
}

/** Opens the database, brings its schema up to date, and returns the context. */
export async function openContext(options: ContextOptions): Promise<ServiceContext> {
  if (options.mailer != null && options.publicUrl == null) {
    // Links in mail come from the public address only (see loadConfig): refuse before opening.
    throw new AppError(
      "VALIDATION_FAILED",
      "ATTEST_PUBLIC_URL is required with SMTP: links in mail use it, never the request's address",
      [{ field: "ATTEST_PUBLIC_URL", message: "required with ATTEST_SMTP_URL" }],
    );
  }
  // The key first (made on a fresh data folder): an unreadable key file stops the start here.
  const secrets = openKeyring({
    secretKey: options.secretKey,
    folder:
      options.database.engine === "sqlite" ? path.dirname(options.database.file) : options.dataDir,
  });
  const db = openDatabase(options.database);
  try {
    const migration = await migrateToLatest(db);
    const housekeeping = options.housekeeping ?? true;
    const blobs = chooseBlobStore(db, options);
    const now = options.now ?? (() => new Date());
    if (housekeeping) {
      try {
        await blobs.sweepTemporary(STALE_UPLOAD_MS, now());
      } catch (error) {
        blobs.close?.();
        throw await unusableStore(options, error);
      }
    }
    const ctx: ServiceContext = {
      db,
      blobs,
      maxEvidenceBytes: options.maxEvidenceBytes ?? DEFAULT_MAX_EVIDENCE_BYTES,
      now,
      sessions: options.sessions ?? DEFAULT_SESSION_POLICY,
      mailer: options.mailer ?? null,
      publicUrl: options.publicUrl ?? null,
      secrets,
      allowPrivateWebhooks: options.allowPrivateWebhooks ?? false,
      monitorCa: options.monitorCa ?? null,
    };
    // Every start checks that the stored secrets open with this key; the server seals those
    // from before encryption (or left by a rotation cut short) with it.
    await checkStoredSecrets(ctx, { reseal: housekeeping || migration.applied.length > 0 });
    if (housekeeping || migration.applied.length > 0) {
      // Loaded only here: a CLI command (no housekeeping) does not need the bundle's schemas.
      const { keyEveryOrganization } = await import("../reporting/signing-keys.ts");
      await keyEveryOrganization(ctx);
    }
    return ctx;
  } catch (error) {
    await db.close().catch(() => undefined);
    if (error instanceof AppError) throw error;
    // Unreachable server, unreadable file: say which database and why, without a stack.
    const why = error instanceof Error ? error.message : String(error);
    throw new AppError(
      "INTERNAL",
      `cannot use the database (${describeDatabase(options.database)}): ${why}`,
    );
  }
}

export async function closeContext(ctx: ServiceContext): Promise<void> {
  ctx.mailer?.close();
  ctx.blobs.close?.();
  await ctx.db.close();
}
