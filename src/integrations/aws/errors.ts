/**
 * Turns what the AWS SDK throws into a ConnectorError. AWS names its errors by code across
 * all its protocols (Query, EC2, JSON, REST-XML), and some codes do not follow the HTTP status
 * (IAM answers an unknown key with 403 InvalidClientTokenId), so the code decides first.
 */
import { ConnectorError } from "../../domain/checks/check.ts";
import type { ConnectorFailure } from "../../domain/checks/check.ts";

const UNAUTHORIZED_CODES = new Set([
  "InvalidClientTokenId",
  "ExpiredToken",
  "ExpiredTokenException",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "InvalidSignatureException",
  "MissingAuthenticationToken",
  "UnrecognizedClientException",
  "InvalidAccessKeyId",
  "AuthFailure",
  "InvalidToken",
]);

const FORBIDDEN_CODES = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "AuthorizationError",
  "OptInRequired",
]);

const THROTTLING_CODES = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "TooManyRequestsException",
  "SlowDown",
]);

const TIMEOUT_CODES = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);

interface SdkErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: unknown;
}

function statusOf(error: SdkErrorLike): number | null {
  const status = error.$metadata?.httpStatusCode;
  return typeof status === "number" ? status : null;
}

function failureOf(error: SdkErrorLike): ConnectorFailure {
  const name = typeof error.name === "string" ? error.name : "";
  const code = typeof error.code === "string" ? error.code : "";
  const status = statusOf(error);
  if (UNAUTHORIZED_CODES.has(name)) return "unauthorized";
  if (FORBIDDEN_CODES.has(name)) return "forbidden";
  if (THROTTLING_CODES.has(name) || status === 429) return "rate-limited";
  if (TIMEOUT_CODES.has(name) || code === "ETIMEDOUT" || code === "ECONNRESET") return "timeout";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status !== null && status >= 500) return "unavailable";
  // The SDK could not read a 2xx body (or a 4xx one it has no shape for): the answer is
  // not what the API documents.
  if (status !== null || error.$response !== undefined) return "invalid-answer";
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return "unavailable";
  }
  return "invalid-answer";
}

/** What a person reads: the call, the code AWS gave, and its message (never credentials). */
export function toConnectorError(error: unknown, call: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const like: SdkErrorLike = typeof error === "object" && error !== null ? error : {};
  const failure = failureOf(like);
  const name = typeof like.name === "string" ? like.name : "Error";
  // The SDK's first line says what went wrong; the rest is advice on debugging it.
  const message = (typeof like.message === "string" ? like.message : String(error)).split("\n")[0];
  const status = statusOf(like);
  const where = status === null ? call : `${call} (HTTP ${status})`;
  return new ConnectorError(failure, `AWS ${where}: ${name}: ${message}`);
}

/** True for the documented "there is none" answers that are data, not failures. */
export function isErrorNamed(error: unknown, ...names: string[]): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "name" in error &&
    typeof error.name === "string" &&
    names.includes(error.name)
  );
}

/** Runs one SDK call, naming it in any error. */
export async function call<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toConnectorError(error, name);
  }
}

/** Runs one SDK call; AWS's documented "not configured" error codes become null (data). */
export async function callOrNullWhen<T>(
  name: string,
  missingCodes: readonly string[],
  run: () => Promise<T>,
): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (isErrorNamed(error, ...missingCodes)) return null;
    throw toConnectorError(error, name);
  }
}

/** Every page of an SDK paginator, read before anything is built from them. */
export async function allPages<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}
