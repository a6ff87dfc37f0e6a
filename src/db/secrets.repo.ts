/**
 * The secrets Attest stores for its own use, as stored (sealed, or in the clear from before
 * encryption): users' TOTP seeds and the organizations' signing keys. Read and rewritten here
 * only when they move to another key (services/platform/secrets-at-rest.ts).
 */
import { sql } from "kysely";
import { isPostgres } from "./transaction.ts";
import type { Tx } from "./transaction.ts";

export interface StoredSecret {
  kind: "totp" | "signing-key";
  /** The user's id (totp) or the organization's (signing-key). */
  ownerId: string;
  stored: string;
  /** The signing key's fingerprint (for its audit event); null for a TOTP seed. */
  fingerprint: string | null;
}

/**
 * Every stored secret, or with `notPrefixedBy` only those that do not start with it (the values
 * not sealed with one key: usually none, so the check at start costs two small scans).
 */
export async function listStoredSecrets(
  tx: Tx,
  options: { notPrefixedBy?: string } = {},
): Promise<StoredSecret[]> {
  const prefix = options.notPrefixedBy;
  const outside = (column: "totp_secret" | "private_key") =>
    prefix === undefined
      ? sql<boolean>`1 = 1`
      : sql<boolean>`substr(${sql.ref(column)}, 1, ${sql.lit(prefix.length)}) <> ${prefix}`;
  const users = await tx
    .selectFrom("users")
    .select(["id", "totp_secret"])
    .where("totp_secret", "is not", null)
    .where(outside("totp_secret"))
    .orderBy("id")
    .execute();
  const keys = await tx
    .selectFrom("organization_keys")
    .select(["organization_id", "private_key", "fingerprint"])
    .where(outside("private_key"))
    .orderBy("organization_id")
    .execute();
  return [
    ...users.map((row) => ({
      kind: "totp" as const,
      ownerId: row.id,
      stored: row.totp_secret ?? "",
      fingerprint: null,
    })),
    ...keys.map((row) => ({
      kind: "signing-key" as const,
      ownerId: row.organization_id,
      stored: row.private_key,
      fingerprint: row.fingerprint,
    })),
  ];
}

/**
 * Replaces a stored secret if it is still `secret.stored`: false when someone changed it in the
 * meantime (a new TOTP setup), which is then left as they wrote it.
 */
export async function replaceStoredSecret(
  tx: Tx,
  secret: StoredSecret,
  replacement: string,
): Promise<boolean> {
  const result =
    secret.kind === "totp"
      ? await tx
          .updateTable("users")
          .set({ totp_secret: replacement })
          .where("id", "=", secret.ownerId)
          .where("totp_secret", "=", secret.stored)
          .executeTakeFirst()
      : await tx
          .updateTable("organization_keys")
          .set({ private_key: replacement })
          .where("organization_id", "=", secret.ownerId)
          .where("private_key", "=", secret.stored)
          .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Holds off every other writer of stored secrets until the transaction ends, so none writes
 * a value under the key being retired. SQLite's BEGIN IMMEDIATE already does; on PostgreSQL
 * the organizations are locked first, in order, as their writers lock them (so no writer of
 * one organization waits on us while holding what we wait for), then the two tables.
 */
export async function lockStoredSecrets(tx: Tx): Promise<void> {
  if (!isPostgres(tx)) return;
  await sql`select id from organizations order by id for update`.execute(tx);
  await sql`lock table users, organization_keys in exclusive mode`.execute(tx);
}
