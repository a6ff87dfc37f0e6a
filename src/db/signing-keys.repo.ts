/**
 * Each organization's Ed25519 key for signing evidence bundles: one row per organization,
 * written once, the key pair never changed (a bundle signed with a key stays verifiable with
 * it); only the sealing of its private half moves to a new operator key (secrets.repo.ts).
 */
import type { OrgScope } from "../domain/actor.ts";
import type { Tx } from "./transaction.ts";

export interface StoredOrganizationKey {
  algorithm: string;
  /** Base64 of the raw 32-byte Ed25519 public key. */
  publicKey: string;
  /**
   * Base64 of the PKCS#8 DER private key, sealed with the operator's key (`enc:v1:…`; in the
   * clear from before encryption). Read only by services/signing-keys.ts.
   */
  privateKey: string;
  fingerprint: string;
  createdAt: string;
}

export async function findOrganizationKey(
  tx: Tx,
  scope: OrgScope,
): Promise<StoredOrganizationKey | undefined> {
  const row = await tx
    .selectFrom("organization_keys")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    algorithm: row.algorithm,
    publicKey: row.public_key,
    privateKey: row.private_key,
    fingerprint: row.fingerprint,
    createdAt: row.created_at,
  };
}

/** Fails with CONFLICT (primary key) if the organization already has a key. */
export async function insertOrganizationKey(
  tx: Tx,
  scope: OrgScope,
  key: StoredOrganizationKey,
): Promise<void> {
  await tx
    .insertInto("organization_keys")
    .values({
      organization_id: scope.organizationId,
      algorithm: key.algorithm,
      public_key: key.publicKey,
      private_key: key.privateKey,
      fingerprint: key.fingerprint,
      created_at: key.createdAt,
    })
    .execute();
}

/** Organizations made before keys were made with them. */
export async function listOrganizationsWithoutKey(tx: Tx): Promise<string[]> {
  const rows = await tx
    .selectFrom("organizations")
    .leftJoin("organization_keys", "organization_keys.organization_id", "organizations.id")
    .select("organizations.id as id")
    .where("organization_keys.organization_id", "is", null)
    .execute();
  return rows.map((r) => r.id);
}
