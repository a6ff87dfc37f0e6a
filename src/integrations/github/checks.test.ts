// Every GitHub check on fixtures served by the fake GitHub API: the compliant organization passes
// every check, and each check fails, naming the resource, when one setting is made non-compliant.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ResourceResult } from "../../domain/checks/check.ts";
import { startFakeGitHub } from "../../../test/support/fake-github.ts";
import type {
  FakeGitHub,
  FakeGitHubState,
  FakeRepository,
} from "../../../test/support/fake-github.ts";
import { githubConnector } from "./connector.ts";

let fake: FakeGitHub;

beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

async function evaluate(checkId: string): Promise<ResourceResult[]> {
  const check = githubConnector.checks.find((candidate) => candidate.id === checkId);
  if (!check) throw new Error(`no check ${checkId}`);
  const snapshot = await githubConnector.collect(
    githubConnector.settings.parse({ organization: "acme", repositories: "all", apiUrl: fake.url }),
    githubConnector.credentials.parse({ token: fake.state.token }),
    { people: [] },
  );
  return check.evaluate(snapshot);
}

function api(state: FakeGitHubState): FakeRepository {
  const repository = state.repositories.find((candidate) => candidate.name === "api");
  if (!repository) throw new Error("fixture has no api repository");
  return repository;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/** Per check: how to break the compliant fixture, the resource that must fail, and why. */
const breakages: {
  id: string;
  breakIt: (state: FakeGitHubState) => void;
  resource: string;
  reason: RegExp;
}[] = [
  {
    id: "github.org-requires-2fa",
    breakIt: (state) => (state.organization.twoFactorRequirementEnabled = false),
    resource: "acme",
    reason: /^acme does not require two-factor authentication$/,
  },
  {
    id: "github.members-have-2fa",
    breakIt: (state) => (state.members[1] = { login: "bob", twoFactorEnabled: false }),
    resource: "bob",
    reason: /^bob has two-factor authentication off$/,
  },
  {
    id: "github.default-permission-restricted",
    breakIt: (state) => (state.organization.defaultRepositoryPermission = "write"),
    resource: "acme",
    reason: /gives every member write access/,
  },
  {
    id: "github.branch-protected",
    breakIt: (state) => (api(state).protection = null),
    resource: "acme/api",
    reason: /^acme\/api: main has neither branch protection nor a ruleset$/,
  },
  {
    id: "github.branch-requires-review",
    breakIt: (state) => {
      const protection = api(state).protection;
      if (protection) protection.requiredPullRequestReviews = null;
    },
    resource: "acme/api",
    reason: /^acme\/api: main does not require an approving review before merge$/,
  },
  {
    id: "github.stale-approvals-dismissed",
    breakIt: (state) => {
      const reviews = api(state).protection?.requiredPullRequestReviews;
      if (reviews) reviews.dismissStaleReviews = false;
    },
    resource: "acme/api",
    reason: /keeps approvals after new commits are pushed/,
  },
  {
    id: "github.last-push-approval",
    breakIt: (state) => {
      const reviews = api(state).protection?.requiredPullRequestReviews;
      if (reviews) reviews.requireLastPushApproval = false;
    },
    resource: "acme/api",
    reason: /lets the author of the last push approve it/,
  },
  {
    id: "github.required-status-checks",
    breakIt: (state) => {
      const protection = api(state).protection;
      if (protection) protection.requiredStatusChecks = null;
    },
    resource: "acme/api",
    reason: /requires no status check to pass/,
  },
  {
    id: "github.force-pushes-blocked",
    breakIt: (state) => {
      const protection = api(state).protection;
      if (protection) protection.allowForcePushes = true;
    },
    resource: "acme/api",
    reason: /^acme\/api: main allows force pushes$/,
  },
  {
    id: "github.deletions-blocked",
    breakIt: (state) => {
      const protection = api(state).protection;
      if (protection) protection.allowDeletions = true;
    },
    resource: "acme/api",
    reason: /^acme\/api: main can be deleted$/,
  },
  {
    id: "github.admins-enforced",
    breakIt: (state) => {
      const protection = api(state).protection;
      if (protection) protection.enforceAdmins = false;
    },
    resource: "acme/api",
    reason: /administrators can bypass branch protection/,
  },
  {
    id: "github.outside-collaborators-not-admin",
    breakIt: (state) =>
      (api(state).outsideCollaborators = [
        { login: "contractor", admin: true },
        { login: "reader", admin: false },
      ]),
    resource: "acme/api",
    reason: /outside collaborators with admin rights: contractor$/,
  },
  {
    id: "github.secret-scanning-enabled",
    breakIt: (state) => {
      const security = api(state).securityAndAnalysis;
      if (security) security.secretScanning = "disabled";
    },
    resource: "acme/api",
    reason: /^acme\/api: secret scanning is off$/,
  },
  {
    id: "github.secret-push-protection",
    breakIt: (state) => {
      const security = api(state).securityAndAnalysis;
      if (security) security.secretScanningPushProtection = "disabled";
    },
    resource: "acme/api",
    reason: /^acme\/api: secret scanning push protection is off$/,
  },
  {
    id: "github.dependabot-alerts-enabled",
    breakIt: (state) => (api(state).vulnerabilityAlerts = false),
    resource: "acme/api",
    reason: /^acme\/api: Dependabot alerts are off$/,
  },
  {
    id: "github.no-overdue-critical-alerts",
    breakIt: (state) =>
      (api(state).dependabotAlerts = [
        {
          number: 4,
          state: "open",
          severity: "critical",
          packageName: "lodash",
          summary: "Prototype pollution",
          createdAt: daysAgo(10),
        },
      ]),
    resource: "acme/api",
    reason: /1 critical alert open longer than 7 days: #4 lodash/,
  },
  {
    id: "github.no-overdue-high-alerts",
    breakIt: (state) =>
      (api(state).dependabotAlerts = [
        {
          number: 9,
          state: "open",
          severity: "high",
          packageName: "axios",
          summary: "SSRF",
          createdAt: daysAgo(45),
        },
      ]),
    resource: "acme/api",
    reason: /1 high alert open longer than 30 days: #9 axios/,
  },
];

describe("github checks on the fake GitHub API", () => {
  it("covers every check of the connector with a failing fixture", () => {
    expect(breakages.map((entry) => entry.id).sort()).toEqual(
      githubConnector.checks.map((check) => check.id).sort(),
    );
    expect(githubConnector.checks.length).toBeGreaterThanOrEqual(14);
  });

  it.each(breakages.map((entry) => entry.id))(
    "%s passes on the compliant organization",
    async (id) => {
      const results = await evaluate(id);
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter((result) => result.status !== "pass")).toEqual([]);
    },
  );

  it.each(breakages)("$id fails on a non-compliant fixture, naming the resource", async (entry) => {
    entry.breakIt(fake.state);
    const results = await evaluate(entry.id);
    const failing = results.filter((result) => result.status === "fail");
    expect(failing.map((result) => result.resourceId)).toEqual([entry.resource]);
    expect(failing[0]?.reason).toMatch(entry.reason);
    // The rest of the organization is unaffected.
    expect(results.filter((result) => result.status === "not-applicable")).toEqual([]);
  });

  it("the fixture made compliant again passes again (a failing run can recover)", async () => {
    const protection = api(fake.state).protection;
    if (!protection) throw new Error("fixture");
    protection.requiredPullRequestReviews = null;
    expect(
      (await evaluate("github.branch-requires-review")).map((result) => result.status),
    ).toEqual(["fail", "pass"]);
    protection.requiredPullRequestReviews = {
      requiredApprovingReviewCount: 2,
      dismissStaleReviews: true,
      requireLastPushApproval: true,
    };
    const results = await evaluate("github.branch-requires-review");
    expect(results.map((result) => result.status)).toEqual(["pass", "pass"]);
    expect(results[0]?.reason).toBe("acme/api: main requires 2 approving reviews");
  });
});
