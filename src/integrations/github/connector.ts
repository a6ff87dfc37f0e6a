/**
 * The GitHub connector: reads an organization through Octokit (github.com, or GitHub Enterprise
 * Server through `apiUrl`) into a snapshot its checks evaluate, and pulls merged pull requests
 * as a population.
 */
import type { ConnectorDefinition } from "../../domain/checks/check.ts";
import { githubChecks } from "./checks/index.ts";
import { createGitHubClient, request } from "./client.ts";
import { organizationAnswer } from "./api-shapes.ts";
import { collectSnapshot } from "./collect.ts";
import { mergedPullRequests } from "./pull-requests.ts";
import { githubCredentialsSchema, githubSettingsSchema } from "./settings.ts";
import type { GitHubCredentials, GitHubSettings } from "./settings.ts";
import type { GitHubSnapshot } from "./snapshot.ts";
import { syntheticGitHubSnapshot } from "./synthetic.ts";

export const githubConnector: ConnectorDefinition<
  GitHubSettings,
  GitHubCredentials,
  GitHubSnapshot
> = {
  kind: "github",
  title: "GitHub",
  permissions: [
    "Organization permissions › Members: read (members, their two-factor state, outside collaborators)",
    "Organization permissions › Administration: read (two-factor requirement, base repository permission)",
    "Repository permissions › Metadata: read (repositories, rulesets that apply to a branch)",
    "Repository permissions › Administration: read (branch protection, security features, Dependabot alerts setting, collaborators)",
    "Repository permissions › Dependabot alerts: read (open alerts)",
    "Repository permissions › Pull requests: read (merged pull requests and their reviews)",
    "The token's owner must be an organization owner for GitHub to answer the two-factor filter",
  ],
  fields: [
    {
      name: "organization",
      label: "Organization",
      secret: false,
      required: true,
      help: "The organization's login, as in github.com/ORGANIZATION.",
    },
    {
      name: "repositories",
      label: "Repositories in scope",
      secret: false,
      required: true,
      help: 'Either "all", or a comma-separated list of repository names in the organization.',
    },
    {
      name: "apiUrl",
      label: "API URL",
      secret: false,
      required: false,
      help: "https://api.github.com (the default), or https://HOST/api/v3 for GitHub Enterprise Server.",
    },
    {
      name: "token",
      label: "Fine-grained personal access token",
      secret: true,
      required: true,
      help: "A read-only fine-grained token for the organization; see the permissions listed.",
    },
  ],
  settings: githubSettingsSchema,
  credentials: githubCredentialsSchema,
  async testConnection(settings, credentials) {
    const client = await createGitHubClient(settings, credentials);
    await request(`read organization ${settings.organization}`, organizationAnswer, async () => {
      return (await client.octokit.rest.orgs.get({ org: settings.organization })).data;
    });
  },
  async collect(settings, credentials) {
    return collectSnapshot(await createGitHubClient(settings, credentials), settings, new Date());
  },
  checks: githubChecks,
  populations: [mergedPullRequests],
  syntheticSnapshot: syntheticGitHubSnapshot,
};
