/**
 * Completions from an external training provider, as CSV with the header
 * `email,module,completed_on,score` (module by id; score a whole percent, or empty when the
 * provider reports completion only). A file with any bad row is refused whole, naming each
 * bad line and field, and changes nothing. The file itself is kept as evidence of the
 * training controls, and each completion is recorded as external, pointing at it. Importing
 * the same rows again records nothing twice.
 */
import { Readable } from "node:stream";
import { z } from "zod";
import { trainingModule } from "../../catalog/training/index.ts";
import type { TrainingImportResult } from "../../contracts/training.ts";
import { findControlByRef } from "../../db/controls.repo.ts";
import type { Control } from "../../domain/control.ts";
import { newId } from "../../db/portable.ts";
import { insertCompletions, listCompletions } from "../../db/training.repo.ts";
import type { TrainingCompletion } from "../../db/training.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { inOrgTransaction } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { parseCsv } from "../../domain/csv-table.ts";
import { AppError, invalidField } from "../../domain/errors.ts";
import { EARLIEST_EVIDENCE_DATE } from "../../domain/evidence.ts";
import type { FieldError } from "../../domain/errors.ts";
import { isCalendarDate, localDate } from "../../domain/periods.ts";
import { authorize } from "../../domain/permissions.ts";
import { normalizeEmail } from "../../domain/account.ts";
import { moduleSha256, scorePasses } from "../../domain/training.ts";
import { recordEvent } from "../platform/audit.ts";
import { closeOwnSteps } from "./own-steps.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { prepareContent, storeEvidence } from "./evidence.service.ts";
import { trainingAudience } from "./training-audience.ts";

export const TRAINING_CSV_HEADER = ["email", "module", "completed_on", "score"] as const;
// The API takes the file in a JSON body, which the server caps at 1 MB.
const MAX_CSV_CHARS = 1_000_000;

export const trainingImportInput = z
  .object({
    fileName: z.string().trim().min(1, "name the file").max(200),
    csv: z.string().max(MAX_CSV_CHARS, "the file is too large (1 MB at most)"),
  })
  .strict();

interface ParsedRow {
  line: number;
  email: string;
  moduleId: string;
  completedOn: string;
  score: number | null;
}

/** Each row checked; every problem of the file gathered, none thrown alone. */
function checkRows(
  csv: string,
  known: ReadonlySet<string>,
  today: string,
): { rows: ParsedRow[]; problems: FieldError[] } {
  const table = parseCsv(csv);
  if ("error" in table) {
    return { rows: [], problems: [{ field: `line ${table.line}`, message: table.error }] };
  }
  if (table.header.join(",") !== TRAINING_CSV_HEADER.join(",")) {
    const message = `the header must be ${TRAINING_CSV_HEADER.join(",")}`;
    return { rows: [], problems: [{ field: "line 1", message }] };
  }
  if (table.rows.length === 0) {
    return { rows: [], problems: [{ field: "csv", message: "the file has no completions" }] };
  }
  const rows: ParsedRow[] = [];
  const problems: FieldError[] = [];
  for (const { line, cells } of table.rows) {
    const bad = (column: string, message: string) =>
      problems.push({ field: `line ${line}: ${column}`, message });
    if (cells.length !== TRAINING_CSV_HEADER.length) {
      bad("row", `has ${cells.length} fields; expected ${TRAINING_CSV_HEADER.length}`);
      continue;
    }
    const [rawEmail = "", rawModule = "", rawDate = "", rawScore = ""] = cells.map((c) => c.trim());
    const before = problems.length;
    const email = normalizeEmail(rawEmail);
    if (!z.email().safeParse(email).success) bad("email", `"${rawEmail}" is not an email address`);
    else if (!known.has(email)) bad("email", `${email} is not in the workforce`);
    if (trainingModule(rawModule) === undefined) bad("module", `no training module "${rawModule}"`);
    if (!isCalendarDate(rawDate)) bad("completed_on", `"${rawDate}" is not a date (YYYY-MM-DD)`);
    else if (rawDate > today) bad("completed_on", `${rawDate} is in the future`);
    else if (rawDate < EARLIEST_EVIDENCE_DATE) {
      bad("completed_on", `${rawDate} is before ${EARLIEST_EVIDENCE_DATE}; check the date`);
    }
    const score = rawScore === "" ? null : Number(rawScore);
    if (score !== null && !(Number.isInteger(score) && score >= 0 && score <= 100)) {
      bad("score", `"${rawScore}" is not a whole percent from 0 to 100`);
    }
    if (problems.length === before) {
      rows.push({ line, email, moduleId: rawModule, completedOn: rawDate, score });
    }
  }
  return { rows, problems };
}

const sameRow = (a: Pick<TrainingCompletion, "email" | "moduleId" | "completedOn" | "score">) =>
  `${a.email} ${a.moduleId} ${a.completedOn} ${a.score ?? ""}`;

export async function importTrainingCompletions(
  ctx: ServiceContext,
  actor: Actor,
  input: z.input<typeof trainingImportInput>,
): Promise<TrainingImportResult> {
  authorize(actor, "training:manage");
  authorize(actor, "evidence:create");
  const data = parseInput(trainingImportInput, input);
  const at = ctx.now();
  const scope = scopeOf(actor);
  // Checked once before the file is stored, then again inside the transaction that writes.
  const check = async (tx: Tx) => {
    const { timeZone } = await getOrganization(tx, scope);
    const today = localDate(at, timeZone);
    const audience = await trainingAudience(tx, scope, timeZone, today);
    const people = new Map(audience.map((p) => [p.email, p]));
    const { rows, problems } = checkRows(data.csv, new Set(people.keys()), today);
    if (problems.length > 0) {
      const lines = problems.map((p) => `${p.field}: ${p.message}`);
      throw new AppError(
        "VALIDATION_FAILED",
        `${data.fileName} was not imported; fix ${problems.length === 1 ? "this row" : "these rows"}: ${lines.join("; ")}`,
        problems,
      );
    }
    return { rows, people };
  };
  await inOrgTransaction(ctx.db, scope, check);
  const stored = await prepareContent(ctx, {
    kind: "file",
    content: Readable.from([Buffer.from(data.csv, "utf8")]),
    fileName: data.fileName,
    mediaType: "text/csv",
  });
  return inOrgTransaction(ctx.db, scope, async (tx) => {
    const { rows, people } = await check(tx);
    const recorded = new Set(
      (await listCompletions(tx, scope, { emails: [...new Set(rows.map((r) => r.email))] }))
        .filter((c) => c.source === "external")
        .map(sameRow),
    );
    const fresh = new Map<string, ParsedRow>();
    for (const row of rows) if (!recorded.has(sameRow(row))) fresh.set(sameRow(row), row);
    const moduleIds = [...new Set(rows.map((r) => r.moduleId))].sort();
    const controlRefs = [...new Set(moduleIds.flatMap((m) => trainingModule(m)?.controls ?? []))];
    const controls: Control[] = [];
    for (const ref of controlRefs) {
      const control = await findControlByRef(tx, scope, ref);
      if (control !== undefined) controls.push(control);
    }
    const dates = rows.map((r) => r.completedOn).sort();
    const evidence = await storeEvidence(
      tx,
      actor,
      stored,
      {
        title: `Training completions imported from ${data.fileName}: ${rows.length} rows`,
        source: "imported",
        from: dates[0] ?? "",
        to: dates[dates.length - 1] ?? "",
      },
      controls,
      at,
    );
    const completions: TrainingCompletion[] = [...fresh.values()].map((row) => {
      const module = trainingModule(row.moduleId);
      if (module === undefined) throw invalidField("module", row.moduleId);
      return {
        id: newId(),
        email: row.email,
        userId: people.get(row.email)?.userId ?? null,
        name: people.get(row.email)?.name ?? row.email,
        moduleId: module.id,
        moduleVersion: module.version,
        moduleSha256: moduleSha256(module),
        completedOn: row.completedOn,
        recordedAt: at.toISOString(),
        score: row.score,
        passed: scorePasses(module, row.score),
        source: "external",
        evidenceId: evidence.id,
        recordedBy: actor.name,
      };
    });
    await insertCompletions(tx, scope, completions);
    await recordEvent(
      tx,
      actor,
      "training.imported",
      evidence.id,
      {
        fileName: data.fileName,
        sha256: evidence.sha256,
        created: completions.length,
        skipped: rows.length - completions.length,
        modules: moduleIds,
      },
      at,
    );
    for (const email of new Set(completions.filter((c) => c.passed).map((c) => c.email))) {
      await closeOwnSteps(tx, actor, email, ["training"], at);
    }
    return { created: completions.length, skipped: rows.length - completions.length, evidence };
  });
}
