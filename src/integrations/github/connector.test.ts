// The GitHub connector against the local fake GitHub API: what it collects, how it pages, and
// how every failure of the API becomes a ConnectorError instead of a snapshot.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConnectorError } from "../../domain/checks/check.ts";
import { compliantRepository, startFakeGitHub } from "../../../test/support/fake-github.ts";
import type { FakeGitHub } from "../../../test/support/fake-github.ts";
import { githubConnector } from "./connector.ts";
import type { GitHubSettings } from "./settings.ts";

let fake: FakeGitHub;

beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

function settings(overrides: Partial<Record<keyof GitHubSettings, unknown>> = {}): GitHubSettings {
  return githubConnector.settings.parse({
    organization: "acme",
    repositories: "all",
    apiUrl: fake.url,
    timeoutSeconds: 1,
    ...overrides,
  });
}

const credentials = () => githubConnector.credentials.parse({ token: fake.state.token });

async function collect(overrides: Partial<Record<keyof GitHubSettings, unknown>> = {}) {
  return githubConnector.collect(settings(overrides), credentials(), { people: [] });
}

async function failureOf(run: () => Promise<unknown>): Promise<ConnectorError> {
  const error = await run().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe("github connector: collection", () => {
  it("reads the organization, its members and every repository's default-branch protection", async () => {
    fake.state.members[1] = { login: "bob", twoFactorEnabled: false };
    const snapshot = await collect();
    expect(snapshot.organization).toEqual({
      login: "acme",
      twoFactorRequirementEnabled: true,
      defaultRepositoryPermission: "read",
    });
    expect(snapshot.members).toEqual([
      { login: "alice", twoFactorDisabled: false },
      { login: "bob", twoFactorDisabled: true },
    ]);
    expect(snapshot.repositories.map((repository) => repository.fullName)).toEqual([
      "acme/api",
      "acme/web",
    ]);
    expect(snapshot.repositories[0]?.protection).toEqual({
      pullRequestReviews: {
        requiredApprovingReviewCount: 1,
        dismissStaleReviews: true,
        requireLastPushApproval: true,
      },
      requiredStatusChecks: ["ci/test"],
      enforceAdmins: true,
      allowForcePushes: false,
      allowDeletions: false,
    });
    expect(snapshot.repositories[0]?.secretScanning).toBe("enabled");
    expect(snapshot.repositories[0]?.dependabotAlertsEnabled).toBe(true);
    expect(snapshot.remediationDays).toEqual({ critical: 7, high: 30 });
  });

  it("records an unprotected branch (404 Branch not protected) as no protection, and rulesets as rules", async () => {
    const api = fake.state.repositories[0];
    if (!api) throw new Error("fixture");
    api.protection = null;
    api.rules = [
      {
        type: "pull_request",
        parameters: {
          required_approving_review_count: 2,
          dismiss_stale_reviews_on_push: true,
          require_code_owner_review: false,
          require_last_push_approval: false,
          required_review_thread_resolution: false,
        },
      },
      { type: "non_fast_forward" },
      { type: "required_linear_history" },
    ];
    const snapshot = await collect();
    expect(snapshot.repositories[0]?.protection).toBeNull();
    expect(snapshot.repositories[0]?.rules).toEqual([
      {
        type: "pull_request",
        requiredApprovingReviewCount: 2,
        dismissStaleReviewsOnPush: true,
        requireLastPushApproval: false,
      },
      { type: "non_fast_forward" },
      { type: "other", name: "required_linear_history" },
    ]);
  });

  it("follows Link pagination for members, repositories and Dependabot alerts", async () => {
    fake.state.maxPerPage = 2;
    fake.state.members = Array.from({ length: 5 }, (_, index) => ({
      login: `member-${index}`,
      twoFactorEnabled: index !== 3,
    }));
    fake.state.repositories = ["a", "b", "c"].map((name) => compliantRepository(name));
    const first = fake.state.repositories[0];
    if (!first) throw new Error("fixture");
    first.dependabotAlerts = Array.from({ length: 5 }, (_, index) => ({
      number: index + 1,
      state: "open" as const,
      severity: "low" as const,
      packageName: `pkg-${index}`,
      summary: "s",
      createdAt: "2026-01-01T00:00:00Z",
    }));
    const snapshot = await collect();
    expect(snapshot.members).toHaveLength(5);
    expect(snapshot.members.filter((member) => member.twoFactorDisabled)).toEqual([
      { login: "member-3", twoFactorDisabled: true },
    ]);
    expect(snapshot.repositories).toHaveLength(3);
    expect(snapshot.repositories[0]?.openDependabotAlerts.map((alert) => alert.number)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(fake.state.requests.some((line) => line.includes("after="))).toBe(true);
    expect(fake.state.requests.some((line) => line.includes("page=3"))).toBe(true);
  });

  it("limits the repositories to the ones in scope and refuses an unknown one", async () => {
    const snapshot = await collect({ repositories: ["web"] });
    expect(snapshot.repositories.map((repository) => repository.fullName)).toEqual(["acme/web"]);
    const error = await failureOf(() => collect({ repositories: ["web", "ghost"] }));
    expect(error.message).toContain("acme/ghost");
  });

  it("works against a GitHub Enterprise Server style API root (/api/v3)", async () => {
    const enterprise = await startFakeGitHub({ basePath: "/api/v3" });
    try {
      const snapshot = await githubConnector.collect(
        settings({ apiUrl: enterprise.url }),
        githubConnector.credentials.parse({ token: enterprise.state.token }),
        { people: [] },
      );
      expect(snapshot.apiUrl).toBe(enterprise.url);
      expect(enterprise.state.requests[0]).toMatch(/^GET \/api\/v3\/orgs\/acme/);
    } finally {
      await enterprise.close();
    }
  });

  it("tests a connection with one authenticated call", async () => {
    await githubConnector.testConnection(settings(), credentials());
    expect(fake.state.requests).toEqual(["GET /orgs/acme"]);
  });
});

describe("github connector: settings", () => {
  it("names the field and the reason for bad settings", () => {
    const bad = githubConnector.settings.safeParse({
      organization: "acme",
      repositories: [],
      apiUrl: "http://github.example.com",
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^repositories: /),
        expect.stringMatching(/^apiUrl: apiUrl must use https/),
      ]),
    );
  });

  it("accepts the repositories as a comma-separated list", () => {
    const parsed = githubConnector.settings.parse({
      organization: "acme",
      repositories: "api, web",
    });
    expect(parsed.repositories).toEqual(["api", "web"]);
    expect(
      githubConnector.settings.parse({ organization: "acme", repositories: " all " }).repositories,
    ).toBe("all");
    expect(
      githubConnector.settings.safeParse({ organization: "acme", repositories: "a b" }).success,
    ).toBe(false);
  });

  it("parses its own stored output to the same settings (they are stored parsed, then read back)", () => {
    const once = githubConnector.settings.parse({
      organization: "acme",
      repositories: "api,web",
      apiUrl: "https://ghe.example.com/api/v3/",
    });
    expect(once.apiUrl).toBe("https://ghe.example.com/api/v3");
    expect(githubConnector.settings.parse(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });

  it("defaults the API URL to api.github.com", () => {
    const parsed = githubConnector.settings.parse({ organization: "acme", repositories: "all" });
    expect(parsed.apiUrl).toBe("https://api.github.com");
  });
});

describe("github connector: failures", () => {
  it("401 Bad credentials is unauthorized", async () => {
    const error = await failureOf(() =>
      githubConnector.testConnection(settings(), { token: "wrong" }),
    );
    expect(error.failure).toBe("unauthorized");
    expect(error.message).toContain("Bad credentials");
    expect(error.message).not.toContain("wrong");
  });

  it("403 without a rate limit is forbidden", async () => {
    fake.state.failure = {
      kind: "status",
      status: 403,
      path: "/members",
      body: { message: "Resource not accessible by personal access token", documentation_url: "x" },
    };
    const error = await failureOf(() => collect());
    expect(error.failure).toBe("forbidden");
    expect(error.message).toContain("members of acme");
  });

  it("429 with retry-after is rate-limited with the wait", async () => {
    fake.state.failure = {
      kind: "status",
      status: 429,
      headers: { "retry-after": "42" },
      body: { message: "You have exceeded a secondary rate limit.", documentation_url: "x" },
    };
    const error = await failureOf(() => collect());
    expect(error.failure).toBe("rate-limited");
    expect(error.retryAfterSeconds).toBe(42);
  });

  it("an exhausted primary rate limit (403, x-ratelimit-remaining 0) is rate-limited until the reset", async () => {
    fake.state.rateLimitRemaining = 3;
    const error = await failureOf(() => collect());
    expect(error.failure).toBe("rate-limited");
    expect(error.retryAfterSeconds).toBeGreaterThan(500);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(600);
  });

  it("no answer within the timeout is a timeout", async () => {
    fake.state.failure = { kind: "hang", path: "/rules/" };
    const error = await failureOf(() => collect({ timeoutSeconds: 0.3 }));
    expect(error.failure).toBe("timeout");
    expect(error.message).toContain("acme/api");
  });

  it("a server that cannot be reached is unavailable", async () => {
    const gone = await startFakeGitHub();
    await gone.close();
    const error = await failureOf(() =>
      githubConnector.testConnection(settings({ apiUrl: gone.url }), credentials()),
    );
    expect(error.failure).toBe("unavailable");
  });

  it("once one repository fails, no further repository is read", async () => {
    fake.state.repositories = Array.from({ length: 12 }, (_, index) =>
      compliantRepository(`r${String(index).padStart(2, "0")}`),
    );
    fake.state.failure = { kind: "status", status: 502, path: "/repos/acme/r00/", body: {} };
    expect((await failureOf(() => collect())).failure).toBe("unavailable");
    // Give reads still under way time to finish, and any wrongly started ones time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const protectionReads = fake.state.requests.filter((line) => line.endsWith("/protection"));
    expect(protectionReads.length).toBeGreaterThan(0);
    expect(protectionReads.length).toBeLessThanOrEqual(4);
  });

  it("5xx is unavailable", async () => {
    fake.state.failure = { kind: "status", status: 502, body: { message: "Server Error" } };
    expect((await failureOf(() => collect())).failure).toBe("unavailable");
  });

  it("a body that is not JSON, or lacks a documented field, is an invalid answer", async () => {
    fake.state.failure = { kind: "malformed", path: "/repos" };
    expect((await failureOf(() => collect())).failure).toBe("invalid-answer");
    fake.state.failure = { kind: "status", status: 200, path: "/members", body: [{ id: 1 }] };
    const error = await failureOf(() => collect());
    expect(error.failure).toBe("invalid-answer");
    expect(error.message).toContain("0.login");
  });

  it("a 404 other than 'Branch not protected' fails the collection instead of passing as unprotected", async () => {
    fake.state.failure = {
      kind: "status",
      status: 404,
      path: "/protection",
      body: { message: "Not Found", documentation_url: "x" },
    };
    expect((await failureOf(() => collect())).failure).toBe("forbidden");
  });
});
