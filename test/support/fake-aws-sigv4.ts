/**
 * Checks a request's AWS Signature Version 4 as AWS does: rebuild the canonical request from
 * what arrived, derive the signing key from the secret and the credential scope, and compare
 * signatures. A wrong secret then fails the way it does against AWS.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

const sha256Hex = (data: string) => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: Buffer | string, data: string) =>
  createHmac("sha256", key).update(data, "utf8").digest();

/** RFC 3986 encoding, as SigV4 asks (encodeURIComponent leaves !'()* alone). */
function encode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalQuery(rawQuery: string): string {
  if (rawQuery === "") return "";
  return rawQuery
    .split("&")
    .map((pair) => {
      const at = pair.indexOf("=");
      const key = at < 0 ? pair : pair.slice(0, at);
      const value = at < 0 ? "" : pair.slice(at + 1);
      return [
        encode(decodeURIComponent(key.replace(/\+/g, " "))),
        encode(decodeURIComponent(value.replace(/\+/g, " "))),
      ];
    })
    .sort(([a = "", b = ""], [c = "", d = ""]) => (a === c ? (b < d ? -1 : 1) : a < c ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
}

/** S3 signs the path as sent; every other service encodes each segment once more. */
function canonicalPath(rawPath: string, service: string): string {
  if (service === "s3") return rawPath;
  return rawPath
    .split("/")
    .map((segment) => encode(segment))
    .join("/");
}

export interface SignatureParts {
  keyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

export function signatureParts(request: IncomingMessage): SignatureParts | null {
  const header = request.headers.authorization ?? "";
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      header,
    );
  if (!match) return null;
  return {
    keyId: match[1] ?? "",
    date: match[2] ?? "",
    region: match[3] ?? "",
    service: match[4] ?? "",
    signedHeaders: (match[5] ?? "").split(";"),
    signature: match[6] ?? "",
  };
}

/** True when the request was signed with `secret`. */
export function signatureMatches(
  request: IncomingMessage,
  body: string,
  parts: SignatureParts,
  secret: string,
): boolean {
  const rawUrl = request.url ?? "/";
  const queryAt = rawUrl.indexOf("?");
  const rawPath = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
  const rawQuery = queryAt < 0 ? "" : rawUrl.slice(queryAt + 1);
  const headerValue = (name: string) => {
    const value = request.headers[name];
    return (Array.isArray(value) ? value.join(",") : (value ?? "")).trim().replace(/\s+/g, " ");
  };
  const payloadHash = headerValue("x-amz-content-sha256") || sha256Hex(body);
  const canonicalRequest = [
    request.method ?? "GET",
    canonicalPath(rawPath, parts.service),
    canonicalQuery(rawQuery),
    ...parts.signedHeaders.map((name) => `${name}:${headerValue(name)}`),
    "",
    parts.signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
  const scope = `${parts.date}/${parts.region}/${parts.service}/aws4_request`;
  const stringToSign = [
    "AWS4-HMAC-SHA256",
    headerValue("x-amz-date"),
    scope,
    sha256Hex(canonicalRequest),
  ].join("\n");
  let key = hmac(`AWS4${secret}`, parts.date);
  for (const step of [parts.region, parts.service, "aws4_request"]) key = hmac(key, step);
  const expected = Buffer.from(hmac(key, stringToSign).toString("hex"));
  const given = Buffer.from(parts.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
