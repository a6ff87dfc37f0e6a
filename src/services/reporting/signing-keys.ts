/**
 * The organization's Ed25519 signing key: made on first need, inside the caller's
 * transaction, and recorded in the audit trail. The private key stays in this file: callers
 * get a `sign` function and the public half (base64 of the raw 32-byte key, and the
 * "SHA256:…" fingerprint; see bundle/manifest.ts for the formats).
 *
 * The private key is stored in the database as PKCS#8 DER in base64, sealed with the operator's
 * key (platform/secret-box.ts) like the other secrets the server must use itself (TOTP seeds):
 * the database alone does not give it away.
 */
import { createPrivateKey, generateKeyPairSync, sign } from "node:crypto";
import {
  findOrganizationKey,
  insertOrganizationKey,
  listOrganizationsWithoutKey,
} from "../../db/signing-keys.repo.ts";
import type { StoredOrganizationKey } from "../../db/signing-keys.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { actorIn, scopeOf, systemScope } from "../../domain/actor.ts";
import type { Actor, OrgScope } from "../../domain/actor.ts";
import { authorize } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import { secretContext } from "../platform/secret-box.ts";
import type { SecretKeyring } from "../platform/secret-keys.ts";
import { SIGNING_ALGORITHM, rawOfPublicKey, signingKeyInfo } from "./bundle/manifest.ts";
import type { SigningKeyInfo } from "./bundle/manifest.ts";
import type { ServiceContext } from "../platform/service-context.ts";

/** What anyone may see of the key, and what is shown in the app. */
export interface OrganizationSigningKey extends SigningKeyInfo {
  createdAt: string;
}

export interface OrganizationSigner {
  key: OrganizationSigningKey;
  /** An Ed25519 signature (64 bytes) over `data`. */
  sign(data: Uint8Array): Buffer;
  /** Whether this call made the key (its audit event is already recorded). */
  created: boolean;
}

/** Who made a key when no person asked for it directly (e.g. a report being finalized). */
const SYSTEM = { kind: "system", id: "system:signing-key", name: "Attest" } as const;

function publicPart(stored: StoredOrganizationKey): OrganizationSigningKey {
  return {
    algorithm: SIGNING_ALGORITHM,
    publicKey: stored.publicKey,
    fingerprint: stored.fingerprint,
    createdAt: stored.createdAt,
  };
}

function signerOf(
  secrets: SecretKeyring,
  organizationId: string,
  stored: StoredOrganizationKey,
  created: boolean,
): OrganizationSigner {
  const pkcs8 = secrets.open(stored.privateKey, secretContext.signingKey(organizationId));
  const privateKey = createPrivateKey({
    key: Buffer.from(pkcs8, "base64"),
    format: "der",
    type: "pkcs8",
  });
  // The key object lives only in this closure: it is never returned, logged or serialized.
  return {
    key: publicPart(stored),
    sign: (data) => sign(null, data, privateKey),
    created,
  };
}

/**
 * The organization's key, made now if it has none. Must run inside inOrgTransaction: the
 * organization lock makes two first uses take turns, so only one key is ever made. `by` is
 * named in the audit event; without it the event is the system's.
 */
export async function ensureOrganizationKey(
  secrets: SecretKeyring,
  tx: Tx,
  scope: OrgScope,
  at: Date,
  by?: Actor,
): Promise<OrganizationSigner> {
  const organizationId = scope.organizationId;
  const existing = await findOrganizationKey(tx, scope);
  if (existing !== undefined) return signerOf(secrets, organizationId, existing, false);
  const pair = generateKeyPairSync("ed25519");
  const info = signingKeyInfo(rawOfPublicKey(pair.publicKey));
  const pkcs8 = pair.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
  const stored: StoredOrganizationKey = {
    algorithm: info.algorithm,
    publicKey: info.publicKey,
    privateKey: secrets.seal(pkcs8, secretContext.signingKey(organizationId)),
    fingerprint: info.fingerprint,
    createdAt: at.toISOString(),
  };
  await insertOrganizationKey(tx, scope, stored);
  await recordEvent(
    tx,
    by ?? actorIn(SYSTEM, scope.organizationId, "owner"),
    "signing-key.created",
    scope.organizationId,
    { algorithm: info.algorithm, publicKey: info.publicKey, fingerprint: info.fingerprint },
    at,
  );
  return signerOf(secrets, organizationId, stored, true);
}

/**
 * The organization's signer for a service that has already authorized its caller: a plain read
 * when the key exists (no write lock), otherwise made in its own transaction, audited as `by`.
 */
export async function loadOrganizationSigner(
  ctx: ServiceContext,
  by: Actor,
): Promise<OrganizationSigner> {
  const scope = scopeOf(by);
  const existing = await read(ctx.db, (tx) => findOrganizationKey(tx, scope));
  if (existing !== undefined) return signerOf(ctx.secrets, scope.organizationId, existing, false);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scope, (tx) =>
    ensureOrganizationKey(ctx.secrets, tx, scope, at, by),
  );
}

/** The public half of the organization's key, made on first need. */
export async function organizationSigningKey(
  ctx: ServiceContext,
  actor: Actor,
): Promise<OrganizationSigningKey> {
  authorize(actor, "organization:read");
  return (await loadOrganizationSigner(ctx, actor)).key;
}

/**
 * Gives every organization made before keys came with it a key, at start, as the system: so
 * no later read (an auditor's download, say) ever has to write one.
 */
export async function keyEveryOrganization(ctx: ServiceContext): Promise<number> {
  const missing = await read(ctx.db, (tx) => listOrganizationsWithoutKey(tx));
  for (const organizationId of missing) {
    const scope = systemScope(organizationId);
    await inOrgTransaction(ctx.db, scope, (tx) =>
      ensureOrganizationKey(ctx.secrets, tx, scope, ctx.now()),
    );
  }
  return missing.length;
}
