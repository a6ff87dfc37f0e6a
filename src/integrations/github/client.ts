/**
 * One Octokit per run, pointed at the configured API root, and the translation of everything
 * that can go wrong on the wire into a ConnectorError. Octokit's REST client has no retry or
 * throttling plugin, so a failed call fails the run at once; the framework retries it later.
 */
import type { Octokit } from "@octokit/rest";
import type { z } from "zod";
import { ConnectorError } from "../../domain/checks/check.ts";
import type { GitHubCredentials, GitHubSettings } from "./settings.ts";

/** Thrown by our fetch when the API sends no answer in time; Octokit keeps it as the cause. */
class GitHubTimeout extends Error {
  constructor(readonly seconds: number) {
    super(`GitHub did not answer within ${seconds} s`);
    this.name = "GitHubTimeout";
  }
}

function fetchWithTimeout(seconds: number): typeof fetch {
  return async (input, init) => {
    try {
      return await fetch(input, { ...init, signal: AbortSignal.timeout(seconds * 1000) });
    } catch (error) {
      if (error instanceof Error && error.name === "TimeoutError") throw new GitHubTimeout(seconds);
      throw error;
    }
  };
}

const silent = () => undefined;

export interface GitHubClient {
  octokit: Octokit;
  timeoutSeconds: number;
}

/**
 * Octokit is imported here, on first use, so that reading the checks (readiness, tasks, the
 * checks list) never loads an SDK: only a run, a connection test or a pull does.
 */
export async function createGitHubClient(
  settings: Pick<GitHubSettings, "apiUrl" | "timeoutSeconds">,
  credentials: GitHubCredentials,
): Promise<GitHubClient> {
  const { Octokit } = await import("@octokit/rest");
  const octokit = new Octokit({
    auth: credentials.token,
    baseUrl: settings.apiUrl,
    userAgent: "attest-compliance",
    // Octokit's default logger prints warnings to the console; a run's outcome is recorded instead.
    log: { debug: silent, info: silent, warn: silent, error: silent },
    request: { fetch: fetchWithTimeout(settings.timeoutSeconds) },
  });
  return { octokit, timeoutSeconds: settings.timeoutSeconds };
}

/** The parts of Octokit's RequestError we read, without depending on its package directly. */
interface HttpFailure {
  status: number;
  response?: { headers: Record<string, string | undefined>; data: unknown };
  cause?: unknown;
}

function asHttpFailure(error: unknown): HttpFailure | null {
  if (typeof error !== "object" || error === null) return null;
  const status = (error as { status?: unknown }).status;
  return typeof status === "number" ? (error as HttpFailure) : null;
}

/** The `message` GitHub puts in every error body, when there is one. */
export function githubMessage(failure: HttpFailure): string {
  const data = failure.response?.data;
  if (typeof data === "object" && data !== null && "message" in data) {
    const message = (data as { message: unknown }).message;
    if (typeof message === "string") return message;
  }
  return "";
}

function retryAfterSeconds(headers: Record<string, string | undefined>): number | null {
  const retryAfter = Number(headers["retry-after"]);
  if (headers["retry-after"] !== undefined && Number.isFinite(retryAfter)) {
    return Math.max(0, Math.ceil(retryAfter));
  }
  const reset = Number(headers["x-ratelimit-reset"]);
  if (headers["x-ratelimit-reset"] !== undefined && Number.isFinite(reset)) {
    return Math.max(0, Math.ceil(reset - Date.now() / 1000));
  }
  return null;
}

/** `what` names the call in words ("list the members of acme"), for the run's error message. */
export function toConnectorError(error: unknown, what: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const failure = asHttpFailure(error);
  const cause = failure?.cause ?? (error as { cause?: unknown } | null)?.cause;
  if (cause instanceof GitHubTimeout) {
    return new ConnectorError("timeout", `${what}: ${cause.message}`);
  }
  if (!failure) {
    // Network failures arrive as HTTP failures (Octokit gives them status 500); anything else
    // was thrown while reading the answer, such as Octokit paging through a body that is not JSON.
    const message = error instanceof Error ? error.message : String(error);
    return new ConnectorError(
      "invalid-answer",
      `${what}: GitHub's answer could not be read: ${message}`,
    );
  }
  const headers = failure.response?.headers ?? {};
  const said = githubMessage(failure);
  const quoted = said ? ` ("${said}")` : "";
  const rateLimited =
    failure.status === 429 ||
    (failure.status === 403 &&
      (headers["x-ratelimit-remaining"] === "0" ||
        headers["retry-after"] !== undefined ||
        /rate limit/i.test(said)));
  if (rateLimited) {
    const wait = retryAfterSeconds(headers);
    const when = wait === null ? "" : `; retry after ${wait} s`;
    return new ConnectorError("rate-limited", `${what}: GitHub rate limit reached${when}`, wait);
  }
  if (failure.status === 401) {
    return new ConnectorError("unauthorized", `${what}: GitHub refused the token (401)${quoted}`);
  }
  if (failure.status === 403) {
    return new ConnectorError("forbidden", `${what}: the token lacks a permission (403)${quoted}`);
  }
  if (failure.status === 404) {
    return new ConnectorError(
      "forbidden",
      `${what}: not found, or not visible to the token (404)${quoted}`,
    );
  }
  if (failure.status >= 500 && !failure.response) {
    return new ConnectorError("unavailable", `${what}: GitHub could not be reached`);
  }
  if (failure.status >= 500) {
    return new ConnectorError("unavailable", `${what}: GitHub answered ${failure.status}${quoted}`);
  }
  return new ConnectorError(
    "invalid-answer",
    `${what}: GitHub answered ${failure.status}${quoted}`,
  );
}

/** The HTTP status of a failed call, for the few endpoints where a 404 is an answer. */
export function failedStatus(error: unknown): { status: number; message: string } | null {
  const failure = asHttpFailure(error);
  return failure?.response ? { status: failure.status, message: githubMessage(failure) } : null;
}

/** Checks an answer against the fields we use; anything else is an "invalid-answer". */
export function parseAnswer<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
  throw new ConnectorError(
    "invalid-answer",
    `${what}: GitHub's answer is not as documented${where}: ${issue?.message ?? "unreadable"}`,
  );
}

/** Runs one call (or one paginated listing), parses its answer, and maps every failure. */
export async function request<T>(
  what: string,
  schema: z.ZodType<T>,
  call: () => Promise<unknown>,
): Promise<T> {
  let data: unknown;
  try {
    data = await call();
  } catch (error) {
    throw toConnectorError(error, what);
  }
  return parseAnswer(schema, data, what);
}
