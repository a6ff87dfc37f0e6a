/**
 * What makes a criterion id or a choice from a list valid, and what to say when it is not, as
 * plain functions: the zod schemas (inputs.ts) and the light filters that load zod/mini only
 * (controls-read.ts) give the same answers.
 */
import { findCriterion } from "../../catalog/index.ts";

export type RuleResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** A criterion id in the catalog's spelling (CC6.1), however it was typed. */
export function checkCriterionId(value: string): RuleResult<string> {
  const normalized = value.trim().toUpperCase();
  return findCriterion(normalized) === undefined
    ? {
        ok: false,
        message: `unknown criterion "${value}"; ids look like CC6.1 or A1.2 (see attest criteria)`,
      }
    : { ok: true, value: normalized };
}

/** One of `values`, compared trimmed and lower-cased; `noun` names the choice in the error. */
export function checkOneOf<const T extends readonly string[]>(
  values: T,
  noun: string,
  value: string,
): RuleResult<T[number]> {
  const normalized = value.trim().toLowerCase();
  const match = values.find((candidate) => candidate === normalized);
  return match === undefined
    ? { ok: false, message: `"${value}" is not a ${noun}; use one of ${values.join(", ")}` }
    : { ok: true, value: match };
}
