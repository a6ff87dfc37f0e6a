import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signIn } from "../../../test/support/accounts.ts";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { client, createApi, createOrgViaApi, setupOwner } from "../../../test/support/http.ts";
import type { Api, Client } from "../../../test/support/http.ts";
import { linkIn, startMailbox } from "../../../test/support/smtp.ts";
import type { Mailbox } from "../../../test/support/smtp.ts";
import { cli } from "../../../test/support/cli.ts";
import { expectAppError } from "../../../test/support/fixtures.ts";
import { startTestJobs, waitForRuns } from "../../../test/support/jobs.ts";
import { passwordResetMailJob } from "../../services/jobs/catalog.ts";
import type { JobRunner } from "../../services/jobs/job.ts";
import { loadConfig } from "../../services/platform/config.ts";
import { openContext } from "../../services/platform/context.ts";
import { smtpMailer } from "../../services/platform/mailer.ts";
import type { Problem } from "../errors.ts";

const OWNER = "olivia@acme.example";
const NEW_PASSWORD = "a fresh passphrase after the reset";
const PUBLIC_URL = "https://attest.example.com";

let mailbox: Mailbox;
let t: TestContext;
let api: Api;
let owner: Client;
/** The background jobs, for the tests whose mail a job sends (a password reset's). */
let jobs: JobRunner | undefined;
beforeEach(async () => {
  mailbox = await startMailbox();
  t = await createTestContext(undefined, {
    mailer: smtpMailer(mailbox.url, "Attest <a@b.c>"),
    publicUrl: `${PUBLIC_URL}/`,
  });
  api = await createApi(t);
  owner = await setupOwner(t, api, OWNER);
});
afterEach(async () => {
  await jobs?.stop();
  jobs = undefined;
  await api.close();
  await t.close();
  await mailbox.close();
});

const status = async (user: Client) =>
  (await user.request("GET", "/api/v1/auth/session")).statusCode;

describe("invitations by mail", () => {
  it("mail the link to the invitee only, and the link in the mail works once", async () => {
    const org = await createOrgViaApi(owner, "Acme");
    const created = await owner.request("POST", `/api/v1/orgs/${org}/invitations`, {
      email: "Dana@Acme.example",
      role: "admin",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ emailed: true, link: null });

    const mail = await mailbox.next();
    expect(mail.to).toEqual(["dana@acme.example"]);
    expect(mail.subject).toBe("Olivia Owner invited you to Acme on Attest");
    expect(mail.text).toContain("join Acme on Attest as admin");
    const link = linkIn(mail);
    expect(link.origin).toBe(PUBLIC_URL);
    const token = decodeURIComponent(link.pathname.replace(/^\/invite\//, ""));
    expect(token).toMatch(/^attest_inv_/);
    expect(created.body).not.toContain(token);

    const accept = () =>
      client(api).request("POST", `/api/v1/invitations/${token}/accept`, {
        name: "Dana",
        password: "dana picks a long passphrase",
      });
    const accepted = await accept();
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      user: { email: "dana@acme.example" },
      memberships: [{ organization: { slug: org }, role: "admin" }],
    });
    expect((await accept()).statusCode).toBe(404);
  });
});

describe("password reset by mail", () => {
  beforeEach(async () => {
    jobs = await startTestJobs(t, [passwordResetMailJob]);
  });

  async function requestReset(email = OWNER) {
    const response = await client(api).request("POST", "/api/v1/auth/password-reset", { email });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: true });
  }

  async function resetToken(): Promise<string> {
    await requestReset();
    const mail = await mailbox.next();
    expect(mail.to).toEqual([OWNER]);
    expect(mail.subject).toBe("Reset your Attest password");
    const link = linkIn(mail);
    expect(`${link.origin}${link.pathname}`).toBe(`${PUBLIC_URL}/reset-password/confirm`);
    return link.searchParams.get("token") ?? "";
  }

  const confirm = (token: string, password = NEW_PASSWORD) =>
    client(api).request("POST", "/api/v1/auth/password-reset/confirm", { token, password });

  it("sets a new password with the mailed link, once, and signs out every session", async () => {
    const laptop = (await signIn(api, OWNER)).client;
    const token = await resetToken();
    expect(token).toMatch(/^attest_rst_/);

    const done = await confirm(token);
    expect(done.statusCode).toBe(204);
    expect(await status(owner)).toBe(401);
    expect(await status(laptop)).toBe(401);
    expect((await signIn(api, OWNER)).response.statusCode).toBe(401);
    expect((await signIn(api, OWNER, NEW_PASSWORD)).response.statusCode).toBe(200);

    const again = await confirm(token, "yet another long passphrase");
    expect(again.statusCode).toBe(401);
    expect(again.json<Problem>().errors).toEqual([{ field: "token", message: "not valid" }]);
    expect((await signIn(api, OWNER, NEW_PASSWORD)).response.statusCode).toBe(200);
  });

  it("keeps the link usable after a refused password", async () => {
    const token = await resetToken();
    const weak = await confirm(token, "Password123!");
    expect(weak.statusCode).toBe(422);
    expect(weak.json<Problem>().errors?.[0]?.field).toBe("password");
    expect(await status(owner)).toBe(200);
    expect((await confirm(token)).statusCode).toBe(204);
  });

  it("expires the link after an hour", async () => {
    const token = await resetToken();
    t.advance(60 * 60_000);
    expect((await confirm(token)).statusCode).toBe(401);
    expect(await status(owner)).toBe(200);
  });

  it("answers the same for an address without an account and mails nothing", async () => {
    await requestReset("nobody@acme.example");
    // The job ran for it, as for any address, and found no account.
    // A run is listed from its start; wait for it to finish (it raced under load on PostgreSQL).
    const [run] = await waitForRuns(t.ctx, "password-reset-mail", (runs) =>
      runs.some((r) => r.result !== null),
    );
    expect([run?.result, run?.summary]).toEqual(["ok", JSON.stringify({ mailed: 0 })]);
    expect(mailbox.received).toHaveLength(0);
    const rows = await sql`select * from password_resets`.execute(t.ctx.db.kysely);
    expect(rows.rows).toHaveLength(0);
    // The next mail to arrive is the one for a real account.
    await requestReset();
    expect((await mailbox.next()).to).toEqual([OWNER]);
  });
});

describe("without SMTP", () => {
  it("stores no reset and answers the same", async () => {
    const plain = await createTestContext();
    const plainApi = await createApi(plain);
    try {
      await setupOwner(plain, plainApi, OWNER);
      const response = await client(plainApi).request("POST", "/api/v1/auth/password-reset", {
        email: OWNER,
      });
      expect(response.statusCode).toBe(202);
      const rows = await sql`select * from password_resets`.execute(plain.ctx.db.kysely);
      expect(rows.rows).toHaveLength(0);
    } finally {
      await plainApi.close();
      await plain.close();
    }
  });
});

/**
 * Issue 14: with SMTP and no public address, the links in mail were built from the request's
 * Host, or behind a proxy from X-Forwarded-Host. Anyone could ask for a victim's reset with
 * their own host named there; the victim's click then carried the reset secret to them.
 */
describe("links in mail, whatever host the request names", () => {
  const FORGED: [string, Record<string, string>, boolean][] = [
    ["a forged Host", { host: "attacker.example" }, false],
    [
      "a forged X-Forwarded-Host behind a trusted proxy",
      { "x-forwarded-host": "attacker.example" },
      true,
    ],
    [
      "both, with a forged X-Forwarded-Proto",
      {
        host: "attacker.example",
        "x-forwarded-host": "attacker.example",
        "x-forwarded-proto": "http",
      },
      true,
    ],
  ];

  it.each(FORGED)(
    "mail the reset link at the public address with %s",
    async (_, headers, proxy) => {
      jobs = await startTestJobs(t, [passwordResetMailJob]);
      const proxied = await createApi(t, { trustProxy: proxy });
      try {
        const response = await client(proxied).request(
          "POST",
          "/api/v1/auth/password-reset",
          { email: OWNER },
          headers,
        );
        expect(response.statusCode).toBe(202);
        const mail = await mailbox.next();
        expect(mail.text).not.toContain("attacker.example");
        const link = linkIn(mail);
        expect(`${link.origin}${link.pathname}`).toBe(`${PUBLIC_URL}/reset-password/confirm`);
        expect(link.searchParams.get("token")).toMatch(/^attest_rst_/);
      } finally {
        await proxied.close();
      }
    },
  );

  it.each(FORGED)(
    "mail the invitation link at the public address with %s",
    async (_, headers, proxy) => {
      const org = await createOrgViaApi(owner, "Acme");
      const proxied = await createApi(t, { trustProxy: proxy });
      try {
        const inviter = client(proxied, { cookie: owner.cookie, session: owner.session });
        const response = await inviter.request(
          "POST",
          `/api/v1/orgs/${org}/invitations`,
          { email: "dana@acme.example", role: "admin" },
          headers,
        );
        expect(response.statusCode).toBe(201);
        expect(response.body).not.toContain("attacker.example");
        const mail = await mailbox.next();
        expect(mail.text).not.toContain("attacker.example");
        const link = linkIn(mail);
        expect(link.origin).toBe(PUBLIC_URL);
        expect(link.pathname).toMatch(/^\/invite\/attest_inv_/);
      } finally {
        await proxied.close();
      }
    },
  );

  it("never falls back to the request's address, even in a context that lacks the public one", async () => {
    // The state issue 14 was about: SMTP and no public address (no longer possible to start).
    const exposed = await createApi(
      { ...t, ctx: { ...t.ctx, publicUrl: null } },
      {
        trustProxy: true,
      },
    );
    try {
      const org = await createOrgViaApi(owner, "Acme");
      const forged = { host: "attacker.example", "x-forwarded-host": "attacker.example" };
      const reset = await client(exposed).request(
        "POST",
        "/api/v1/auth/password-reset",
        { email: OWNER },
        forged,
      );
      expect(reset.statusCode).toBe(500);
      // The same for an address without an account: the configuration is checked first.
      const unknown = await client(exposed).request(
        "POST",
        "/api/v1/auth/password-reset",
        { email: "nobody@acme.example" },
        forged,
      );
      expect(unknown.statusCode).toBe(500);
      const inviter = client(exposed, { cookie: owner.cookie, session: owner.session });
      const invited = await inviter.request(
        "POST",
        `/api/v1/orgs/${org}/invitations`,
        { email: "dana@acme.example", role: "admin" },
        forged,
      );
      expect(invited.statusCode).toBe(500);
      expect(invited.body).not.toContain("attacker.example");
      for (const table of ["password_resets", "invitations"]) {
        const rows = await sql`select * from ${sql.table(table)}`.execute(t.ctx.db.kysely);
        expect(rows.rows).toHaveLength(0);
      }
      expect(mailbox.received).toHaveLength(0);
    } finally {
      await exposed.close();
    }
  });
});

describe("SMTP without ATTEST_PUBLIC_URL", () => {
  const SMTP = "smtp://mail.acme.example:587";

  it("is refused by the configuration, naming the variable", async () => {
    const error = await expectAppError(
      async () => loadConfig({ ATTEST_SMTP_URL: SMTP }),
      "VALIDATION_FAILED",
    );
    expect(error.message).toContain("ATTEST_PUBLIC_URL: is required with ATTEST_SMTP_URL");
    expect(error.fieldErrors).toEqual([
      { field: "ATTEST_PUBLIC_URL", message: expect.any(String) },
    ]);
    expect(loadConfig({ ATTEST_SMTP_URL: SMTP, ATTEST_PUBLIC_URL: PUBLIC_URL }).publicUrl).toBe(
      PUBLIC_URL,
    );
  });

  it("stops the server from starting", async () => {
    const result = await cli({ ...t.database.env, PORT: "0", ATTEST_SMTP_URL: SMTP }, "serve");
    expect(result.code).not.toBe(0);
    expect(result.err).toContain("ATTEST_PUBLIC_URL");
    expect(result.out).not.toContain("running");
  });

  it("cannot open a service context that mails", async () => {
    const error = await expectAppError(
      () =>
        openContext({
          database: t.database.target,
          dataDir: t.database.dataDir,
          mailer: smtpMailer(SMTP, "Attest <a@b.c>"),
        }),
      "VALIDATION_FAILED",
    );
    expect(error.message).toContain("ATTEST_PUBLIC_URL");
  });
});
