/**
 * What every service call runs with: the database, the evidence store, a clock and the
 * settings. Its own module (context.ts opens one), so a service the opening calls can name the
 * type without importing the opener.
 */
import type { BlobStore } from "../../db/blobs/blob-store.ts";
import type { Db } from "../../db/connect.ts";
import type { Mailer } from "./mailer.ts";
import type { SecretKeyring } from "./secret-keys.ts";

/** Queues a one-off background job by name; the server's job runner is one. */
export interface JobQueue {
  enqueue(name: string, data?: Record<string, unknown>): Promise<string>;
}

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
  /** The operator's key(s) sealing the TOTP seeds and signing keys stored (secret-keys.ts). */
  secrets: SecretKeyring;
  /** Whether Slack and webhook URLs may reach loopback and private addresses. */
  allowPrivateWebhooks: boolean;
  /** Extra CAs (PEM) the availability monitor trusts (ATTEST_MONITOR_CA_FILE); null: none. */
  monitorCa: string | null;
  /**
   * Where a request hands work to the background jobs (a password reset's mail). The server
   * sets it once its job runner has started; the CLI runs no jobs and leaves it unset.
   */
  jobs?: JobQueue;
}
