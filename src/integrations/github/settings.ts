/**
 * What a GitHub connector is configured with. Settings are stored in the clear; the token is a
 * credential and is stored sealed.
 */
import { z } from "zod";

/** GitHub logins and repository names: letters, digits, '-', '_' and '.'. */
const GITHUB_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Loopback hosts may be reached over plain http (a local test server); anything else needs https. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const apiUrl = z
  .url({ message: "apiUrl must be a URL such as https://api.github.com" })
  .refine(
    (value) => {
      const url = new URL(value);
      return (
        url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))
      );
    },
    { message: "apiUrl must use https (plain http is allowed only to a loopback address)" },
  )
  .transform((value) => value.replace(/\/+$/, ""));

/** "api, web" → ["api", "web"]; "all", lists and anything else pass through for zod to judge. */
function splitList(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (trimmed === "all") return trimmed;
  return trimmed
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

export const githubSettingsSchema = z.object({
  organization: z
    .string()
    .regex(GITHUB_NAME, { message: "organization must be a GitHub organization login" }),
  /**
   * "all" repositories of the organization, or a list of repository names in it. A form or the
   * CLI may give the list as one comma-separated string.
   */
  repositories: z.preprocess(
    splitList,
    z.union([
      z.literal("all"),
      z
        .array(
          z.string().regex(GITHUB_NAME, { message: "each repository must be a repository name" }),
        )
        .min(1, { message: 'repositories must name at least one repository, or be "all"' }),
    ]),
  ),
  /** The REST API root: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server. */
  apiUrl: apiUrl.default("https://api.github.com"),
  /** Days an open Dependabot alert may stay open before it is overdue, by severity. */
  criticalRemediationDays: z.number().int().min(1).max(365).default(7),
  highRemediationDays: z.number().int().min(1).max(365).default(30),
  /** How long one API call may take before the run gives up with "timeout". */
  timeoutSeconds: z.number().positive().max(300).default(30),
});
export type GitHubSettings = z.infer<typeof githubSettingsSchema>;

export const githubCredentialsSchema = z.object({
  token: z.string().trim().min(1, { message: "token is required" }),
});
export type GitHubCredentials = z.infer<typeof githubCredentialsSchema>;
