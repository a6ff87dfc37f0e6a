/**
 * A local HTTP server that answers as AWS does, for the AWS connector's tests: one endpoint
 * for IAM, STS, EC2, RDS (Query protocol, XML), CloudTrail (awsJson1_1), GuardDuty
 * (REST-JSON) and S3 (REST-XML, path-style). It tells services and regions apart as AWS
 * does, by the SigV4 credential scope of each request ("AKID/date/region/service/aws4_request"),
 * rejects unknown or expired keys with each service's documented error, and answers from a
 * mutable account state, so a test can make a resource compliant and collect again.
 *
 * It checks each request's key, session token and SigV4 signature.
 */
import { once } from "node:events";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach } from "vitest";
import { AwsFault, PROTOCOLS, authFault, errorAnswer } from "./fake-aws-protocols.ts";
import type { Answer } from "./fake-aws-protocols.ts";
import * as identity from "./fake-aws-iam.ts";
import { signatureMatches, signatureParts } from "./fake-aws-sigv4.ts";
import type { SignatureParts } from "./fake-aws-sigv4.ts";
import * as services from "./fake-aws-services.ts";
import { compliantAccount } from "./fake-aws-state.ts";
import type { FakeAwsState, FakeFailure } from "./fake-aws-state.ts";

export { FAKE_ACCOUNT, FAKE_KEY, compliantAccount } from "./fake-aws-state.ts";
export type { FakeAwsState } from "./fake-aws-state.ts";

export interface FakeAws {
  /** The URL to give the connector as its `endpoint` setting. */
  endpoint: string;
  state: FakeAwsState;
  /** Makes matching requests fail with a documented error, `times` times (default always). */
  fail(failure: Omit<FakeFailure, "times"> & { times?: number }): void;
  close(): Promise<void>;
}

type Scope = SignatureParts;

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The operation a request names, for failure rules and the log. */
function operationOf(
  service: string,
  method: string,
  url: URL,
  form: URLSearchParams,
  target: string,
) {
  const protocol = PROTOCOLS[service];
  if (protocol === "query" || protocol === "ec2") return form.get("Action") ?? "";
  if (protocol === "json") return target.split(".").pop() ?? "";
  if (service === "guardduty")
    return url.pathname === "/detector" ? "ListDetectors" : "GetDetector";
  if (url.pathname === "/") return "ListBuckets";
  const sub = ["location", "publicAccessBlock", "encryption", "versioning"].find((q) =>
    url.searchParams.has(q),
  );
  const names: Record<string, string> = {
    location: "GetBucketLocation",
    publicAccessBlock: "GetPublicAccessBlock",
    encryption: "GetBucketEncryption",
    versioning: "GetBucketVersioning",
  };
  return sub === undefined ? `${method} ${url.pathname}` : (names[sub] ?? sub);
}

function checkKey(state: FakeAwsState, scope: Scope, request: IncomingMessage, body: string) {
  const key = state.keys.get(scope.keyId);
  const token = request.headers["x-amz-security-token"];
  if (!key || (key.sessionToken !== undefined && key.sessionToken !== token)) {
    throw authFault(scope.service, "unknown");
  }
  if (!signatureMatches(request, body, scope, key.secret))
    throw authFault(scope.service, "signature");
  if (key.expired) throw authFault(scope.service, "expired");
}

function injectedFault(state: FakeAwsState, service: string, operation: string): AwsFault | null {
  const rule = state.failures.find(
    (f) =>
      f.times > 0 &&
      f.service === service &&
      (f.operation === undefined || f.operation === operation),
  );
  if (!rule) return null;
  rule.times -= 1;
  return new AwsFault(rule.status, rule.code, rule.message ?? `${rule.code} (from the test)`);
}

/** The documented answer, or the test's malformed body in place of a 2xx one. */
async function answer(state: FakeAwsState, request: IncomingMessage): Promise<Answer> {
  const scope = signatureParts(request);
  const reply = await documentedAnswer(state, request, scope);
  const corrupt = state.corrupt;
  const last = state.log[state.log.length - 1];
  if (
    reply.status < 300 &&
    corrupt &&
    last &&
    corrupt.service === last.service &&
    corrupt.operation === last.operation
  ) {
    state.corrupt = null;
    return { ...reply, body: corrupt.body };
  }
  return reply;
}

async function documentedAnswer(
  state: FakeAwsState,
  request: IncomingMessage,
  scope: Scope | null,
): Promise<Answer> {
  const method = request.method ?? "GET";
  const url = new URL(request.url ?? "/", "http://fake-aws");
  const body = await bodyOf(request);
  if (scope === null || PROTOCOLS[scope.service] === undefined) {
    return errorAnswer(
      "query",
      "sts",
      new AwsFault(403, "MissingAuthenticationToken", "Request is missing Authentication Token"),
    );
  }
  const protocol = PROTOCOLS[scope.service] ?? "query";
  const form =
    protocol === "query" || protocol === "ec2" ? new URLSearchParams(body) : new URLSearchParams();
  const target = String(request.headers["x-amz-target"] ?? "");
  const operation = operationOf(scope.service, method, url, form, target);
  state.log.push({ service: scope.service, operation, region: scope.region });
  try {
    checkKey(state, scope, request, body);
    const fault = injectedFault(state, scope.service, operation);
    if (fault) throw fault;
    switch (scope.service) {
      case "sts":
        return identity.sts(state, operation, form);
      case "iam":
        return identity.iam(state, operation, form);
      case "rds":
        return services.rds(state, operation, form, scope.region);
      case "ec2":
        return services.ec2(state, operation, form, scope.region);
      case "cloudtrail":
        return services.cloudTrail(
          state,
          operation,
          body === "" ? {} : (JSON.parse(body) as Record<string, unknown>),
          scope.region,
        );
      case "guardduty":
        return services.guardDuty(state, method, url.pathname, url.searchParams, scope.region);
      default:
        return services.s3(state, method, url.pathname, url.searchParams, scope.region);
    }
  } catch (error) {
    if (error instanceof AwsFault) return errorAnswer(protocol, scope.service, error);
    throw error;
  }
}

async function serve(state: FakeAwsState, request: IncomingMessage, response: ServerResponse) {
  let reply: Answer;
  try {
    reply = await answer(state, request);
  } catch (error) {
    reply = { status: 500, headers: { "content-type": "text/plain" }, body: String(error) };
  }
  if (state.delayMs > 0) await sleep(state.delayMs);
  if (response.destroyed) return;
  response.writeHead(reply.status, {
    ...reply.headers,
    "content-length": Buffer.byteLength(reply.body),
  });
  response.end(reply.body);
}

export async function startFakeAws(state: FakeAwsState): Promise<FakeAws> {
  const server = createServer((request, response) => void serve(state, request, response));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    state,
    fail: (failure) =>
      state.failures.push({ ...failure, times: failure.times ?? Number.POSITIVE_INFINITY }),
    close: async () => {
      if (!server.listening) return;
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

/** A fresh fake AWS with a compliant account (dated from `now`) around each test. */
export function useFakeAws(now: Date): () => FakeAws {
  let fake: FakeAws | null = null;
  beforeEach(async () => {
    fake = await startFakeAws(compliantAccount(now));
  });
  afterEach(async () => {
    await fake?.close();
    fake = null;
  });
  return () => {
    if (fake === null) throw new Error("the fake AWS runs only inside a test");
    return fake;
  };
}
