/**
 * A local HTTP server that answers the GitHub REST API endpoints the connector calls, as GitHub
 * documents them: bearer/token authentication (401 "Bad credentials"), JSON bodies, page-based
 * Link pagination (cursor-based for Dependabot alerts), rate-limit headers and their 403/429
 * answers, 404 bodies, and 204 for "Dependabot alerts on". Its state is mutable between calls.
 */
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  collaboratorAnswer,
  dependabotAlertAnswer,
  organizationAnswer,
  protectionAnswer,
  pullRequestAnswer,
  repositoryAnswer,
  reviewAnswer,
  ruleAnswer,
  simpleUser,
} from "./fake-github-answers.ts";
import { compliantState } from "./fake-github-state.ts";
import type { FakeGitHubState, FakeRepository } from "./fake-github-state.ts";

export * from "./fake-github-state.ts";

const DOCS = "https://docs.github.com/rest";
const RATE_LIMIT = 5000;
/** Seconds until the primary rate limit resets, as the fake reports it. */
const RESET_IN_SECONDS = 600;

export interface FakeGitHub {
  /** The API root to give the connector as `apiUrl`. */
  url: string;
  state: FakeGitHubState;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

class Reply {
  constructor(readonly answer: Answer) {}
}

function notFound(message = "Not Found"): Reply {
  return new Reply({ status: 404, body: { message, documentation_url: DOCS, status: "404" } });
}

function perPage(query: URLSearchParams, state: FakeGitHubState): number {
  const asked = Number(query.get("per_page") ?? "30");
  const size = Number.isInteger(asked) && asked > 0 ? Math.min(asked, 100) : 30;
  return Math.min(size, state.maxPerPage);
}

/** Page-based pagination with a Link header naming next, last, first and prev as GitHub does. */
function paged(url: URL, state: FakeGitHubState, items: unknown[]): Answer {
  const size = perPage(url.searchParams, state);
  const page = Math.max(1, Number(url.searchParams.get("page") ?? "1") || 1);
  const last = Math.max(1, Math.ceil(items.length / size));
  const link = (target: number, rel: string) => {
    const next = new URL(url);
    next.searchParams.set("page", String(target));
    return `<${next.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) links.push(link(1, "first"), link(page - 1, "prev"));
  return {
    status: 200,
    body: items.slice((page - 1) * size, page * size),
    headers: links.length > 0 ? { link: links.join(", ") } : {},
  };
}

/** Cursor pagination (`after`), as the Dependabot alerts endpoint pages. */
function cursorPaged(url: URL, state: FakeGitHubState, items: unknown[]): Answer {
  const size = perPage(url.searchParams, state);
  const after = url.searchParams.get("after");
  const start = after ? Number(Buffer.from(after, "base64url").toString("utf8")) : 0;
  if (!Number.isInteger(start) || start < 0) {
    return { status: 400, body: { message: "Invalid cursor", documentation_url: DOCS } };
  }
  const headers: Record<string, string> = {};
  if (start + size < items.length) {
    const next = new URL(url);
    next.searchParams.set("after", Buffer.from(String(start + size)).toString("base64url"));
    next.searchParams.delete("page");
    headers.link = `<${next.toString()}>; rel="next"`;
  }
  return { status: 200, body: items.slice(start, start + size), headers };
}

function findRepository(state: FakeGitHubState, owner: string, name: string): FakeRepository {
  const repository =
    owner.toLowerCase() === state.organization.login.toLowerCase()
      ? state.repositories.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase())
      : undefined;
  if (!repository) throw notFound();
  return repository;
}

function route(base: string, url: URL, state: FakeGitHubState): Answer {
  const basePath = new URL(base).pathname.replace(/\/+$/, "");
  const path = url.pathname.slice(basePath.length).replace(/\/+$/, "");
  const parts = path.split("/").slice(1).map(decodeURIComponent);
  const org = state.organization.login;
  const query = url.searchParams;

  if (parts[0] === "orgs") {
    if (parts[1]?.toLowerCase() !== org.toLowerCase()) throw notFound();
    if (parts.length === 2) return { status: 200, body: organizationAnswer(base, state) };
    if (parts.length === 3 && parts[2] === "members") {
      if (query.get("filter") === "2fa_disabled" && !state.tokenIsOwner) {
        return {
          status: 422,
          body: {
            message: "Only owners can use this filter.",
            documentation_url: DOCS,
            status: "422",
          },
        };
      }
      const members =
        query.get("filter") === "2fa_disabled"
          ? state.members.filter((member) => !member.twoFactorEnabled)
          : state.members;
      return paged(
        url,
        state,
        members.map((member) => simpleUser(base, member.login)),
      );
    }
    if (parts.length === 3 && parts[2] === "repos") {
      return paged(
        url,
        state,
        state.repositories.map((repository) => repositoryAnswer(base, org, repository)),
      );
    }
    throw notFound();
  }

  if (parts[0] === "repos" && parts.length >= 3) {
    const repository = findRepository(state, parts[1] ?? "", parts[2] ?? "");
    const fullName = `${org}/${repository.name}`;
    const rest = parts.slice(3);
    if (rest.length === 0) return { status: 200, body: repositoryAnswer(base, org, repository) };
    if (rest[0] === "branches" && rest[2] === "protection" && rest.length === 3) {
      if (rest[1] !== repository.defaultBranch) throw notFound("Branch not found");
      if (!repository.protection) throw notFound("Branch not protected");
      return {
        status: 200,
        body: protectionAnswer(base, fullName, repository.defaultBranch, repository.protection),
      };
    }
    if (rest[0] === "rules" && rest[1] === "branches" && rest.length === 3) {
      // Rules apply by branch name whether or not the branch exists; the fixture's apply to main.
      const rules = rest[2] === repository.defaultBranch ? repository.rules : [];
      return paged(
        url,
        state,
        rules.map((rule, index) => ruleAnswer(fullName, rule, index)),
      );
    }
    if (rest[0] === "vulnerability-alerts" && rest.length === 1) {
      if (!repository.vulnerabilityAlerts) throw notFound();
      return { status: 204 };
    }
    if (rest[0] === "dependabot" && rest[1] === "alerts" && rest.length === 2) {
      if (!repository.vulnerabilityAlerts) {
        return {
          status: 403,
          body: {
            message: "Dependabot alerts are disabled for this repository.",
            documentation_url: DOCS,
          },
        };
      }
      const wanted = query.get("state")?.split(",");
      const alerts = repository.dependabotAlerts.filter(
        (alert) => !wanted || wanted.includes(alert.state),
      );
      return cursorPaged(
        url,
        state,
        alerts.map((alert) => dependabotAlertAnswer(base, fullName, alert)),
      );
    }
    if (rest[0] === "collaborators" && rest.length === 1) {
      // The fixture holds outside collaborators only; members are not listed as collaborators.
      return paged(
        url,
        state,
        repository.outsideCollaborators.map((person) => collaboratorAnswer(base, person)),
      );
    }
    if (rest[0] === "pulls" && rest.length === 1) {
      const wanted = query.get("state") ?? "open";
      const direction = query.get("direction") ?? "desc";
      const key = query.get("sort") === "updated" ? "updatedAt" : "createdAt";
      const pulls = repository.pulls
        .filter((pull) => wanted === "all" || (wanted === "open") === (pull.closedAt === null))
        .sort((a, b) =>
          direction === "asc" ? a[key].localeCompare(b[key]) : b[key].localeCompare(a[key]),
        );
      return paged(
        url,
        state,
        pulls.map((pull) => pullRequestAnswer(base, fullName, pull)),
      );
    }
    if (rest[0] === "pulls" && rest[2] === "reviews" && rest.length === 3) {
      const pull = repository.pulls.find((candidate) => String(candidate.number) === rest[1]);
      if (!pull) throw notFound();
      return paged(
        url,
        state,
        pull.reviews.map((review, index) =>
          reviewAnswer(base, fullName, pull.number, review, index),
        ),
      );
    }
  }
  throw notFound();
}

function authorized(request: IncomingMessage, state: FakeGitHubState): boolean {
  const header = request.headers.authorization ?? "";
  const [scheme, token] = header.split(" ");
  return (
    (scheme?.toLowerCase() === "token" || scheme?.toLowerCase() === "bearer") &&
    token === state.token
  );
}

function send(response: ServerResponse, answer: Answer, rateHeaders: Record<string, string>): void {
  const headers: Record<string, string> = {
    "x-github-media-type": "github.v3; format=json",
    "x-github-api-version-selected": "2022-11-28",
    ...rateHeaders,
    ...answer.headers,
  };
  if (answer.body === undefined) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  headers["content-type"] = "application/json; charset=utf-8";
  response.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
}

function handle(
  base: string,
  state: FakeGitHubState,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const url = new URL(request.url ?? "/", base);
  state.requests.push(`${request.method} ${url.pathname}${url.search}`);
  const failure = state.failure;
  if (failure && (!failure.path || url.pathname.includes(failure.path))) {
    if (failure.kind === "hang") return;
    if (failure.kind === "malformed") {
      response
        .writeHead(200, { "content-type": "application/json; charset=utf-8" })
        .end('{"login": ');
      return;
    }
    send(response, { status: failure.status, body: failure.body, headers: failure.headers }, {});
    return;
  }
  if (!authorized(request, state)) {
    send(
      response,
      { status: 401, body: { message: "Bad credentials", documentation_url: DOCS, status: "401" } },
      {},
    );
    return;
  }
  const reset = String(Math.floor(Date.now() / 1000) + RESET_IN_SECONDS);
  const remaining = Math.max(0, state.rateLimitRemaining - 1);
  const rateHeaders = {
    "x-ratelimit-limit": String(RATE_LIMIT),
    "x-ratelimit-remaining": String(remaining),
    "x-ratelimit-used": String(RATE_LIMIT - remaining),
    "x-ratelimit-reset": reset,
    "x-ratelimit-resource": "core",
  };
  if (state.rateLimitRemaining <= 0) {
    const body = { message: "API rate limit exceeded for user ID 1.", documentation_url: DOCS };
    send(response, { status: 403, body }, { ...rateHeaders, "x-ratelimit-remaining": "0" });
    return;
  }
  state.rateLimitRemaining = remaining;
  if (request.method !== "GET") {
    send(
      response,
      { status: 404, body: { message: "Not Found", documentation_url: DOCS } },
      rateHeaders,
    );
    return;
  }
  try {
    send(response, route(base, url, state), rateHeaders);
  } catch (error) {
    if (!(error instanceof Reply)) throw error;
    send(response, error.answer, rateHeaders);
  }
}

/** Starts the fake on a free loopback port. `basePath` mimics GitHub Enterprise's "/api/v3". */
export async function startFakeGitHub(
  options: { state?: FakeGitHubState; basePath?: string } = {},
): Promise<FakeGitHub> {
  const state = options.state ?? compliantState();
  let base = "";
  const server = createServer((request, response) => handle(base, state, request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}${options.basePath ?? ""}`;
  return {
    url: base,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
