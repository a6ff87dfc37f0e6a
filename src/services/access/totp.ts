/**
 * Time-based one-time codes (RFC 6238: SHA-1, six digits, 30-second steps, what every
 * authenticator app speaks). A code is accepted one step early or late for clock drift,
 * and never twice: the step last used is stored with the user. The secret is stored sealed
 * with the operator's key (platform/secret-box.ts), opened here only to check a code.
 */
import { generateSecret, generateURI, verify } from "otplib";
import { z } from "zod";
import { secretContext } from "../platform/secret-box.ts";
import type { SecretKeyring } from "../platform/secret-keys.ts";

const codeInput = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "must be the 6-digit code from your authenticator app");

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: "Attest", label: account, secret });
}

/** The secret as stored for `userId`: sealed with the operator's current key. */
export function sealTotpSecret(secrets: SecretKeyring, userId: string, secret: string): string {
  return secrets.seal(secret, secretContext.totp(userId));
}

/** The time step the code belongs to, or null when it is wrong, malformed or reused. */
export async function verifyTotpCode(
  secrets: SecretKeyring,
  credentials: {
    user: { id: string };
    totpSecret: string | null;
    totpLastStep: number | null;
  },
  code: unknown,
  at: Date,
): Promise<number | null> {
  const parsed = codeInput.safeParse(code);
  if (!parsed.success || credentials.totpSecret === null) return null;
  const result = await verify({
    secret: secrets.open(credentials.totpSecret, secretContext.totp(credentials.user.id)),
    token: parsed.data,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: 30,
    ...(credentials.totpLastStep === null ? {} : { afterTimeStep: credentials.totpLastStep }),
  });
  // The functional API types HOTP and TOTP results together; a TOTP result carries its step.
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
