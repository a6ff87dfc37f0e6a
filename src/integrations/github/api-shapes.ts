/**
 * The parts of GitHub's documented REST answers the connector reads, as zod schemas. Fields we
 * do not use are ignored; a field we use that is missing or of the wrong type makes the answer
 * "invalid-answer", so a check never runs on a guess.
 */
import { z } from "zod";

export const organizationAnswer = z.object({
  login: z.string(),
  // Only organization owners see these two; others get the organization without them.
  two_factor_requirement_enabled: z.boolean().nullish(),
  default_repository_permission: z.string().nullish(),
});

export const userAnswer = z.object({ login: z.string() });
export const usersAnswer = z.array(userAnswer);

const featureStatus = z.object({ status: z.enum(["enabled", "disabled"]) }).nullish();

export const repositoryAnswer = z.object({
  name: z.string(),
  full_name: z.string(),
  owner: z.object({ login: z.string() }),
  default_branch: z.string(),
  archived: z.boolean(),
  // Shown only to those with admin rights on the repository.
  security_and_analysis: z
    .object({
      secret_scanning: featureStatus,
      secret_scanning_push_protection: featureStatus,
    })
    .nullish(),
});
export const repositoriesAnswer = z.array(repositoryAnswer);
export type RepositoryAnswer = z.infer<typeof repositoryAnswer>;

const enabledFlag = z.object({ enabled: z.boolean() });

export const branchProtectionAnswer = z.object({
  required_pull_request_reviews: z
    .object({
      required_approving_review_count: z.number().int().min(0).optional(),
      dismiss_stale_reviews: z.boolean().optional(),
      require_last_push_approval: z.boolean().optional(),
    })
    .optional(),
  required_status_checks: z
    .object({
      contexts: z.array(z.string()),
      checks: z.array(z.object({ context: z.string() })).optional(),
    })
    .nullish(),
  enforce_admins: enabledFlag.optional(),
  allow_force_pushes: enabledFlag.optional(),
  allow_deletions: enabledFlag.optional(),
});
export type BranchProtectionAnswer = z.infer<typeof branchProtectionAnswer>;

export const branchRulesAnswer = z.array(
  z.object({ type: z.string(), parameters: z.record(z.string(), z.unknown()).optional() }),
);

export const pullRequestRuleParameters = z.object({
  required_approving_review_count: z.number().int().min(0),
  dismiss_stale_reviews_on_push: z.boolean(),
  require_last_push_approval: z.boolean(),
});

export const statusChecksRuleParameters = z.object({
  required_status_checks: z.array(z.object({ context: z.string() })),
});

export const dependabotAlertsAnswer = z.array(
  z.object({
    number: z.number().int(),
    state: z.string(),
    created_at: z.string(),
    dependency: z.object({ package: z.object({ name: z.string() }) }),
    security_advisory: z.object({
      summary: z.string(),
      severity: z.enum(["low", "medium", "high", "critical"]),
    }),
  }),
);

export const collaboratorsAnswer = z.array(
  z.object({
    login: z.string(),
    permissions: z.object({ admin: z.boolean() }).optional(),
  }),
);

export const pullRequestsAnswer = z.array(
  z.object({
    number: z.number().int(),
    title: z.string(),
    updated_at: z.string(),
    merged_at: z.string().nullable(),
    user: z.object({ login: z.string() }).nullable(),
  }),
);

export const reviewsAnswer = z.array(
  z.object({ user: z.object({ login: z.string() }).nullable(), state: z.string() }),
);
