/**
 * The secrets Attest stores for its own use, as stored (sealed, or in the clear from before
 * encryption): users' TOTP seeds, the organizations' signing keys, and the URLs and signing
 * secrets of their notification channels, and the credentials of their connectors (issue 17).
 * Read and rewritten here
 * only when they move to another key (services/platform/secrets-at-rest.ts).
 */
import { sql } from "kysely";
import type { NotNull } from "kysely";
import { isPostgres } from "./transaction.ts";
import type { Tx } from "./transaction.ts";

export interface StoredSecret {
  kind: "totp" | "signing-key" | "channel-url" | "channel-secret" | "connector-credentials";
  /**
   * The user's id (totp), the organization's (signing-key), the channel's (channel-…) or the
   * connector's (connector-credentials).
   */
  ownerId: string;
  stored: string;
  /** The signing key's fingerprint (for its audit event); null for a TOTP seed. */
  fingerprint: string | null;
}

/** The order values are listed (and so re-sealed) in, kind by kind. */
const KIND_ORDER: readonly StoredSecret["kind"][] = [
  "connector-credentials",
  "channel-url",
  "channel-secret",
  "totp",
  "signing-key",
];

/**
 * Every stored secret, or with `notPrefixedBy` only those that do not start with it (the values
 * not sealed with one key: usually none). One statement, so the check at every start is one
 * round trip and needs no transaction around it.
 */
export async function listStoredSecrets(
  tx: Tx,
  options: { notPrefixedBy?: string } = {},
): Promise<StoredSecret[]> {
  const prefix = options.notPrefixedBy;
  const outside = (column: "totp_secret" | "private_key" | "url" | "secret" | "credentials") =>
    prefix === undefined
      ? sql<boolean>`1 = 1`
      : sql<boolean>`substr(${sql.ref(column)}, 1, ${sql.lit(prefix.length)}) <> ${prefix}`;
  const kind = (name: StoredSecret["kind"]) => sql.lit(name).as("kind");
  const noFingerprint = sql<string | null>`null`.as("fingerprint");
  const rows = await tx
    .selectFrom("connectors")
    .select([
      kind("connector-credentials"),
      "id as owner_id",
      "credentials as stored",
      noFingerprint,
    ])
    .where(outside("credentials"))
    .unionAll(
      tx
        .selectFrom("notification_channels")
        .select([kind("channel-url"), "id as owner_id", "url as stored", noFingerprint])
        .where(outside("url")),
    )
    .unionAll(
      tx
        .selectFrom("notification_channels")
        .select([kind("channel-secret"), "id as owner_id", "secret as stored", noFingerprint])
        .where("secret", "is not", null)
        .where(outside("secret"))
        .$narrowType<{ stored: NotNull }>(),
    )
    .unionAll(
      tx
        .selectFrom("users")
        .select([kind("totp"), "id as owner_id", "totp_secret as stored", noFingerprint])
        .where("totp_secret", "is not", null)
        .where(outside("totp_secret"))
        .$narrowType<{ stored: NotNull }>(),
    )
    .unionAll(
      tx
        .selectFrom("organization_keys")
        .select([
          kind("signing-key"),
          "organization_id as owner_id",
          "private_key as stored",
          "fingerprint",
        ])
        .where(outside("private_key")),
    )
    .execute();
  return rows
    .map((row) => ({
      kind: row.kind as StoredSecret["kind"],
      ownerId: row.owner_id,
      stored: row.stored,
      fingerprint: row.fingerprint,
    }))
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0),
    );
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
  if (secret.kind === "connector-credentials") {
    const moved = await tx
      .updateTable("connectors")
      .set({ credentials: replacement })
      .where("id", "=", secret.ownerId)
      .where("credentials", "=", secret.stored)
      .executeTakeFirst();
    return Number(moved.numUpdatedRows) === 1;
  }
  if (secret.kind === "channel-url" || secret.kind === "channel-secret") {
    const column = secret.kind === "channel-url" ? "url" : "secret";
    const moved = await tx
      .updateTable("notification_channels")
      .set({ [column]: replacement })
      .where("id", "=", secret.ownerId)
      .where(column, "=", secret.stored)
      .executeTakeFirst();
    return Number(moved.numUpdatedRows) === 1;
  }
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
 * one organization waits on us while holding what we wait for), then the tables.
 */
export async function lockStoredSecrets(tx: Tx): Promise<void> {
  if (!isPostgres(tx)) return;
  await sql`select id from organizations order by id for update`.execute(tx);
  await sql`lock table users, organization_keys, notification_channels, connectors in exclusive mode`.execute(
    tx,
  );
}
