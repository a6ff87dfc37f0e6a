/** What every service call runs with: the database, the evidence store and a clock. */
import { FileBlobStore } from "../db/blobs/file-store.ts";
import { PostgresBlobStore } from "../db/blobs/pg-store.ts";
import type { BlobStore } from "../db/blobs/blob-store.ts";
import { openDatabase } from "../db/connect.ts";
import type { Db, DatabaseTarget } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { AppError } from "../domain/errors.ts";
import { describeDatabase } from "./config.ts";
import type { Mailer } from "./mailer.ts";
import { keyEveryOrganization } from "./signing-keys.ts";

export const DEFAULT_MAX_EVIDENCE_BYTES = 100 * 1024 * 1024;
/** An upload cut short more than this long ago is certainly dead. */
const STALE_UPLOAD_MS = 60 * 60 * 1000;

/** How long a sign-in lasts: idle minutes since the last request, and hours in all. */
export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 8 * 60, maxHours: 7 * 24 };

export interface ServiceContext {
  db: Db;
  blobs: BlobStore;
  maxEvidenceBytes: number;
  now: () => Date;
  sessions: SessionPolicy;
  /** Sends invitations and reset links; without it the link is shown to whoever asked. */
  mailer: Mailer | null;
  /** Where people reach Attest, for links in mail ("https://attest.example.com"). */
  publicUrl: string | null;
}

export interface ContextOptions {
  database: DatabaseTarget;
  dataDir: string;
  maxEvidenceBytes?: number;
  now?: () => Date;
  sessions?: SessionPolicy;
  mailer?: Mailer | null;
  publicUrl?: string | null;
}

/** Opens the database, brings its schema up to date, and returns the context. */
export async function openContext(options: ContextOptions): Promise<ServiceContext> {
  const db = openDatabase(options.database);
  try {
    await migrateToLatest(db);
    const blobs =
      db.engine === "postgres"
        ? new PostgresBlobStore(db.kysely)
        : new FileBlobStore(options.dataDir);
    const now = options.now ?? (() => new Date());
    await blobs.sweepTemporary(STALE_UPLOAD_MS, now());
    const ctx: ServiceContext = {
      db,
      blobs,
      maxEvidenceBytes: options.maxEvidenceBytes ?? DEFAULT_MAX_EVIDENCE_BYTES,
      now,
      sessions: options.sessions ?? DEFAULT_SESSION_POLICY,
      mailer: options.mailer ?? null,
      publicUrl: options.publicUrl ?? null,
    };
    await keyEveryOrganization(ctx);
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
  await ctx.db.close();
}
