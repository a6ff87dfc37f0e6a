/**
 * The merged pull requests of the in-scope repositories within a period, with who approved
 * them: the population an auditor samples for change management (CM-02, CM-03).
 */
import type { PopulationPull, PulledOccurrence } from "../../domain/checks/check.ts";
import { pullRequestsAnswer, reviewsAnswer } from "./api-shapes.ts";
import { createGitHubClient, parseAnswer, request } from "./client.ts";
import type { GitHubClient } from "./client.ts";
import { listRepositoriesInScope } from "./collect.ts";
import type { GitHubCredentials, GitHubSettings } from "./settings.ts";

const PER_PAGE = 100;

interface MergedPullRequest {
  number: number;
  title: string;
  author: string | null;
  mergedOn: string;
}

/** Pull requests closed in a repository, newest update first, stopping before the period. */
async function mergedInPeriod(
  client: GitHubClient,
  owner: string,
  repo: string,
  period: { start: string; end: string },
): Promise<MergedPullRequest[]> {
  const what = `list the closed pull requests of ${owner}/${repo}`;
  const pulls = await request(what, pullRequestsAnswer, () =>
    client.octokit.paginate(
      client.octokit.rest.pulls.list,
      { owner, repo, state: "closed", sort: "updated", direction: "desc", per_page: PER_PAGE },
      (response, done) => {
        const page = parseAnswer(pullRequestsAnswer, response.data, what);
        // A pull request merged in the period was updated no earlier than its merge.
        const last = page.at(-1);
        if (last && last.updated_at.slice(0, 10) < period.start) done();
        return page;
      },
    ),
  );
  return pulls
    .filter((pull) => pull.merged_at !== null)
    .map((pull) => ({
      number: pull.number,
      title: pull.title,
      author: pull.user?.login ?? null,
      mergedOn: (pull.merged_at ?? "").slice(0, 10),
    }))
    .filter((pull) => pull.mergedOn >= period.start && pull.mergedOn <= period.end);
}

/** Who approved: each reviewer's latest verdict counts, and authors cannot approve their own. */
async function approversOf(
  client: GitHubClient,
  owner: string,
  repo: string,
  pull: MergedPullRequest,
): Promise<string[]> {
  const reviews = await request(
    `list the reviews of ${owner}/${repo}#${pull.number}`,
    reviewsAnswer,
    () =>
      client.octokit.paginate(client.octokit.rest.pulls.listReviews, {
        owner,
        repo,
        pull_number: pull.number,
        per_page: PER_PAGE,
      }),
  );
  const latest = new Map<string, string>();
  for (const review of reviews) {
    if (!review.user || review.state === "COMMENTED" || review.state === "PENDING") continue;
    latest.set(review.user.login, review.state);
  }
  return [...latest]
    .filter(([login, state]) => state === "APPROVED" && login !== pull.author)
    .map(([login]) => login)
    .sort((a, b) => a.localeCompare(b));
}

export const mergedPullRequests: PopulationPull<GitHubSettings, GitHubCredentials> = {
  id: "github.merged-pull-requests",
  title: "Merged pull requests",
  controls: ["CM-02", "CM-03"],
  async pull(settings, credentials, period) {
    const client = await createGitHubClient(settings, credentials);
    const repositories = await listRepositoriesInScope(client, settings);
    const occurrences: PulledOccurrence[] = [];
    for (const repository of repositories) {
      const owner = repository.owner.login;
      const repo = repository.name;
      for (const pull of await mergedInPeriod(client, owner, repo, period)) {
        const approvers = await approversOf(client, owner, repo, pull);
        const approval =
          approvers.length > 0 ? `approved by ${approvers.join(", ")}` : "no approving review";
        occurrences.push({
          key: `${repository.full_name}#${pull.number}`,
          date: pull.mergedOn,
          label: `pull request #${pull.number} (${repository.full_name}): ${pull.title}; ${approval}`,
        });
      }
    }
    occurrences.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
    const scope =
      settings.repositories === "all" ? "all repositories" : settings.repositories.join(", ");
    return {
      query:
        `GitHub ${settings.apiUrl}: pull requests of ${settings.organization} (${scope}) ` +
        `merged from ${period.start} to ${period.end}, with their approving reviews`,
      occurrences,
    };
  },
};
