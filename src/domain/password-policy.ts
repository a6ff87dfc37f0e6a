/**
 * What makes a password acceptable: long enough, not one attackers try first, and not made
 * of the user's own name or address. Length beats composition rules (NIST SP 800-63B), so
 * there is no "one digit, one symbol" rule.
 */
import { COMMON_BASE_WORDS, COMMON_PASSWORDS } from "../catalog/common-passwords.ts";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const common = new Set(COMMON_PASSWORDS);
const baseWords = new Set(COMMON_BASE_WORDS);

/** "P@ssword2024!" → "p@ssword": the word once digits and symbols around it are gone. */
function baseWord(password: string): string {
  return password
    .toLowerCase()
    .replace(/^[^a-z@]+/, "")
    .replace(/[^a-z@]+$/, "");
}

function isRepetitive(password: string): boolean {
  // One short pattern repeated ("111111111111", "abc123abc123", "passw0rdpassw0rd"): the
  // length is there, the guessing work is only the pattern's.
  return /^(.{1,8})\1+$/.test(password);
}

function isSequence(password: string): boolean {
  const codes = [...password.toLowerCase()].map((c) => c.charCodeAt(0));
  const steps = codes.slice(1).map((code, i) => code - (codes[i] ?? 0));
  return steps.every((step) => step === 1) || steps.every((step) => step === -1);
}

export interface PasswordContext {
  email?: string;
  name?: string;
}

/** Why the password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `must be at least ${MIN_PASSWORD_LENGTH} characters (a phrase of several words is easiest)`;
  }
  if (length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (common.has(lower) || baseWords.has(baseWord(password)) || isRepetitive(lower)) {
    return "is one of the passwords attackers try first; choose something less common";
  }
  if (isSequence(password)) return "is a simple sequence; choose something less predictable";
  const personal = [context.email?.split("@")[0], ...(context.name?.split(/\s+/) ?? [])]
    .map((part) => part?.toLowerCase() ?? "")
    .filter((part) => part.length >= 4);
  if (personal.some((part) => lower.includes(part)) && length < 20) {
    return "must not be built from your name or email address";
  }
  return null;
}
