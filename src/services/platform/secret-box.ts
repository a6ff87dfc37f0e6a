/**
 * Secrets the server must read back (TOTP seeds, the organizations' signing keys) are sealed
 * with AES-256-GCM under the operator's key before they reach the database. Only this module
 * touches the key's bytes; everything else sees a `SecretKey` by its id.
 *
 * Stored form: `enc:v1:<key id>:<iv>:<tag>:<ciphertext>`, the last three base64url, the IV 12
 * random bytes per value. The key id (12 hex digits of a hash of the key) says which key wrote
 * a value, so a rotation tells old values from new and a wrong key is named, not guessed at.
 * The header and a context naming the row (`totp-secret:user:<id>`) are authenticated with the
 * value: a changed byte, or a value copied onto another row, fails to open instead of giving
 * other plaintext. Values written before encryption (no `enc:` prefix) are read as they are.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { AppError, invalidField } from "../../domain/errors.ts";
import { keyIdOf } from "./key-id.ts";

const PREFIX = "enc:v1:";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a key must look like, for the errors about ATTEST_SECRET_KEY and --new-key-env. */
export const SECRET_KEY_FORMAT =
  "must be the base64 of 32 random bytes (make one with: openssl rand -base64 32)";

/** An operator's key: 32 bytes for AES-256, known to the rest of Attest by its id only. */
export class SecretKey {
  readonly id: string;
  readonly #material: Buffer;

  private constructor(material: Buffer) {
    this.#material = material;
    this.id = keyIdOf(material);
  }

  static generate(): SecretKey {
    return new SecretKey(randomBytes(KEY_BYTES));
  }

  /** Base64 of 32 bytes (ATTEST_SECRET_KEY, the key file); the error names `source`, never the value. */
  static fromBase64(text: string, source: string): SecretKey {
    const trimmed = text.trim();
    const material = Buffer.from(trimmed, "base64");
    const canonical = /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || /^[A-Za-z0-9_-]+$/.test(trimmed);
    if (!canonical || material.length !== KEY_BYTES) {
      throw invalidField(source, SECRET_KEY_FORMAT);
    }
    return new SecretKey(material);
  }

  /** The key as written to a key file. Nothing else may print or store it. */
  exportBase64(): string {
    return this.#material.toString("base64");
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const header = `${PREFIX}${this.id}:`;
    const cipher = createCipheriv("aes-256-gcm", this.#material, iv);
    cipher.setAAD(additionalData(header, context));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${header}${b64(iv)}:${b64(tag)}:${b64(body)}`;
  }

  /** Opens a value sealed with this key; throws (never returns other text) when it was altered. */
  open(sealed: SealedValue, context: string): string {
    if (sealed.keyId !== this.id) throw wrongKey(sealed, context, [this.id]);
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.#material, sealed.iv);
      decipher.setAAD(additionalData(`${PREFIX}${sealed.keyId}:`, context));
      decipher.setAuthTag(sealed.tag);
      return Buffer.concat([decipher.update(sealed.body), decipher.final()]).toString("utf8");
    } catch {
      throw new AppError(
        "INTERNAL",
        `the stored ${context} does not decrypt with key ${this.id}: it was altered or damaged`,
      );
    }
  }

  /** Never the key itself, whoever logs or serializes it. */
  toJSON(): { keyId: string } {
    return { keyId: this.id };
  }

  toString(): string {
    return `SecretKey(${this.id})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

export interface SealedValue {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  body: Buffer;
}

function b64(bytes: Buffer): string {
  return bytes.toString("base64url");
}

function additionalData(header: string, context: string): Buffer {
  return Buffer.from(`${header}${context}`, "utf8");
}

/** Whether a stored value is sealed (otherwise it was written in the clear, before encryption). */
export function isSealed(stored: string): boolean {
  return stored.startsWith("enc:");
}

/** The key id a sealed value names, or null for a value in the clear. */
export function sealedKeyId(stored: string): string | null {
  return isSealed(stored) ? parseSealed(stored, "value").keyId : null;
}

/** The stored prefix of every value sealed with `keyId` (for finding the others in SQL). */
export function sealedPrefix(keyId: string): string {
  return `${PREFIX}${keyId}:`;
}

const PART = /^[A-Za-z0-9_-]*$/;

export function parseSealed(stored: string, context: string): SealedValue {
  const parts = stored.split(":");
  const [enc, version, keyId = "", iv = "", tag = "", body = ""] = parts;
  const malformed = (why: string) =>
    new AppError("INTERNAL", `the stored ${context} is not a readable encrypted value (${why})`);
  if (enc !== "enc" || version !== "v1") throw malformed("unknown format, expected enc:v1:…");
  if (parts.length !== 6 || !/^[0-9a-f]{12}$/.test(keyId)) throw malformed("damaged header");
  if (![iv, tag, body].every((part) => PART.test(part))) throw malformed("damaged encoding");
  const sealed = {
    keyId,
    iv: Buffer.from(iv, "base64url"),
    tag: Buffer.from(tag, "base64url"),
    body: Buffer.from(body, "base64url"),
  };
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) {
    throw malformed("damaged IV or tag");
  }
  return sealed;
}

function wrongKey(sealed: SealedValue, context: string, known: readonly string[]): AppError {
  return new AppError(
    "INTERNAL",
    `the stored ${context} was encrypted with key ${sealed.keyId}, which is not a key Attest ` +
      `was given (${known.join(", ")}); start Attest with the key it was written with`,
  );
}

/**
 * Reads a stored value: opened with the key it names among `keys`, or as it is when it was
 * written in the clear. `context` must be the one it was sealed with.
 */
export function openStored(
  keys: (keyId: string) => SecretKey | undefined,
  knownIds: () => readonly string[],
  stored: string,
  context: string,
): string {
  if (!isSealed(stored)) return stored;
  const sealed = parseSealed(stored, context);
  const key = keys(sealed.keyId);
  if (key === undefined) throw wrongKey(sealed, context, knownIds());
  return key.open(sealed, context);
}

/** What a sealed value is about, authenticated with it: a copy on another row does not open. */
export const secretContext = {
  totp: (userId: string) => `two-factor secret of user ${userId}`,
  signingKey: (organizationId: string) => `signing key of organization ${organizationId}`,
  channelUrl: (channelId: string) => `URL of notification channel ${channelId}`,
  channelSecret: (channelId: string) => `signing secret of notification channel ${channelId}`,
  connectorCredentials: (connectorId: string) => `credentials of connector ${connectorId}`,
};
