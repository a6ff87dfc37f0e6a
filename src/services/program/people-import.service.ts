/**
 * `attest people import`: the HR system's CSV into the register. Idempotent: a row matches a
 * person by employee id (when both have one) or else by email, and a second run of the same
 * file changes nothing. Every row is checked before anything is written, and the writes are
 * one transaction: a file with any bad row is refused whole, naming each bad line and field.
 * With `invite`, people without an account are invited as employees afterwards.
 */
import { listOpenInvitations } from "../../db/invitations.repo.ts";
import { insertPeople, listPeople, listSteps, updatePersonRow } from "../../db/people.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import { listMembers } from "../../db/users.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { sha256Hex } from "../../domain/digest.ts";
import { csvRefusal, readPeopleCsv } from "../../domain/people-csv.ts";
import type { CsvProblem } from "../../domain/people-csv.ts";
import { authorize } from "../../domain/permissions.ts";
import { diffPerson, hasLeft } from "../../domain/person.ts";
import type { Person, PersonStep } from "../../domain/person.ts";
import { createInvitation } from "../access/invitations.service.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { importPeopleInput } from "./people-inputs.ts";
import type { ImportPeopleInput } from "./people-inputs.ts";
import { checkManager } from "./people.service.ts";
import { applyChecklists } from "./person-steps.ts";
import { organizationToday } from "../platform/organization-day.ts";

export interface ImportedRow {
  line: number;
  email: string;
  name: string;
}

export interface PeopleImport {
  sha256: string;
  rows: number;
  created: ImportedRow[];
  updated: ImportedRow[];
  /** Rows that gave someone an end date they did not have. */
  ended: ImportedRow[];
  unchanged: number;
  /** Invitations sent to people without an account (with `invite`). */
  invited: { email: string; link: string | null }[];
}

function refuse(problems: readonly CsvProblem[]): never {
  throw csvRefusal(problems);
}

export async function importPeople(
  ctx: ServiceContext,
  actor: Actor,
  input: ImportPeopleInput,
  baseUrl: string | null = null,
): Promise<PeopleImport> {
  authorize(actor, "people:manage");
  const data = parseInput(importPeopleInput, input);
  if (data.invite) authorize(actor, "member:manage");
  const { rows, problems } = readPeopleCsv(data.csv);
  if (problems.length > 0) refuse(problems);
  const sha256 = sha256Hex(data.csv);
  const at = ctx.now();
  const result = await inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const register = await listPeople(tx, scope);
    const byEmail = new Map(register.map((p) => [p.email, p]));
    const byEmployeeId = new Map(
      register.flatMap((p) => (p.employeeId === null ? [] : [[p.employeeId, p] as const])),
    );
    const found: CsvProblem[] = [];
    const matched = rows.map((row) => {
      const byId =
        row.person.employeeId === null ? undefined : byEmployeeId.get(row.person.employeeId);
      const existing = byId ?? byEmail.get(row.person.email);
      const owner = byEmail.get(row.person.email);
      if (existing !== undefined && owner !== undefined && owner.id !== existing.id) {
        found.push({
          line: row.line,
          field: "email",
          message: `${row.person.email} belongs to ${owner.name}, not employee ${row.person.employeeId ?? ""}`,
        });
      }
      if (
        existing !== undefined &&
        byId === undefined &&
        row.person.employeeId !== null &&
        existing.employeeId !== null &&
        existing.employeeId !== row.person.employeeId
      ) {
        found.push({
          line: row.line,
          field: "employee_id",
          message: `${row.person.email} has employee id ${existing.employeeId} in the register`,
        });
      }
      return { row, existing };
    });
    const known = new Set([...register.map((p) => p.email), ...rows.map((r) => r.person.email)]);
    for (const { row } of matched) {
      const problem = checkManager(row.person, known);
      if (problem !== null)
        found.push({ line: row.line, field: "manager_email", message: problem });
    }
    if (found.length > 0) refuse(found.sort((a, b) => a.line - b.line));

    const stamp = at.toISOString();
    const created: Person[] = [];
    const changed: Person[] = [];
    const outcome: Omit<PeopleImport, "invited" | "sha256" | "rows"> = {
      created: [],
      updated: [],
      ended: [],
      unchanged: 0,
    };
    for (const { row, existing } of matched) {
      const line = { line: row.line, email: row.person.email, name: row.person.name };
      if (existing === undefined) {
        created.push({ ...row.person, id: newId(), createdAt: stamp, updatedAt: stamp });
        (row.person.endDate === null ? outcome.created : outcome.ended).push(line);
        continue;
      }
      const after: Person = { ...existing, ...row.person, updatedAt: stamp };
      const changes = diffPerson(existing, after);
      if (Object.keys(changes).length === 0 && existing.email === after.email) {
        outcome.unchanged += 1;
        continue;
      }
      changed.push(after);
      const ended = existing.endDate === null && after.endDate !== null;
      (ended ? outcome.ended : outcome.updated).push(line);
    }
    await insertPeople(tx, scope, created);
    for (const person of changed) await updatePersonRow(tx, scope, person);
    const stepsByPerson = new Map<string, PersonStep[]>();
    if (changed.length > 0) {
      const ids = new Set(changed.map((p) => p.id));
      for (const step of await listSteps(tx, scope)) {
        if (!ids.has(step.personId)) continue;
        stepsByPerson.set(step.personId, [...(stepsByPerson.get(step.personId) ?? []), step]);
      }
    }
    const today = await organizationToday(tx, actor, at);
    await applyChecklists(tx, scope, [...created, ...changed], stepsByPerson, today, at);
    await recordEvent(
      tx,
      actor,
      "people.imported",
      newId(),
      {
        sha256,
        rows: rows.length,
        created: outcome.created.map((r) => r.email),
        updated: outcome.updated.map((r) => r.email),
        ended: outcome.ended.map((r) => r.email),
      },
      at,
    );
    return { ...outcome, today };
  });
  const invited = data.invite ? await inviteWithoutAccounts(ctx, actor, result.today, baseUrl) : [];
  const { today: _today, ...outcome } = result;
  return { sha256, rows: rows.length, ...outcome, invited };
}

/**
 * Invites, as employees, the people still employed who have no account here and no open
 * invitation. Each invitation is its own transaction and audit event (as from the members page).
 */
async function inviteWithoutAccounts(
  ctx: ServiceContext,
  actor: Actor,
  today: string,
  baseUrl: string | null,
): Promise<PeopleImport["invited"]> {
  const waiting = await read(ctx.db, async (tx) => {
    const scope = scopeOf(actor);
    const members = new Set((await listMembers(tx, scope)).map((m) => m.user.email.toLowerCase()));
    const open = new Set(
      (await listOpenInvitations(tx, scope, ctx.now().toISOString())).map((i) =>
        i.email.toLowerCase(),
      ),
    );
    return (await listPeople(tx, scope)).filter(
      (p) => !hasLeft(p, today) && !members.has(p.email) && !open.has(p.email),
    );
  });
  const invited: PeopleImport["invited"] = [];
  for (const person of waiting) {
    const made = await createInvitation(
      ctx,
      actor,
      { email: person.email, role: "employee" },
      baseUrl,
    );
    invited.push({ email: person.email, link: made.link });
  }
  return invited;
}
