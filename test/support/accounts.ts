/** Signing in over HTTP as a browser would: password, then a code from the authenticator. */
import type { LightMyRequestResponse } from "fastify";
import { generate } from "otplib";
import type { SessionView } from "../../src/services/access/auth.service.ts";
import type { TestContext } from "./database.ts";
import { client, TEST_PASSWORD } from "./http.ts";
import type { Api, Client } from "./http.ts";

/** The code an authenticator app shows at the test clock's current time. */
export function totpCode(t: TestContext, secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(t.ctx.now().getTime() / 1000) });
}

/** Turns two-factor sign-in on for the client's user; returns the secret. */
export async function enableTotp(t: TestContext, user: Client): Promise<string> {
  const setup = await user.request("POST", "/api/v1/account/totp/setup");
  if (setup.statusCode !== 200) throw new Error(`totp setup failed: ${setup.body}`);
  const { secret } = setup.json<{ secret: string }>();
  const enabled = await user.request("POST", "/api/v1/account/totp/enable", {
    code: await totpCode(t, secret),
  });
  if (enabled.statusCode !== 204) throw new Error(`totp enable failed: ${enabled.body}`);
  // The code just used is spent; the next sign-in needs the next one.
  t.advance(30_000);
  return secret;
}

export interface SignInAttempt {
  response: LightMyRequestResponse;
  /** Holds whatever cookie the answer set: a session, or a pending two-factor one. */
  client: Client;
}

/** POST /api/v1/auth/login; the client is signed in when the answer says so. */
export async function signIn(
  api: Api,
  email: string,
  password = TEST_PASSWORD,
): Promise<SignInAttempt> {
  const browser = client(api);
  const response = await browser.request("POST", "/api/v1/auth/login", { email, password });
  if (response.statusCode === 200) {
    const body = response.json<{ status: string; session?: SessionView }>();
    if (body.session !== undefined) browser.session = body.session;
  }
  return { response, client: browser };
}

/** The second step: the client (holding the pending cookie) sends the code. */
export async function sendTotp(browser: Client, code: string): Promise<LightMyRequestResponse> {
  const response = await browser.request("POST", "/api/v1/auth/totp", { code });
  if (response.statusCode === 200) {
    browser.session = response.json<{ session: SessionView }>().session;
  }
  return response;
}

/** Password and code: a fully signed-in client of a user with two-factor sign-in on. */
export async function signInWithTotp(
  t: TestContext,
  api: Api,
  email: string,
  secret: string,
): Promise<Client> {
  const { response, client: browser } = await signIn(api, email);
  if (response.json<{ status: string }>().status !== "totp-required") {
    throw new Error(`expected a two-factor step: ${response.body}`);
  }
  const done = await sendTotp(browser, await totpCode(t, secret));
  if (done.statusCode !== 200) throw new Error(`totp sign-in failed: ${done.body}`);
  return browser;
}
