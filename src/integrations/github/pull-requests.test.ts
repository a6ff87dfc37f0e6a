// The merged pull requests population against the fake GitHub API: only merged ones inside the
// period, across the in-scope repositories, with who approved them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConnectorError } from "../../domain/checks/check.ts";
import { startFakeGitHub } from "../../../test/support/fake-github.ts";
import type { FakeGitHub, FakePullRequest, FakeReview } from "../../../test/support/fake-github.ts";
import { githubConnector } from "./connector.ts";

let fake: FakeGitHub;

beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

const population = () => {
  const pull = githubConnector.populations.find(
    (candidate) => candidate.id === "github.merged-pull-requests",
  );
  if (!pull) throw new Error("no merged pull requests population");
  return pull;
};

function pullRequest(
  number: number,
  mergedAt: string | null,
  reviews: FakeReview[] = [],
  closedAt: string | null = mergedAt,
): FakePullRequest {
  return {
    number,
    title: `Change ${number}`,
    author: "alice",
    createdAt: "2026-01-01T09:00:00Z",
    updatedAt: closedAt ?? "2026-06-01T09:00:00Z",
    closedAt,
    mergedAt,
    reviews,
  };
}

const approvedBy = (reviewer: string, state: FakeReview["state"] = "APPROVED"): FakeReview => ({
  reviewer,
  state,
  submittedAt: "2026-02-01T09:00:00Z",
});

const settings = (repositories: unknown = "all") =>
  githubConnector.settings.parse({
    organization: "acme",
    repositories,
    apiUrl: fake.url,
    timeoutSeconds: 1,
  });
const credentials = () => githubConnector.credentials.parse({ token: fake.state.token });
const period = { start: "2026-01-01", end: "2026-03-31" };

describe("github.merged-pull-requests", () => {
  it("pulls merged pull requests of the period with their approvals, keyed owner/repo#number", async () => {
    const [api, web] = fake.state.repositories;
    if (!api || !web) throw new Error("fixture");
    api.pulls = [
      pullRequest(1, "2026-02-03T10:00:00Z", [approvedBy("bob"), approvedBy("carol")]),
      // Closed without merging: not a change.
      pullRequest(2, null, [], "2026-02-04T10:00:00Z"),
      // Merged after the period.
      pullRequest(3, "2026-04-02T10:00:00Z", [approvedBy("bob")]),
      // Still open.
      pullRequest(4, null, [], null),
      // The author's own approval does not count; a later request for changes replaces an approval.
      pullRequest(5, "2026-01-15T08:00:00Z", [
        approvedBy("alice"),
        approvedBy("dave"),
        approvedBy("dave", "CHANGES_REQUESTED"),
        approvedBy("erin", "COMMENTED"),
      ]),
    ];
    web.pulls = [pullRequest(7, "2026-03-31T23:00:00Z", [approvedBy("bob")])];

    const result = await population().pull(settings(), credentials(), period);
    expect(result.occurrences).toEqual([
      {
        key: "acme/api#5",
        date: "2026-01-15",
        label: "pull request #5 (acme/api): Change 5; no approving review",
      },
      {
        key: "acme/api#1",
        date: "2026-02-03",
        label: "pull request #1 (acme/api): Change 1; approved by bob, carol",
      },
      {
        key: "acme/web#7",
        date: "2026-03-31",
        label: "pull request #7 (acme/web): Change 7; approved by bob",
      },
    ]);
    expect(result.query).toContain("acme");
    expect(result.query).toContain("2026-01-01 to 2026-03-31");
  });

  it("pages through closed pull requests and stops once they were last updated before the period", async () => {
    fake.state.maxPerPage = 2;
    const api = fake.state.repositories[0];
    if (!api) throw new Error("fixture");
    api.pulls = [
      pullRequest(10, "2026-03-01T00:00:00Z", [approvedBy("bob")]),
      pullRequest(11, "2026-02-20T00:00:00Z", [approvedBy("bob")]),
      pullRequest(12, "2026-02-10T00:00:00Z", [approvedBy("bob")]),
      pullRequest(13, "2025-12-20T00:00:00Z"),
      pullRequest(14, "2025-11-20T00:00:00Z"),
      pullRequest(15, "2025-10-20T00:00:00Z"),
      pullRequest(16, "2025-09-20T00:00:00Z"),
    ];
    const result = await population().pull(settings(["api"]), credentials(), period);
    expect(result.occurrences.map((occurrence) => occurrence.key)).toEqual([
      "acme/api#12",
      "acme/api#11",
      "acme/api#10",
    ]);
    const pages = fake.state.requests.filter((line) =>
      line.startsWith("GET /repos/acme/api/pulls?"),
    );
    // Page 2 ends with a pull request updated before the period, so page 3 and 4 are never asked.
    expect(pages).toHaveLength(2);
  });

  it("fails with a ConnectorError instead of a partial population", async () => {
    const api = fake.state.repositories[0];
    if (!api) throw new Error("fixture");
    api.pulls = [pullRequest(1, "2026-02-03T10:00:00Z", [approvedBy("bob")])];
    fake.state.failure = {
      kind: "status",
      status: 429,
      path: "/reviews",
      headers: { "retry-after": "5" },
      body: { message: "You have exceeded a secondary rate limit." },
    };
    const error = await population()
      .pull(settings(), credentials(), period)
      .then(
        () => null,
        (thrown: unknown) => thrown,
      );
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).failure).toBe("rate-limited");
    expect((error as ConnectorError).retryAfterSeconds).toBe(5);
  });
});
