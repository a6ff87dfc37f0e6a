/**
 * How the Okta connector fails: each API failure becomes one clear ConnectorError (never a
 * partial snapshot), and the org URL must be HTTPS unless it is a loopback address.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConnectorError } from "../../domain/checks/check.ts";
import { compliantOktaOrg, startFakeOkta } from "../../../test/support/fake-okta.ts";
import type { FakeOkta } from "../../../test/support/fake-okta.ts";
import { oktaConnector } from "./connector.ts";

let fake: FakeOkta;

beforeEach(async () => {
  fake = await startFakeOkta(compliantOktaOrg());
});
afterEach(async () => {
  await fake.close();
});

function settings(extra: Record<string, unknown> = {}) {
  return oktaConnector.settings.parse({ orgUrl: fake.orgUrl, ...extra });
}
function credentials(apiToken = fake.state.token) {
  return oktaConnector.credentials.parse({ apiToken });
}

async function failure(work: Promise<unknown>): Promise<ConnectorError> {
  const error: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

const collect = (extra: Record<string, unknown> = {}) =>
  oktaConnector.collect(settings(extra), credentials(), { people: [] });

describe("API failures", () => {
  it("a wrong token is unauthorized, on test connection and on collection, without the token in the message", async () => {
    const wrong = "00zZyYxXwWvVuUtTsSrRqQpPoOnNmMlLkKjJiIhH00";
    const error = await failure(oktaConnector.testConnection(settings(), credentials(wrong)));
    expect(error.failure).toBe("unauthorized");
    expect(error.message).toBe(
      "Okta refused the API token reading users: Invalid token provided (E0000011)",
    );
    expect(error.message).not.toContain(wrong);
    await expect(oktaConnector.testConnection(settings(), credentials())).resolves.toBeUndefined();
  });

  it("a 403 on users is forbidden and names what could not be read", async () => {
    fake.failWith = { kind: "status", status: 403, pathPrefix: "/api/v1/users/00u3carol/roles" };
    const error = await failure(collect());
    expect(error.failure).toBe("forbidden");
    expect(error.message).toContain("may not read the admin roles of carol.diaz@acme.test");
  });

  it("a 429 is rate-limited with the seconds until x-rate-limit-reset, after one request", async () => {
    fake.failWith = { kind: "status", status: 429 };
    const error = await failure(collect());
    expect(error.failure).toBe("rate-limited");
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(40);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(43);
    // No retry inside the SDK: the run is retried later instead.
    expect(fake.requests.length).toBe(1);
  });

  it("5xx is unavailable", async () => {
    fake.failWith = { kind: "status", status: 503, pathPrefix: "/api/v1/policies" };
    const error = await failure(collect());
    expect(error.failure).toBe("unavailable");
    expect(error.message).toBe(
      "Okta answered 503 reading password policies: Service is in read only mode (E0000010)",
    );
  });

  it("silence is a timeout after the configured seconds", async () => {
    fake.failWith = { kind: "silent", pathPrefix: "/api/v1/users/00u2bob/factors" };
    const error = await failure(collect({ timeoutSeconds: 1 }));
    expect(error.failure).toBe("timeout");
    expect(error.message).toContain(
      "did not answer in time reading the factors of bob.stone@acme.test",
    );
  });

  it("a malformed body, or one not as documented, is an invalid answer", async () => {
    fake.failWith = { kind: "malformed", pathPrefix: "/api/v1/users" };
    expect((await failure(collect())).failure).toBe("invalid-answer");
    fake.failWith = null;
    fake.state.users[0]!.factors = [
      { id: "x", factorType: 7 as unknown as string, provider: "OKTA", status: "ACTIVE" },
    ];
    const error = await failure(collect());
    expect(error.failure).toBe("invalid-answer");
    expect(error.message).toContain("the factors of alice.martin@acme.test is not as documented");
  });

  it("a server that is not there is unavailable", async () => {
    await fake.close();
    const error = await failure(collect());
    expect(error.failure).toBe("unavailable");
    expect(error.message).toContain("ECONNREFUSED");
    fake = await startFakeOkta();
  });
});

describe("settings and credentials", () => {
  it("refuses plain http:// except on loopback, and a path", () => {
    const refused = oktaConnector.settings.safeParse({ orgUrl: "http://acme.okta.com" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(
      "must use https:// (plain http:// is accepted only for a loopback address)",
    );
    expect(oktaConnector.settings.safeParse({ orgUrl: "https://acme.okta.com/" }).data).toEqual({
      orgUrl: "https://acme.okta.com",
      timeoutSeconds: 30,
    });
    expect(oktaConnector.settings.safeParse({ orgUrl: "http://127.0.0.1:8080" }).success).toBe(
      true,
    );
    expect(oktaConnector.settings.safeParse({ orgUrl: "http://localhost:8080" }).success).toBe(
      true,
    );
    expect(oktaConnector.settings.safeParse({ orgUrl: "http://10.0.0.5" }).success).toBe(false);
    const withPath = oktaConnector.settings.safeParse({ orgUrl: "https://acme.okta.com/api/v1" });
    expect(withPath.error?.issues[0]?.message).toContain("without a path");
  });

  it("refuses a token that is not one, naming the field", () => {
    const result = oktaConnector.credentials.safeParse({ apiToken: "short" });
    expect(result.error?.issues[0]?.path).toEqual(["apiToken"]);
    expect(oktaConnector.fields.filter((f) => f.secret).map((f) => f.name)).toEqual(["apiToken"]);
  });
});
