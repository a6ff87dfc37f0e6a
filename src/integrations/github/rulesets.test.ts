// Rulesets count as protection: a default branch protected only by rulesets passes the review,
// status-check, force-push and deletion checks; and the edge cases no check may pass by default.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ResourceResult } from "../../domain/checks/check.ts";
import { startFakeGitHub } from "../../../test/support/fake-github.ts";
import type { FakeGitHub, FakeRepository } from "../../../test/support/fake-github.ts";
import { githubConnector } from "./connector.ts";

let fake: FakeGitHub;

beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

async function statusesOf(checkId: string): Promise<Record<string, ResourceResult>> {
  const check = githubConnector.checks.find((candidate) => candidate.id === checkId);
  if (!check) throw new Error(`no check ${checkId}`);
  const snapshot = await githubConnector.collect(
    githubConnector.settings.parse({ organization: "acme", repositories: "all", apiUrl: fake.url }),
    githubConnector.credentials.parse({ token: fake.state.token }),
    { people: [] },
  );
  return Object.fromEntries(check.evaluate(snapshot).map((result) => [result.resourceId, result]));
}

function api(): FakeRepository {
  const repository = fake.state.repositories.find((candidate) => candidate.name === "api");
  if (!repository) throw new Error("fixture has no api repository");
  return repository;
}

const RULESET_ONLY = [
  {
    type: "pull_request",
    parameters: {
      required_approving_review_count: 1,
      dismiss_stale_reviews_on_push: true,
      require_code_owner_review: false,
      require_last_push_approval: true,
      required_review_thread_resolution: false,
    },
  },
  {
    type: "required_status_checks",
    parameters: {
      strict_required_status_checks_policy: true,
      required_status_checks: [{ context: "ci/build" }],
    },
  },
  { type: "non_fast_forward" },
  { type: "deletion" },
];

describe("github checks: rulesets and edge cases", () => {
  it("a branch protected only by a ruleset passes the branch checks", async () => {
    api().protection = null;
    api().rules = RULESET_ONLY;
    for (const id of [
      "github.branch-protected",
      "github.branch-requires-review",
      "github.stale-approvals-dismissed",
      "github.last-push-approval",
      "github.required-status-checks",
      "github.force-pushes-blocked",
      "github.deletions-blocked",
    ]) {
      expect((await statusesOf(id))["acme/api"]?.status, id).toBe("pass");
    }
    expect((await statusesOf("github.required-status-checks"))["acme/api"]?.reason).toBe(
      "acme/api: main requires ci/build to pass",
    );
    // Who may bypass a ruleset is not read, so admin enforcement is not claimed either way.
    expect((await statusesOf("github.admins-enforced"))["acme/api"]?.status).toBe("not-applicable");
  });

  it("without protection or rulesets every branch check fails", async () => {
    api().protection = null;
    for (const id of [
      "github.branch-protected",
      "github.branch-requires-review",
      "github.required-status-checks",
      "github.force-pushes-blocked",
      "github.deletions-blocked",
      "github.admins-enforced",
    ]) {
      expect((await statusesOf(id))["acme/api"]?.status, id).toBe("fail");
    }
  });

  it("a pull request required with zero approvals does not count as review", async () => {
    api().protection = null;
    api().rules = [
      {
        type: "pull_request",
        parameters: {
          required_approving_review_count: 0,
          dismiss_stale_reviews_on_push: false,
          require_code_owner_review: false,
          require_last_push_approval: false,
          required_review_thread_resolution: false,
        },
      },
    ];
    const result = (await statusesOf("github.branch-requires-review"))["acme/api"];
    expect(result?.status).toBe("fail");
    expect(result?.reason).toBe("acme/api: main requires a pull request but no approving review");
  });

  it("settings the token cannot see fail rather than pass", async () => {
    fake.state.organization.twoFactorRequirementEnabled = undefined;
    fake.state.organization.defaultRepositoryPermission = undefined;
    api().securityAndAnalysis = null;
    expect((await statusesOf("github.org-requires-2fa")).acme?.status).toBe("fail");
    expect((await statusesOf("github.default-permission-restricted")).acme?.status).toBe("fail");
    const scanning = (await statusesOf("github.secret-scanning-enabled"))["acme/api"];
    expect(scanning?.status).toBe("fail");
    expect(scanning?.reason).toContain("cannot see");
  });

  it("a token that is not an organization owner's leaves two-factor states unknown, and they fail", async () => {
    fake.state.tokenIsOwner = false;
    const members = await statusesOf("github.members-have-2fa");
    expect(members.alice?.status).toBe("fail");
    expect(members.alice?.reason).toContain("organization owners only");
    expect((await statusesOf("github.org-requires-2fa")).acme?.status).toBe("fail");
  });

  it("archived repositories are not applicable to repository checks", async () => {
    api().archived = true;
    api().protection = null;
    const result = (await statusesOf("github.branch-requires-review"))["acme/api"];
    expect(result?.status).toBe("not-applicable");
    expect(result?.reason).toBe("acme/api is archived, so nothing can be pushed to it");
  });

  it("closed alerts and alerts inside their window do not count as overdue", async () => {
    const old = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000).toISOString();
    const recent = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString();
    api().dependabotAlerts = [
      {
        number: 1,
        state: "fixed",
        severity: "critical",
        packageName: "a",
        summary: "s",
        createdAt: old,
      },
      {
        number: 2,
        state: "open",
        severity: "critical",
        packageName: "b",
        summary: "s",
        createdAt: recent,
      },
    ];
    expect((await statusesOf("github.no-overdue-critical-alerts"))["acme/api"]?.status).toBe(
      "pass",
    );
  });

  it("evaluation is pure: the same snapshot gives the same results", async () => {
    const snapshot = await githubConnector.collect(
      githubConnector.settings.parse({
        organization: "acme",
        repositories: "all",
        apiUrl: fake.url,
      }),
      githubConnector.credentials.parse({ token: fake.state.token }),
      { people: [] },
    );
    const copy = JSON.parse(JSON.stringify(snapshot)) as typeof snapshot;
    for (const check of githubConnector.checks) {
      expect(check.evaluate(copy)).toEqual(check.evaluate(snapshot));
    }
  });
});
