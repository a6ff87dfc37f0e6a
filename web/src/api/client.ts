/**
 * The one way the app talks to the API: JSON over fetch with the session cookie, the CSRF
 * header on every write, and failures turned into ApiError carrying the server's problem.
 */
import type { Problem } from "./types.ts";

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
  /** A 401 is an expected answer here (sign-in, the session probe): do not send to /login. */
  allowUnauthenticated?: boolean;
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  get fieldErrors(): { field: string; message: string }[] {
    return this.problem.errors ?? [];
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => undefined;

/** The session hands out the token; every write authenticated by cookie must echo it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function csrfHeaders(): Record<string, string> {
  return csrfToken === null ? {} : { "x-csrf-token": csrfToken };
}

/** The app decides what "signed out" means (clear the session, go to /login). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function notifyUnauthenticated(): void {
  onUnauthenticated();
}

export function withQuery(path: string, query: QueryParams = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search === "" ? path : `${path}?${search}`;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { status?: unknown }).status === "number" &&
    typeof (value as { detail?: unknown }).detail === "string"
  );
}

/** A problem for answers that did not bring one (a proxy's HTML error page, a dropped line). */
export function problemFromStatus(status: number, statusText: string, requestId = ""): Problem {
  const detail =
    status === 0
      ? "The server could not be reached. Check your connection and try again."
      : status === 413
        ? "The file is larger than the server accepts."
        : `The server answered ${status} ${statusText}.`.trim();
  return {
    type: "about:blank",
    title: status === 0 ? "Network error" : statusText || "Request failed",
    status,
    detail,
    code: status === 0 ? "NETWORK" : status >= 500 ? "INTERNAL" : "HTTP_ERROR",
    requestId,
  };
}

/** Reads an error answer into a Problem, whatever it looks like. */
export function toProblem(
  status: number,
  statusText: string,
  body: string,
  requestId = "",
): Problem {
  try {
    const parsed: unknown = JSON.parse(body);
    if (isProblem(parsed)) return { ...parsed, requestId: parsed.requestId || requestId };
  } catch {
    // Not JSON: described from the status alone below.
  }
  return problemFromStatus(status, statusText, requestId);
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET") Object.assign(headers, csrfHeaders());
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(problemFromStatus(0, ""));
  }
  if (!response.ok) {
    const problem = toProblem(
      response.status,
      response.statusText,
      await response.text(),
      response.headers.get("x-request-id") ?? "",
    );
    if (response.status === 401 && options.allowUnauthenticated !== true) notifyUnauthenticated();
    throw new ApiError(problem);
  }
  if (response.status === 204 || response.status === 202) return undefined as T;
  const text = await response.text();
  return (text === "" ? undefined : JSON.parse(text)) as T;
}

/** Some list answers are bare arrays, most are `{ items }`; callers want the items either way. */
export function itemsOf<T>(body: T[] | { items: T[] } | null | undefined): T[] {
  if (body === null || body === undefined) return [];
  return Array.isArray(body) ? body : body.items;
}

export const orgPath = (org: string, rest = ""): string =>
  `/api/v1/orgs/${encodeURIComponent(org)}${rest}`;

/** For writes whose answer has no body worth reading (204, 202). */
export async function send(path: string, options: RequestOptions = {}): Promise<void> {
  await api<unknown>(path, options);
}
