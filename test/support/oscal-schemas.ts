/** NIST's OSCAL 1.2.1 schemas, compiled once with ajv, and a check that prints every error. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import type { ErrorObject, ValidateFunction } from "ajv";
import formats from "ajv-formats";
import { expect } from "vitest";
import type { JsonObject } from "../../src/services/reporting/render/oscal.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The NIST schemas live outside the repository; a missing copy is a failure, not a skip. A
 * folder named in ATTEST_OSCAL_SCHEMAS is the only one tried, so a wrong setting is noticed.
 */
function schemaDir(): string {
  const env = process.env.ATTEST_OSCAL_SCHEMAS;
  const candidates =
    env !== undefined && env !== ""
      ? [env]
      : [path.resolve(repoRoot, "../shared/oscal"), "/work/shared/oscal"];
  const found = candidates.find((dir) => existsSync(path.join(dir, "oscal_ssp_schema.json")));
  if (found === undefined)
    throw new Error(
      `The NIST OSCAL 1.2.1 JSON schemas were not found (looked in ${candidates.join(", ")}). ` +
        "Set ATTEST_OSCAL_SCHEMAS to the folder holding oscal_ssp_schema.json and " +
        "oscal_assessment-results_schema.json.",
    );
  return found;
}

export interface Validators {
  ssp: ValidateFunction;
  ar: ValidateFunction;
}
let compiled: Validators | undefined;

/** Compiled on first use, inside each test, so a missing schema fails those tests by name. */
export function validators(): Validators {
  if (compiled !== undefined) return compiled;
  const dir = schemaDir();
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is CommonJS: under NodeNext its default import is the module, not the plugin.
  formats.default(ajv);
  const load = (file: string) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as object;
  compiled = {
    ssp: ajv.compile(load("oscal_ssp_schema.json")),
    ar: ajv.compile(load("oscal_assessment-results_schema.json")),
  };
  return compiled;
}

export function errorsOf(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 30)
    .map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`)
    .join("\n");
}

/** Validates and, on failure, prints every ajv error so the broken path is plain to see. */
export function expectValid(validate: ValidateFunction, doc: JsonObject): void {
  const ok = validate(doc);
  if (!ok) console.error(errorsOf(validate.errors));
  expect(ok, errorsOf(validate.errors)).toBe(true);
}
