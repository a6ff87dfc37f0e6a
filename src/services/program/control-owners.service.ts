/**
 * Control owners assigned in bulk: every control whose suggested owner role is X goes to one
 * member, or a CSV of `ref,email` names each control's owner. The whole batch is refused,
 * naming each bad line, if any row is bad; otherwise each change is one control.updated event
 * (reason "assigned in bulk"), in one transaction, as if each control had been edited.
 */
import { z } from "zod";
import { OWNER_ROLES } from "../../catalog/index.ts";
import { listControls, updateControlRow } from "../../db/controls.repo.ts";
import { inOrgTransaction } from "../../db/transaction.ts";
import { listMembers } from "../../db/users.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { diffControl } from "../../domain/control.ts";
import { AppError } from "../../domain/errors.ts";
import type { FieldError } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { oneOf } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";

export const BULK_REASON = "assigned in bulk";
/** Roles that can own a control: an auditor or an employee cannot (they cannot edit one). */
const OWNING_ROLES = new Set(["owner", "admin", "control-owner"]);

export const controlOwnersInput = z.union([
  z
    .object({
      role: oneOf(OWNER_ROLES, "owner role"),
      email: z.string().trim().min(1, "must not be empty").max(320),
    })
    .strict(),
  z.object({ csv: z.string().min(1, "must not be empty").max(2_000_000, "is too large") }).strict(),
]);
export type ControlOwnersInput = z.input<typeof controlOwnersInput>;

export interface OwnerChange {
  ref: string;
  from: string | null;
  to: string;
}

export interface ControlOwnersOutcome {
  changed: OwnerChange[];
  /** Controls named that already had that owner. */
  unchanged: string[];
}

interface Row {
  line: number;
  ref: string;
  email: string;
}

/** `ref,email` lines, a header line optional; every bad line is named. */
function parseCsv(csv: string): { rows: Row[]; errors: FieldError[] } {
  const rows: Row[] = [];
  const errors: FieldError[] = [];
  csv.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === "") return;
    const cells = text.split(",").map((c) =>
      c
        .trim()
        .replace(/^"(.*)"$/, "$1")
        .trim(),
    );
    if (line === 1 && cells[0]?.toLowerCase() === "ref") return;
    if (cells.length !== 2 || cells[0] === "" || cells[1] === "") {
      errors.push({ field: `csv.line ${line}`, message: "must be ref,email (two cells)" });
      return;
    }
    rows.push({ line, ref: (cells[0] ?? "").toUpperCase(), email: (cells[1] ?? "").toLowerCase() });
  });
  if (rows.length === 0 && errors.length === 0) {
    errors.push({ field: "csv", message: "has no rows; give one ref,email per line" });
  }
  return { rows, errors };
}

function refused(errors: FieldError[]): AppError {
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join("; ");
  return new AppError("VALIDATION_FAILED", `nothing was assigned: ${detail}`, errors);
}

export async function assignControlOwners(
  ctx: ServiceContext,
  actor: Actor,
  input: ControlOwnersInput,
): Promise<ControlOwnersOutcome> {
  authorize(actor, "control:assign-owners");
  const data = parseInput(controlOwnersInput, input);
  const at = ctx.now();
  const scope = scopeOf(actor);
  return inOrgTransaction(ctx.db, scope, async (tx) => {
    const controls = await listControls(tx, scope);
    const byRef = new Map(controls.map((c) => [c.ref, c]));
    const members = new Map(
      (await listMembers(tx, scope)).map((m) => [m.user.email.toLowerCase(), m.role]),
    );
    const memberProblem = (email: string): string | null => {
      const role = members.get(email.toLowerCase());
      if (role === undefined) return `${email} is not a member of this organization`;
      if (!OWNING_ROLES.has(role)) {
        return `${email} is ${role === "auditor" ? "an auditor" : "an employee"}; a control owner must be an owner, admin or control owner`;
      }
      return null;
    };
    let rows: Row[];
    if ("csv" in data) {
      const parsed = parseCsv(data.csv);
      const errors = [...parsed.errors];
      const seen = new Map<string, number>();
      for (const row of parsed.rows) {
        const field = `csv.line ${row.line}`;
        if (!byRef.has(row.ref)) errors.push({ field, message: `no control ${row.ref}` });
        const problem = memberProblem(row.email);
        if (problem !== null) errors.push({ field, message: problem });
        const earlier = seen.get(row.ref);
        if (earlier !== undefined) {
          errors.push({ field, message: `${row.ref} is already on line ${earlier}` });
        }
        seen.set(row.ref, row.line);
      }
      if (errors.length > 0) throw refused(errors);
      rows = parsed.rows;
    } else {
      const problem = memberProblem(data.email);
      if (problem !== null) throw refused([{ field: "email", message: problem }]);
      rows = controls
        .filter((c) => c.ownerRole === data.role)
        .map((c) => ({ line: 0, ref: c.ref, email: data.email.toLowerCase() }));
      if (rows.length === 0) {
        throw refused([{ field: "role", message: `no control suggests the ${data.role} role` }]);
      }
    }
    const outcome: ControlOwnersOutcome = { changed: [], unchanged: [] };
    for (const row of rows) {
      const control = byRef.get(row.ref);
      if (control === undefined) continue;
      const diff = diffControl(control, { owner: row.email });
      if (Object.keys(diff).length === 0) {
        outcome.unchanged.push(control.ref);
        continue;
      }
      if (!(await updateControlRow(tx, scope, control, { owner: row.email }, at.toISOString()))) {
        throw new AppError("CONFLICT", `control "${control.ref}" was changed meanwhile; try again`);
      }
      await recordEvent(
        tx,
        actor,
        "control.updated",
        control.ref,
        { changes: diff, reason: BULK_REASON },
        at,
      );
      outcome.changed.push({ ref: control.ref, from: control.owner, to: row.email });
    }
    return outcome;
  });
}
