/**
 * Setup steps done through the HTTP API from a browser context's request client, so the
 * session cookie lands in that context: its pages are signed in as the same person.
 */
import type { APIRequestContext } from "playwright-core";
import type { BrowserRig } from "./browser.ts";
import { PASSWORD } from "./flows.ts";

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

export interface ApiClient {
  /** Calls the API; writes carry the session's CSRF token. */
  call<T = unknown>(method: string, path: string, data?: unknown): Promise<ApiAnswer<T>>;
  /** Like call, but throws unless the answer is 2xx. */
  ok<T = unknown>(method: string, path: string, data?: unknown): Promise<T>;
  /** POSTs one file as multipart/form-data (its `file` part); throws unless 2xx. */
  upload<T = unknown>(path: string, file: { name: string; content: string }): Promise<T>;
}

export function apiClient(request: APIRequestContext): ApiClient {
  const self: ApiClient = {
    async call<T>(method: string, path: string, data?: unknown) {
      const headers: Record<string, string> = {};
      if (method !== "GET") {
        const session = await request.get("/api/v1/auth/session");
        if (session.ok()) {
          headers["x-csrf-token"] = ((await session.json()) as { csrfToken: string }).csrfToken;
        }
      }
      const response = await request.fetch(path, {
        method,
        headers,
        ...(data === undefined ? {} : { data }),
      });
      const text = await response.text();
      return { status: response.status(), body: (text === "" ? undefined : JSON.parse(text)) as T };
    },
    async ok<T>(method: string, path: string, data?: unknown) {
      const answer = await self.call<T>(method, path, data);
      if (answer.status >= 300) {
        throw new Error(
          `${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
        );
      }
      return answer.body;
    },
    async upload<T>(path: string, file: { name: string; content: string }) {
      const session = await request.get("/api/v1/auth/session");
      const { csrfToken } = (await session.json()) as { csrfToken: string };
      const response = await request.fetch(path, {
        method: "POST",
        headers: { "x-csrf-token": csrfToken },
        multipart: {
          file: {
            name: file.name,
            mimeType: "application/json",
            buffer: Buffer.from(file.content),
          },
        },
      });
      const text = await response.text();
      if (response.status() >= 300)
        throw new Error(`POST ${path} answered ${response.status()}: ${text}`);
      return JSON.parse(text) as T;
    },
  };
  return self;
}

/** Creates the first owner with the setup link's token; the context is then signed in. */
export async function setupOwnerViaApi(
  rig: BrowserRig,
  request: APIRequestContext,
  email: string,
): Promise<ApiClient> {
  if (rig.server.setupUrl === null) throw new Error("the server printed no setup link");
  const token = new URL(rig.server.setupUrl).searchParams.get("token");
  const client = apiClient(request);
  await client.ok("POST", "/api/v1/setup", {
    token,
    email,
    name: "Olivia Owner",
    password: PASSWORD,
  });
  return client;
}

/** An organization with the control library adopted; returns its slug. */
export async function createOrgViaApi(
  client: ApiClient,
  name: string,
  categories: string[] = ["security"],
): Promise<string> {
  const created = await client.ok<{ organization: { slug: string } }>("POST", "/api/v1/orgs", {
    name,
    categories,
  });
  return created.organization.slug;
}

/** Today's date in UTC, as the API writes calendar dates. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
