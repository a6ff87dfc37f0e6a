/**
 * SARIF 2.1.0, the format CodeQL, Semgrep, Trivy and most scanners write. Only what a finding
 * needs is read; the rest of each result is kept as its detail. A result's fingerprint is the
 * tool's own (`fingerprints`, else `partialFingerprints`, which CodeQL and GitHub keep stable
 * when lines move), else the rule, file, line and message: the same issue in the next scan
 * lands on the same finding.
 */
import { z } from "zod";
import { sha256Hex } from "../digest.ts";
import { invalidField } from "../errors.ts";
import type { FindingSeverity, ParsedFinding } from "./finding.ts";
import { checkDocument, parseJsonDocument } from "./parse-json.ts";

const level = z.enum(["none", "note", "warning", "error"]);
const properties = z.looseObject({ "security-severity": z.string().optional() }).optional();
const text = z.looseObject({ text: z.string().optional(), markdown: z.string().optional() });

const rule = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  shortDescription: text.optional(),
  defaultConfiguration: z.looseObject({ level: level.optional() }).optional(),
  properties,
});

const location = z.looseObject({
  physicalLocation: z
    .looseObject({
      artifactLocation: z.looseObject({ uri: z.string().optional() }).optional(),
      region: z.looseObject({ startLine: z.number().int().positive().optional() }).optional(),
    })
    .optional(),
});

const result = z.looseObject({
  ruleId: z.string().min(1).optional(),
  ruleIndex: z.number().int().nonnegative().optional(),
  rule: z
    .looseObject({
      id: z.string().min(1).optional(),
      index: z.number().int().nonnegative().optional(),
    })
    .optional(),
  level: level.optional(),
  message: z.looseObject({ text: z.string().optional(), id: z.string().optional() }),
  locations: z.array(location).optional(),
  fingerprints: z.record(z.string(), z.string()).optional(),
  partialFingerprints: z.record(z.string(), z.string()).optional(),
  properties,
});

const run = z.looseObject({
  tool: z.looseObject({
    driver: z.looseObject({ name: z.string().min(1), rules: z.array(rule).optional() }),
  }),
  results: z.array(result).nullable().optional(),
});

const sarifLog = z.looseObject({
  version: z.literal("2.1.0", { error: 'must be "2.1.0" (SARIF 2.1.0)' }),
  runs: z.array(run),
});

type Rule = z.infer<typeof rule>;
type Result = z.infer<typeof result>;

/** CVSS-style bands of the `security-severity` property (as GitHub reads it). */
function fromScore(score: number): FindingSeverity {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  return score > 0 ? "low" : "info";
}

const LEVEL_SEVERITY: Record<z.infer<typeof level>, FindingSeverity> = {
  error: "high",
  warning: "medium",
  note: "low",
  none: "info",
};

function severityOf(found: Result, ruleOf: Rule | undefined): FindingSeverity {
  const declared =
    found.properties?.["security-severity"] ?? ruleOf?.properties?.["security-severity"];
  const score = declared === undefined ? Number.NaN : Number(declared);
  if (Number.isFinite(score)) return fromScore(score);
  // SARIF's default level when neither the result nor its rule says is "warning".
  return LEVEL_SEVERITY[found.level ?? ruleOf?.defaultConfiguration?.level ?? "warning"];
}

function sortedPairs(record: Record<string, string>): string {
  return Object.entries(record)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(";");
}

export function parseSarif(content: string): ParsedFinding[] {
  const log = checkDocument(sarifLog, parseJsonDocument(content, "SARIF"), "SARIF 2.1.0");
  const findings: ParsedFinding[] = [];
  for (const [runIndex, eachRun] of log.runs.entries()) {
    const tool = eachRun.tool.driver.name;
    const rules = eachRun.tool.driver.rules ?? [];
    const byId = new Map(rules.map((r) => [r.id, r]));
    for (const [index, found] of (eachRun.results ?? []).entries()) {
      const at = `runs[${runIndex}].results[${index}]`;
      const ruleIndex = found.ruleIndex ?? found.rule?.index;
      const ruleId =
        found.ruleId ??
        found.rule?.id ??
        (ruleIndex === undefined ? undefined : rules[ruleIndex]?.id);
      if (ruleId === undefined) {
        throw invalidField(
          `${at}.ruleId`,
          `not a valid SARIF 2.1.0 file: ${at}.ruleId: missing (a result names its rule by ruleId, rule.id or a ruleIndex into tool.driver.rules)`,
        );
      }
      const ruleOf = byId.get(ruleId) ?? (ruleIndex === undefined ? undefined : rules[ruleIndex]);
      const physical = found.locations?.[0]?.physicalLocation;
      const uri = physical?.artifactLocation?.uri ?? null;
      const line = physical?.region?.startLine ?? null;
      const message =
        found.message.text ?? ruleOf?.shortDescription?.text ?? ruleOf?.name ?? ruleId;
      const own =
        found.fingerprints !== undefined && Object.keys(found.fingerprints).length > 0
          ? `fp:${sortedPairs(found.fingerprints)}`
          : found.partialFingerprints !== undefined &&
              Object.keys(found.partialFingerprints).length > 0
            ? `pfp:${uri ?? ""}:${sortedPairs(found.partialFingerprints)}`
            : `at:${uri ?? ""}:${line ?? ""}:${message}`;
      findings.push({
        fingerprint: `sarif:${sha256Hex(`${tool}\n${ruleId}\n${own}`)}`,
        ruleId,
        ruleTitle: ruleOf?.shortDescription?.text ?? ruleOf?.name ?? ruleId,
        severity: severityOf(found, ruleOf),
        resource: uri ?? "(no location)",
        location: uri === null ? null : line === null ? uri : `${uri}:${line}`,
        message,
        tool,
        occurredAt: null,
        detail: found,
      });
    }
  }
  return findings;
}
