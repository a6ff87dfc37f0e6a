/**
 * Importing a SARIF, Prowler or CloudTrail file: parsed and checked whole before anything is
 * written, then matched with the stored findings by fingerprint in one transaction. The same
 * file imported twice adds nothing; a result seen again after it was remediated reopens its
 * finding; a Prowler pass closes an open finding of the same check and resource.
 */
import { hash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { z } from "zod";
import {
  closeFindings,
  fingerprintsOf,
  insertFindingImport,
  insertFindings,
  markSeen,
  nextNumbers,
  reopenFindings,
} from "../../../db/findings.repo.ts";
import type { FindingImport } from "../../../db/findings.repo.ts";
import { newId, toDbJson } from "../../../db/portable.ts";
import type { FindingsTable } from "../../../db/schema.ts";
import { inOrgTransaction } from "../../../db/transaction.ts";
import { scopeOf } from "../../../domain/actor.ts";
import type { Actor } from "../../../domain/actor.ts";
import { invalidField } from "../../../domain/errors.ts";
import { parseCloudTrail } from "../../../domain/findings/cloudtrail.ts";
import {
  FINDING_SOURCES,
  findingDueOn,
  findingImportRef,
  findingRef,
} from "../../../domain/findings/finding.ts";
import type { FindingSource, ParsedFinding } from "../../../domain/findings/finding.ts";
import { parseProwler } from "../../../domain/findings/prowler.ts";
import { parseSarif } from "../../../domain/findings/sarif.ts";
import { authorize } from "../../../domain/permissions.ts";
import { recordEvent } from "../../platform/audit.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { parseInput } from "../../platform/validation.ts";
import { organizationToday } from "../../platform/organization-day.ts";

export const importFindingsInput = z.strictObject({
  source: z.enum(FINDING_SOURCES),
  fileName: z.string().trim().min(1).max(255),
  content: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "the file's bytes"),
});
export type ImportFindingsInput = z.input<typeof importFindingsInput>;

export interface FindingImportOutcome {
  import: FindingImport;
  /** Refs of findings reopened and closed by this import. */
  reopened: string[];
  closed: string[];
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** The file as text: CloudTrail delivers gzip files, which are read as they come. */
function fileText(content: Uint8Array): string {
  let bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw invalidField("file", `a gzip file that cannot be read (${reason})`);
    }
  }
  const text = bytes.toString("utf8");
  // Neither engine stores U+0000 in text; a file carrying one (raw or escaped) is refused.
  if (text.includes("\u0000") || text.includes("\\u0000")) {
    throw invalidField("file", "must not contain the NUL character (U+0000)");
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

interface ParsedFile {
  findings: ParsedFinding[];
  passed: string[];
}

function parseFile(source: FindingSource, text: string): ParsedFile {
  if (source === "prowler") {
    const scan = parseProwler(text);
    return { findings: scan.failed, passed: scan.passed };
  }
  return { findings: source === "sarif" ? parseSarif(text) : parseCloudTrail(text), passed: [] };
}

/** One finding per fingerprint: a file may repeat a result (several runs, several locations). */
function distinct(findings: readonly ParsedFinding[]): ParsedFinding[] {
  const seen = new Map<string, ParsedFinding>();
  for (const f of findings) if (!seen.has(f.fingerprint)) seen.set(f.fingerprint, f);
  return [...seen.values()];
}

/** Whether the actor may import: asked before an upload is read. */
export function checkFindingsImport(actor: Actor): void {
  authorize(actor, "finding:import");
}

export async function importFindings(
  ctx: ServiceContext,
  actor: Actor,
  input: ImportFindingsInput,
): Promise<FindingImportOutcome> {
  authorize(actor, "finding:import");
  const { source, fileName, content } = parseInput(importFindingsInput, input);
  if (content.byteLength > ctx.maxEvidenceBytes) {
    throw invalidField(
      "file",
      `is ${content.byteLength} bytes, over the ${ctx.maxEvidenceBytes}-byte limit`,
    );
  }
  const parsed = parseFile(source, fileText(content));
  const findings = distinct(parsed.findings);
  const sha256 = hash("sha256", content, "hex");
  const at = ctx.now();
  const seenAt = at.toISOString();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const today = await organizationToday(tx, actor, at);
    const stored = await fingerprintsOf(tx, scope, source);
    const numbers = await nextNumbers(tx, scope);
    const importId = newId();
    const rows: Omit<FindingsTable, "organization_id">[] = [];
    const seen: string[] = [];
    const reopened: { id: string; ref: string; dueOn: string | null }[] = [];
    let number = numbers.finding;
    for (const f of findings) {
      const known = stored.get(f.fingerprint);
      if (known !== undefined) {
        seen.push(known.id);
        if (known.status === "closed" && known.decision === "remediated") {
          reopened.push({
            id: known.id,
            ref: findingRef(known.number),
            dueOn: findingDueOn(source, f.severity, today),
          });
        }
        continue;
      }
      rows.push({
        id: newId(),
        number,
        source,
        fingerprint: f.fingerprint,
        rule_id: f.ruleId,
        rule_title: f.ruleTitle,
        severity: f.severity,
        resource: f.resource,
        location: f.location,
        message: f.message,
        tool: f.tool,
        occurred_at: f.occurredAt,
        first_seen_at: seenAt,
        last_seen_at: seenAt,
        due_on: findingDueOn(source, f.severity, today),
        status: "open",
        triage_decision: null,
        triage_reason: null,
        triaged_by: null,
        triaged_at: null,
        detail: toDbJson(f.detail),
        last_import_id: importId,
      });
      number += 1;
    }
    const closed = parsed.passed.flatMap((fingerprint) => {
      const known = stored.get(fingerprint);
      return known?.status === "open" ? [{ id: known.id, ref: findingRef(known.number) }] : [];
    });
    const importRef = findingImportRef(numbers.findingImport);
    const counts = {
      results: findings.length,
      created: rows.length,
      seenAgain: seen.length,
      reopened: reopened.length,
      closed: closed.length,
    };
    await insertFindingImport(tx, scope, {
      id: importId,
      number: numbers.findingImport,
      source,
      file_name: fileName,
      sha256,
      counts: toDbJson(counts),
      imported_by: actor.name,
      imported_at: seenAt,
    });
    await insertFindings(tx, scope, rows);
    await markSeen(tx, scope, seen, seenAt, importId);
    await reopenFindings(tx, scope, reopened);
    await closeFindings(
      tx,
      scope,
      closed.map((c) => c.id),
      {
        decision: "remediated",
        reason: `passed in ${fileName} (${importRef})`,
        by: actor.name,
        at: seenAt,
      },
    );
    await recordEvent(
      tx,
      actor,
      "finding.imported",
      importRef,
      {
        source,
        fileName,
        sha256,
        results: counts.results,
        created: counts.created,
        seenAgain: counts.seenAgain,
        reopened: reopened.map((r) => r.ref),
        closed: closed.map((c) => c.ref),
      },
      at,
    );
    return {
      import: {
        id: importId,
        ref: importRef,
        number: numbers.findingImport,
        source,
        fileName,
        sha256,
        counts,
        importedBy: actor.name,
        importedAt: seenAt,
      },
      reopened: reopened.map((r) => r.ref),
      closed: closed.map((c) => c.ref),
    };
  });
}
