/**
 * Keeping the stored secrets (TOTP seeds, signing keys, channel URLs, connector credentials) sealed with the operator's current key:
 * the check every start makes, sealing values from before encryption or from a retired key,
 * and `attest keys rotate`.
 */
import {
  listStoredSecrets,
  lockStoredSecrets,
  replaceStoredSecret,
} from "../../db/secrets.repo.ts";
import type { StoredSecret } from "../../db/secrets.repo.ts";
import { inTransaction, readOnce } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { actorIn } from "../../domain/actor.ts";
import type { Principal } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import { recordEvent } from "./audit.ts";
import {
  SecretKey,
  isSealed,
  parseSealed,
  sealedKeyId,
  sealedPrefix,
  secretContext,
} from "./secret-box.ts";
import { describeKeySource, rotationFiles } from "./secret-keys.ts";
import type { SecretKeyring } from "./secret-keys.ts";
import type { ServiceContext } from "./service-context.ts";

/** Who seals values again at start (from before encryption, or left by a rotation cut short). */
const SYSTEM: Principal = { kind: "system", id: "system:secret-key", name: "Attest" };

function contextOf(secret: StoredSecret): string {
  switch (secret.kind) {
    case "totp":
      return secretContext.totp(secret.ownerId);
    case "signing-key":
      return secretContext.signingKey(secret.ownerId);
    case "channel-url":
      return secretContext.channelUrl(secret.ownerId);
    case "channel-secret":
      return secretContext.channelSecret(secret.ownerId);
    case "connector-credentials":
      return secretContext.connectorCredentials(secret.ownerId);
  }
}

/**
 * The database's secrets sealed with a key this process does not have: a wrong
 * ATTEST_SECRET_KEY, or a key file replaced or lost. Refused at start, before any of them is
 * needed, rather than failing sign-ins one by one.
 */
function unknownKeys(ring: SecretKeyring, secrets: readonly StoredSecret[]): AppError | null {
  const unknown = new Map<string, number>();
  for (const secret of secrets) {
    const keyId = isSealed(secret.stored)
      ? parseSealed(secret.stored, contextOf(secret)).keyId
      : null;
    if (keyId !== null && !ring.has(keyId)) unknown.set(keyId, (unknown.get(keyId) ?? 0) + 1);
  }
  if (unknown.size === 0) return null;
  const written = [...unknown].map(([id, n]) => `${id} (${n} value${n === 1 ? "" : "s"})`);
  const source = ring.madeKeyFile
    ? `there was no key file (${describeKeySource(ring.source).replace(/^the key file /, "")})`
    : `${describeKeySource(ring.source)} is key ${ring.current.id}`;
  const detail =
    `the database's stored secrets were encrypted with key ${written.join(", ")}, but ` +
    `${source}: start Attest with the key they were written with`;
  return ring.source.kind === "environment"
    ? new AppError("VALIDATION_FAILED", detail, [
        {
          field: "ATTEST_SECRET_KEY",
          message: `is key ${ring.current.id}, not ${[...unknown.keys()].join(", ")}`,
        },
      ])
    : new AppError("INTERNAL", detail);
}

export interface ResealCount {
  totpSecrets: number;
  signingKeys: number;
  /** Notification channels' URLs and signing secrets. */
  channelSecrets: number;
  /** Connectors' credentials (issue 17). */
  connectorCredentials: number;
}

/**
 * Seals each of `secrets` (as listed in this transaction) with `key`, recording one event per
 * organization whose signing key moved. A value changed since it was listed is left alone.
 */
async function resealAll(
  tx: Tx,
  ring: SecretKeyring,
  key: SecretKey,
  secrets: readonly StoredSecret[],
  by: Principal,
  at: Date,
): Promise<ResealCount> {
  const count: ResealCount = {
    totpSecrets: 0,
    signingKeys: 0,
    channelSecrets: 0,
    connectorCredentials: 0,
  };
  for (const secret of secrets) {
    const context = contextOf(secret);
    const from = sealedKeyId(secret.stored);
    if (from === key.id) continue;
    const plaintext = ring.open(secret.stored, context);
    if (!(await replaceStoredSecret(tx, secret, key.seal(plaintext, context)))) continue;
    if (secret.kind === "totp") {
      count.totpSecrets += 1;
      continue;
    }
    if (secret.kind === "connector-credentials") {
      count.connectorCredentials += 1;
      continue;
    }
    if (secret.kind !== "signing-key") {
      count.channelSecrets += 1;
      continue;
    }
    count.signingKeys += 1;
    await recordEvent(
      tx,
      actorIn(by, secret.ownerId, "owner"),
      "signing-key.re-encrypted",
      secret.ownerId,
      { fingerprint: secret.fingerprint ?? "", from, to: key.id },
      at,
    );
  }
  return count;
}

/** Seals every value not under the current key with it, in one transaction. */
async function resealStale(ctx: ServiceContext, by: Principal): Promise<ResealCount> {
  const ring = ctx.secrets;
  return inTransaction(ctx.db, async (tx) => {
    await lockStoredSecrets(tx);
    const key = ring.current;
    const stale = await listStoredSecrets(tx, { notPrefixedBy: sealedPrefix(key.id) });
    const refused = unknownKeys(ring, stale);
    if (refused !== null) throw refused;
    return resealAll(tx, ring, key, stale, by, ctx.now());
  });
}

/**
 * The check every start makes: no stored secret may be sealed with a key this process lacks
 * (that fails here, clearly). With `reseal`, values in the clear (from before encryption) or
 * under a retired key (a rotation cut short) are sealed with the current key, and a retired
 * key file that nothing needs any more is removed. Costs one query when all is well.
 */
export async function checkStoredSecrets(
  ctx: ServiceContext,
  options: { reseal: boolean },
): Promise<ResealCount> {
  const ring = ctx.secrets;
  const prefix = sealedPrefix(ring.current.id);
  const stale = await readOnce(ctx.db, (tx) => listStoredSecrets(tx, { notPrefixedBy: prefix }));
  const refused = unknownKeys(ring, stale);
  if (refused !== null) {
    // A key file this start made, for a database sealed with another key, is not kept.
    ring.discardMadeKey();
    throw refused;
  }
  const none = { totpSecrets: 0, signingKeys: 0, channelSecrets: 0, connectorCredentials: 0 };
  if (!options.reseal) return none;
  const count = stale.length === 0 ? none : await resealStale(ctx, SYSTEM);
  if (ring.previousOnDisk() !== undefined) ring.forgetPrevious();
  return count;
}

export interface KeyRotation extends ResealCount {
  /** The id of the key now in use (never the key itself). */
  keyId: string;
  previousKeyId: string;
  /** "file": the new key is in `keyFile`; "environment": start Attest with it as ATTEST_SECRET_KEY. */
  source: "file" | "environment";
  keyFile: string | null;
}

/**
 * `attest keys rotate`: seals every TOTP seed and signing key with a new key in one transaction.
 * With a key file, a new key is made and written beside it, the old one kept as
 * `<file>.previous`; the new file is renamed into place (so servers beside us seal with it
 * from then on), the transaction re-seals everything, and only once it has committed is
 * `.previous` removed. Should the transaction fail, both files stay and every value remains
 * readable; the next start or rotation finishes the work. With ATTEST_SECRET_KEY, the key is the
 * operator's: `newKey` (from --new-key-env) is required, and Attest must be restarted with it.
 */
export async function rotateSecretKey(
  ctx: ServiceContext,
  by: Principal,
  newKey: SecretKey | null,
): Promise<KeyRotation> {
  if (by.kind !== "operator") {
    throw new AppError("FORBIDDEN", "only the operator (attest keys rotate) rotates the key");
  }
  const ring = ctx.secrets;
  const source = ring.source;
  if (source.kind === "environment" && newKey === null) {
    throw new AppError(
      "INVALID_STATE",
      "ATTEST_SECRET_KEY is set, so the key is yours to make: put a new one in another " +
        "variable (openssl rand -base64 32) and pass its name with --new-key-env, then " +
        "start Attest with it as ATTEST_SECRET_KEY",
    );
  }
  if (source.kind === "file" && newKey !== null) {
    throw new AppError(
      "INVALID_STATE",
      `--new-key-env is for keys given in ATTEST_SECRET_KEY; this installation keeps its key ` +
        `in ${source.file} and makes the new one itself`,
    );
  }
  const previousKeyId = ring.current.id;
  if (newKey !== null && newKey.id === previousKeyId) {
    throw new AppError("INVALID_STATE", `the new key is the current one (${previousKeyId})`);
  }
  // A rotation cut short left a retired key file: seal its values first, so the slot is free.
  await checkStoredSecrets(ctx, { reseal: true });

  let key: SecretKey;
  if (source.kind === "file") {
    ring.installKey(SecretKey.generate());
    key = ring.current;
  } else {
    key = newKey ?? ring.current;
  }
  let count: ResealCount;
  try {
    count = await inTransaction(ctx.db, async (tx) => {
      await lockStoredSecrets(tx);
      const all = await listStoredSecrets(tx);
      const refused = unknownKeys(ring, all);
      if (refused !== null) throw refused;
      return resealAll(tx, ring, key, all, by, ctx.now());
    });
  } catch (error) {
    if (source.kind !== "file") throw error;
    const known = error instanceof AppError;
    throw new AppError(
      known ? error.code : "INTERNAL",
      `${error instanceof Error ? error.message : String(error)} (the new key ${key.id} is in ` +
        `${source.file} and the previous one in ${rotationFiles(source.file).previous}; every ` +
        "value stays readable: run attest keys rotate again)",
      known ? error.fieldErrors : [],
    );
  }
  if (source.kind === "file") {
    // A writer that sealed with the old key just before the new file appeared: seal it too.
    const late = await resealStale(ctx, by);
    count = {
      totpSecrets: count.totpSecrets + late.totpSecrets,
      signingKeys: count.signingKeys + late.signingKeys,
      channelSecrets: count.channelSecrets + late.channelSecrets,
      connectorCredentials: count.connectorCredentials + late.connectorCredentials,
    };
    ring.forgetPrevious();
  }
  return {
    keyId: key.id,
    previousKeyId,
    source: source.kind,
    keyFile: source.kind === "file" ? source.file : null,
    ...count,
  };
}

/** Which key is in use and where it comes from (`attest keys`). */
export function secretKeyStatus(ctx: ServiceContext): {
  keyId: string;
  source: "file" | "environment";
  keyFile: string | null;
} {
  const source = ctx.secrets.source;
  return {
    keyId: ctx.secrets.current.id,
    source: source.kind,
    keyFile: source.kind === "file" ? source.file : null,
  };
}
