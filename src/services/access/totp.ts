/**
 * Time-based one-time codes (RFC 6238: SHA-1, six digits, 30-second steps, what every
 * authenticator app speaks). A code is accepted one step early or late for clock drift,
 * and never twice: the step last used is stored with the user.
 */
import { generateSecret, generateURI, verify } from "otplib";
import { z } from "zod";

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

/** The time step the code belongs to, or null when it is wrong, malformed or reused. */
export async function verifyTotpCode(
  credentials: { totpSecret: string | null; totpLastStep: number | null },
  code: unknown,
  at: Date,
): Promise<number | null> {
  const parsed = codeInput.safeParse(code);
  if (!parsed.success || credentials.totpSecret === null) return null;
  const result = await verify({
    secret: credentials.totpSecret,
    token: parsed.data,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: 30,
    ...(credentials.totpLastStep === null ? {} : { afterTimeStep: credentials.totpLastStep }),
  });
  // The functional API types HOTP and TOTP results together; a TOTP result carries its step.
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
