/**
 * Secrets handed to people (session ids, tokens, links) and the password hash. A secret is
 * 32 random bytes; only its SHA-256 is stored. Passwords use argon2id with the OWASP
 * minimum cost (19 MiB, two passes), which takes about 30 ms here.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { sha256Hex } from "../../domain/digest.ts";

const ARGON2ID = 2;
const PASSWORD_COST = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** "attest_st_…": the prefix says what a leaked string is, so scanners can spot it. */
export function newSecret(
  kind: "session" | "token" | "setup" | "invite" | "reset" | "share" | "download",
): string {
  const prefix = {
    session: "ses",
    token: "tok",
    setup: "set",
    invite: "inv",
    reset: "rst",
    share: "shr",
    download: "dld",
  }[kind];
  return `attest_${prefix}_${randomBytes(32).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return sha256Hex(secret);
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_COST);
}

// Checked when the email is unknown, so a wrong address costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  if (storedHash === null) {
    decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
    await verify(await decoyHash, password);
    return false;
  }
  return verify(storedHash, password);
}
