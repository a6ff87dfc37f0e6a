import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enableTotp, sendTotp, signIn, totpCode } from "../../test/support/accounts.ts";
import { createTestContext } from "../../test/support/database.ts";
import type { TestContext } from "../../test/support/database.ts";
import { client, createApi, createOrgViaApi, TEST_PASSWORD } from "../../test/support/http.ts";
import type { Api, Client } from "../../test/support/http.ts";
import { startTestJobs } from "../../test/support/jobs.ts";
import { linkIn, startMailbox } from "../../test/support/smtp.ts";
import type { Mailbox } from "../../test/support/smtp.ts";
import { issueSetupToken } from "../services/access/auth.service.ts";
import type { SessionView } from "../services/access/auth.service.ts";
import { passwordResetMailJob } from "../services/jobs/catalog.ts";
import type { JobRunner } from "../services/jobs/job.ts";
import { smtpMailer } from "../services/platform/mailer.ts";

const OWNER = "olivia@acme.example";
const MEMBER = "dana@acme.example";
const MEMBER_PASSWORD = "dana chooses her own long phrase";
const RESET_PASSWORD = "olivia resets to another phrase";

let mailbox: Mailbox;
let t: TestContext;
let api: Api;
let jobs: JobRunner;
beforeEach(async () => {
  mailbox = await startMailbox();
  t = await createTestContext(undefined, {
    mailer: smtpMailer(mailbox.url, "Attest <a@b.c>"),
    publicUrl: "https://attest.example.com",
  });
  api = await createApi(t);
  // The reset mail is sent by a job, which logs to the server's log as in `attest serve`.
  jobs = await startTestJobs(t, [passwordResetMailJob], api.app.log);
});
afterEach(async () => {
  await jobs.stop();
  await api.close();
  await t.close();
  await mailbox.close();
});

/** Every secret the flow below handles, by what it is. */
const secrets = new Map<string, string>();
function keep(what: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value.length < 8) {
    throw new Error(`no ${what} to keep`);
  }
  secrets.set(`${what} #${secrets.size}`, value);
  return value;
}

/** Records each cookie and CSRF token the client is given, then passes the answer on. */
async function track(user: Client, answer: Promise<{ statusCode: number }>) {
  const response = await answer;
  if (user.cookie !== null) keep("session cookie", user.cookie);
  if (user.session !== null) keep("csrf token", user.session.csrfToken);
  return response;
}

async function flow(): Promise<void> {
  keep("password", TEST_PASSWORD);
  const setupToken = keep("setup token", await issueSetupToken(t.ctx));
  const anonymous = client(api);
  const setup = await anonymous.request("POST", "/api/v1/setup", {
    token: setupToken,
    email: OWNER,
    name: "Olivia Owner",
    password: TEST_PASSWORD,
  });
  expect(setup.statusCode).toBe(201);
  const owner = client(api, { cookie: anonymous.cookie, session: setup.json<SessionView>() });
  await track(owner, Promise.resolve(setup));
  const org = await createOrgViaApi(owner, "Acme");

  // A mistyped password, then password sign-in, then two-factor on and a sign-in with it.
  expect((await signIn(api, OWNER, `${TEST_PASSWORD}!`)).response.statusCode).toBe(401);
  const second = await signIn(api, OWNER);
  await track(second.client, Promise.resolve(second.response));
  const totpSecret = keep("totp secret", await enableTotp(t, owner));
  const pending = await signIn(api, OWNER);
  keep("pending cookie", pending.client.cookie);
  expect((await sendTotp(pending.client, "000000")).statusCode).toBe(401);
  const signedIn = pending.client;
  expect(
    (await track(signedIn, sendTotp(signedIn, await totpCode(t, totpSecret)))).statusCode,
  ).toBe(200);

  // An invitation, mailed; the invitee previews it, opens a wrong URL, then accepts.
  const invited = await signedIn.request("POST", `/api/v1/orgs/${org}/invitations`, {
    email: MEMBER,
    role: "control-owner",
  });
  expect(invited.statusCode).toBe(201);
  const inviteLink = linkIn(await mailbox.next());
  const inviteToken = keep("invitation token", inviteLink.pathname.split("/").pop());
  await client(api).request("GET", inviteLink.pathname);
  await client(api).request("GET", `/api/v1/invitations/${inviteToken}`);
  await client(api).request("GET", `/api/v1/invitations/${inviteToken}/accept`);
  await client(api).request("POST", `/api/v1/invitations/${inviteToken}/accept`, {
    name: "Dana",
    password: "short",
  });
  keep("password", MEMBER_PASSWORD);
  const dana = client(api);
  const accepted = await dana.request("POST", `/api/v1/invitations/${inviteToken}/accept`, {
    name: "Dana",
    password: MEMBER_PASSWORD,
  });
  expect(accepted.statusCode).toBe(200);
  dana.session = accepted.json<SessionView>();
  await track(dana, Promise.resolve(accepted));

  // A control of Dana's own, for her token's evidence to land on.
  const assigned = await signedIn.request("PATCH", `/api/v1/orgs/${org}/controls/CM-02`, {
    owner: MEMBER,
  });
  expect(assigned.statusCode).toBe(200);

  // An API token, made and used for a read and a write, with a typo once.
  const created = await dana.request("POST", `/api/v1/orgs/${org}/tokens`, {
    name: "ci-evidence",
    scopes: ["read", "evidence:write"],
  });
  expect(created.statusCode).toBe(201);
  const tokenSecret = keep("api token", created.json<{ secret: string }>().secret);
  const script = client(api, { bearer: tokenSecret });
  expect((await script.request("GET", `/api/v1/orgs/${org}/readiness`)).statusCode).toBe(200);
  const evidence = await script.request("POST", `/api/v1/orgs/${org}/evidence`, {
    title: "Branch protection",
    controls: ["CM-02"],
    forDate: "2026-03-01",
    link: "https://github.com/acme/api/settings/branches",
  });
  expect(evidence.statusCode).toBe(201);
  const typo = client(api, { bearer: `${tokenSecret.slice(0, -1)}x` });
  expect((await typo.request("GET", `/api/v1/orgs/${org}`)).statusCode).toBe(401);
  keep("mistyped api token", typo.bearer);

  // A password reset by mail: the page link opened, a refused password, then the reset.
  await client(api).request("POST", "/api/v1/auth/password-reset", { email: OWNER });
  const resetLink = linkIn(await mailbox.next());
  const resetToken = keep("reset token", resetLink.searchParams.get("token"));
  await client(api).request("GET", `${resetLink.pathname}${resetLink.search}`);
  const confirm = (password: string) =>
    client(api).request("POST", "/api/v1/auth/password-reset/confirm", {
      token: resetToken,
      password,
    });
  expect((await confirm("Password123!")).statusCode).toBe(422);
  keep("password", RESET_PASSWORD);
  expect((await confirm(RESET_PASSWORD)).statusCode).toBe(204);
  expect((await signedIn.request("POST", "/api/v1/auth/logout")).statusCode).toBe(401);
  const after = await signIn(api, OWNER, RESET_PASSWORD);
  keep("pending cookie", after.client.cookie);
}

describe("the server log", () => {
  it("never contains a password, cookie, token, link secret or two-factor secret", async () => {
    secrets.clear();
    await flow();
    expect(api.logs.length).toBeGreaterThan(50);
    // The log does record the requests, with their secrets masked.
    expect(api.logs.some((line) => line.includes("/api/v1/invitations/attest_***/accept"))).toBe(
      true,
    );
    const leaks = [...secrets].flatMap(([what, value]) =>
      api.logs.filter((line) => line.includes(value)).map((line) => `${what}: ${line}`),
    );
    expect(leaks).toEqual([]);
  });
});
