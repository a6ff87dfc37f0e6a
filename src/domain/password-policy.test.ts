import { describe, expect, it } from "vitest";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from "./password-policy.ts";

const olivia = { email: "olivia.martinez@acme.example", name: "Olivia Martinez" };

describe("the password policy", () => {
  it("accepts a long passphrase, with or without digits and symbols", () => {
    expect(passwordProblem("correct battery staple horse 42", olivia)).toBeNull();
    expect(passwordProblem("purple kettles dance at noon", olivia)).toBeNull();
    expect(passwordProblem("Tr0ub4dor&3-velvet", olivia)).toBeNull();
  });

  it("refuses anything shorter than the minimum, counting characters rather than bytes", () => {
    expect(passwordProblem("x7#kQ9!mZ2")).toMatch(/at least 12 characters/);
    expect(passwordProblem("a".repeat(MIN_PASSWORD_LENGTH - 1))).toMatch(/at least/);
    // Eleven emoji are 44 bytes but still eleven characters.
    expect(passwordProblem("🔒".repeat(MIN_PASSWORD_LENGTH - 1))).toMatch(/at least/);
    expect(passwordProblem("🔒🗝🔑🛡🔐🧱🪪🧰📎🖇📌🧷")).toBeNull();
  });

  it("refuses a password over the maximum length", () => {
    const long = "river stone ".repeat(30);
    expect([...long].length).toBeGreaterThan(MAX_PASSWORD_LENGTH);
    expect(passwordProblem(long)).toMatch(/at most 256 characters/);
  });

  it.each([
    "Password123!",
    "P@ssw0rd2024!",
    "passwordpassword",
    "PASSWORDPASSWORD",
    "Welcome12345",
    "!!Qwerty123456",
    "correcthorsebatterystaple",
  ])("refuses %s as one of the passwords attackers try first", (password) => {
    expect(passwordProblem(password)).toMatch(/attackers try first/);
  });

  it.each([
    "abcabcabcabc",
    "111111111111",
    "zzzzzzzzzzzzzzzz",
    "abababababab",
    "abc123abc123",
    "passw0rdpassw0rd",
  ])("refuses the repetitive %s", (password) => {
    expect(passwordProblem(password)).toMatch(/attackers try first/);
  });

  it.each(["bcdefghijklmn", "NMLKJIHGFEDCB", "3456789:;<=>?"])(
    "refuses the sequence %s",
    (password) => {
      expect(passwordProblem(password)).toMatch(/simple sequence/);
    },
  );

  it("refuses a short password built from the person's name or email address", () => {
    expect(passwordProblem("olivia.martinez1", olivia)).toMatch(/your name or email/);
    expect(passwordProblem("Martinez#2026!", olivia)).toMatch(/your name or email/);
    expect(passwordProblem("iloveOLIVIA99", olivia)).toMatch(/your name or email/);
    // Without knowing who sets it, the same password is fine.
    expect(passwordProblem("Martinez#2026!")).toBeNull();
  });

  it("allows a long phrase that happens to contain the name", () => {
    expect(passwordProblem("olivia likes quiet mountain lakes", olivia)).toBeNull();
  });

  it("ignores name parts too short to matter", () => {
    const al = { email: "al@x.example", name: "Al Bo" };
    expect(passwordProblem("al went to the market", al)).toBeNull();
    expect(passwordProblem("alboxfriday7", al)).toBeNull();
  });
});
