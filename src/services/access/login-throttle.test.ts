import { generate } from "otplib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { expectAppError } from "../../../test/support/fixtures.ts";
import { beginTotpSetup, confirmTotpSetup } from "./account.service.ts";
import {
  authenticateSession,
  completeSetup,
  completeTotpLogin,
  issueSetupToken,
  login,
} from "./auth.service.ts";
import type { ClientInfo } from "./auth.service.ts";
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT } from "./login-throttle.ts";

const EMAIL = "olivia@acme.example";
const PASSWORD = "correct battery staple horse 42";
const MINUTE = 60_000;
const office: ClientInfo = { address: "203.0.113.5", userAgent: null };
const home: ClientInfo = { address: "198.51.100.7", userAgent: null };

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
  const token = await issueSetupToken(t.ctx);
  await completeSetup(
    t.ctx,
    { token: token ?? "", email: EMAIL, name: "Olivia Owner", password: PASSWORD },
    office,
  );
});
afterEach(async () => {
  await t.close();
});

async function fail(times: number, from = office, email = EMAIL): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    await expectAppError(
      () => login(t.ctx, { email, password: "not the password at all" }, from),
      "UNAUTHENTICATED",
    );
  }
}

const succeed = (from = office) => login(t.ctx, { email: EMAIL, password: PASSWORD }, from);

describe("sign-in throttling per account", () => {
  it("locks the account after five failures, even for the right password from elsewhere", async () => {
    expect(ACCOUNT_FAILURE_LIMIT).toBe(5);
    await fail(5);
    const locked = await expectAppError(() => succeed(home), "RATE_LIMITED");
    expect(locked.message).toBe("too many failed sign-ins; try again after 09:15 UTC");
    expect(locked.status).toBe(429);
  });

  it("checks the password at most five times when twenty wrong guesses arrive at once", async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        login(t.ctx, { email: EMAIL, password: "not the password at all" }, office),
      ),
    );
    const codes = outcomes.map((o) =>
      o.status === "rejected" ? (o.reason as { code?: string }).code : "signed-in",
    );
    // A wrong password is only learned by checking it; a refusal comes before any check.
    expect(codes.filter((code) => code === "UNAUTHENTICATED").length).toBeLessThanOrEqual(5);
    expect(codes.filter((code) => code === "RATE_LIMITED").length).toBeGreaterThanOrEqual(15);
    const locked = await expectAppError(() => succeed(home), "RATE_LIMITED");
    expect(locked.retryAfterSeconds).toBeGreaterThan(14 * 60);
  });

  it("lifts the lock fifteen minutes after the fifth failure", async () => {
    await fail(5);
    t.advance(15 * MINUTE - 1000);
    await expectAppError(() => succeed(), "RATE_LIMITED");
    t.advance(1000);
    expect((await succeed()).status).toBe("signed-in");
  });

  it("counts failures in a fifteen-minute window, so slow mistakes never lock", async () => {
    await fail(4);
    t.advance(16 * MINUTE);
    await fail(4);
    expect((await succeed()).status).toBe("signed-in");
  });

  it("clears the account's count on a successful sign-in", async () => {
    await fail(4);
    await succeed();
    await fail(4);
    expect((await succeed()).status).toBe("signed-in");
  });

  it("counts an unknown address like a known one, and locks it the same way", async () => {
    await fail(5, office, "nobody@acme.example");
    await expectAppError(
      () => login(t.ctx, { email: "NOBODY@acme.example", password: PASSWORD }, home),
      "RATE_LIMITED",
    );
  });
});

describe("sign-in throttling per address", () => {
  it("locks an address after thirty failures spread over accounts, but not other addresses", async () => {
    expect(ADDRESS_FAILURE_LIMIT).toBe(30);
    for (let i = 0; i < 10; i += 1) await fail(3, office, `guess${i}@acme.example`);
    await expectAppError(() => succeed(office), "RATE_LIMITED");
    expect((await succeed(home)).status).toBe("signed-in");
  });

  it("keeps counting the address after one of its sign-ins succeeds", async () => {
    for (let i = 0; i < 29; i += 1) await fail(1, office, `guess${i}@acme.example`);
    await succeed(office);
    await fail(1, office, "guess-last@acme.example");
    await expectAppError(() => succeed(office), "RATE_LIMITED");
  });
});

describe("sign-in throttling with two-factor codes", () => {
  async function turnOnTotp(): Promise<string> {
    const signedIn = await succeed();
    if (signedIn.status !== "signed-in") throw new Error("expected a session");
    const auth = await authenticateSession(t.ctx, signedIn.token);
    if (auth === undefined) throw new Error("expected a live session");
    const { secret } = await beginTotpSetup(t.ctx, auth);
    const epoch = Math.floor(t.ctx.now().getTime() / 1000);
    await confirmTotpSetup(t.ctx, auth, await generate({ secret, epoch }));
    t.advance(30_000);
    return secret;
  }

  it("counts wrong codes towards the lockout even when the password is given again in between", async () => {
    await turnOnTotp();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i += 1) {
      const first = await succeed();
      expect(first.status).toBe("totp-required");
      await expectAppError(
        () => completeTotpLogin(t.ctx, first.token, "000000", office),
        "UNAUTHENTICATED",
      );
    }
    await expectAppError(() => succeed(home), "RATE_LIMITED");
  });

  it("refuses even the right code once the account is locked", async () => {
    const secret = await turnOnTotp();
    const first = await succeed();
    await fail(5);
    const code = await generate({ secret, epoch: Math.floor(t.ctx.now().getTime() / 1000) });
    await expectAppError(() => completeTotpLogin(t.ctx, first.token, code, office), "RATE_LIMITED");
  });

  it("clears the count once the code is right", async () => {
    const secret = await turnOnTotp();
    await fail(4);
    const first = await succeed();
    const code = await generate({ secret, epoch: Math.floor(t.ctx.now().getTime() / 1000) });
    await completeTotpLogin(t.ctx, first.token, code, office);
    await fail(4);
    expect((await succeed()).status).toBe("totp-required");
  });
});
