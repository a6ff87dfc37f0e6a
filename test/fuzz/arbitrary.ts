/**
 * Values a careless or hostile client sends: text that breaks parsers and lookups, query
 * strings with unknown or ill-typed keys, bodies of the wrong shape, broken JSON, multipart
 * without a boundary, headers that lie about the body.
 */
import type { Random } from "./random.ts";

/** The part of a JSON Schema the fuzzer reads to build near-valid bodies. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

const TEXTS = [
  "",
  " ",
  "0",
  "-1",
  "1e309",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "../../etc/passwd",
  "%",
  "%00",
  "a\u0000b",
  "名前",
  "emoji😀",
  "\ud800",
  "' or 1=1 --",
  "<script>alert(1)</script>",
  "AC-04",
  "2026-02-30",
  "9999-12-31",
  "00000000-0000-0000-0000-000000000000",
];

export function arbitraryText(random: Random): string {
  if (random.chance(0.1)) return "A".repeat(random.pick([101, 1_000, 5_000]));
  return random.pick(TEXTS);
}

function arbitraryScalar(random: Random): unknown {
  return random.pick<unknown>([
    arbitraryText(random),
    random.int(1_000_000) - 500_000,
    1.5,
    -0,
    Number.MAX_SAFE_INTEGER,
    true,
    false,
    null,
  ]);
}

/** Any JSON value, nested a little or (rarely) very deep. */
function arbitraryJson(random: Random, depth = 0): unknown {
  if (depth > 3 || random.chance(0.5)) return arbitraryScalar(random);
  if (random.chance(0.05)) {
    let deep: unknown = "bottom";
    for (let i = 0; i < 200; i += 1) deep = { k: deep };
    return deep;
  }
  if (random.chance(0.5))
    return [arbitraryJson(random, depth + 1), arbitraryJson(random, depth + 1)];
  return { [arbitraryText(random)]: arbitraryJson(random, depth + 1), __extra: 1 };
}

function typeOf(schema: JsonSchema): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  return type ?? (schema.anyOf ?? schema.oneOf)?.[0]?.type?.toString();
}

/** A value that fits the schema, or breaks it in one place. */
function nearValid(random: Random, schema: JsonSchema, depth = 0): unknown {
  if (random.chance(0.15) || depth > 4) return arbitraryJson(random);
  if (schema.enum !== undefined && schema.enum.length > 0) return random.pick(schema.enum);
  switch (typeOf(schema)) {
    case "object": {
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (random.chance(0.8)) value[key] = nearValid(random, property, depth + 1);
      }
      return value;
    }
    case "array":
      return [nearValid(random, schema.items ?? {}, depth + 1)];
    case "integer":
    case "number":
      return random.pick([0, 1, -1, 3.5, 1e12]);
    case "boolean":
      return random.chance(0.5);
    default:
      return arbitraryText(random);
  }
}

export interface Body {
  payload: unknown;
  headers: Record<string, string>;
}

const JSON_TYPE = { "content-type": "application/json" };

export function arbitraryBody(random: Random, schema: JsonSchema | undefined): Body {
  const mode = random.int(10);
  if (mode === 0) return { payload: undefined, headers: {} };
  if (mode === 1) return { payload: '{"broken": ', headers: JSON_TYPE };
  if (mode === 2) return { payload: JSON.stringify(arbitraryJson(random)), headers: JSON_TYPE };
  if (mode === 3) {
    return {
      payload: `--x\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n{"title":`,
      headers: {
        "content-type": random.pick(["multipart/form-data", "multipart/form-data; boundary=x"]),
      },
    };
  }
  if (mode === 4)
    return {
      payload: "title=x&controls=AC-04",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    };
  if (mode === 5) return { payload: "plain words", headers: { "content-type": "text/plain" } };
  return { payload: JSON.stringify(nearValid(random, schema ?? {})), headers: JSON_TYPE };
}

/** Percent-encoding that also writes a lone surrogate, as invalid UTF-8 (a client may). */
export function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
}

export function arbitraryQuery(random: Random, names: readonly string[]): string {
  const pairs: [string, string][] = [];
  for (const name of names) {
    if (random.chance(0.4)) pairs.push([name, arbitraryText(random)]);
  }
  if (random.chance(0.2)) pairs.push([arbitraryText(random), "1"]);
  if (random.chance(0.1) && names[0] !== undefined) {
    pairs.push([names[0], "a"], [names[0], "b"]);
  }
  return pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&");
}

export function arbitraryHeaders(random: Random): Record<string, string> {
  const headers: Record<string, string> = {};
  if (random.chance(0.1)) headers.accept = random.pick(["application/xml", "*/*", "text/html"]);
  if (random.chance(0.1)) headers["x-forwarded-for"] = "10.0.0.1, 192.0.2.1";
  if (random.chance(0.05)) headers.origin = "https://evil.example";
  if (random.chance(0.05)) headers["x-csrf-token"] = "forged";
  if (random.chance(0.05)) headers.authorization = `Bearer attest_tok_${random.int(1_000_000)}`;
  return headers;
}
