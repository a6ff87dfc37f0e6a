/**
 * Reading the control list, apart from the changes (controls.service.ts): `attest controls
 * list` and the list page load this without the control library or the write schemas.
 */
import * as z from "zod/mini";
import { listControlPage, listControls as listControlRows } from "../../db/controls.repo.ts";
import { read, readOnce } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { CONTROL_REF_PATTERN, CONTROL_STATUSES } from "../../domain/control.ts";
import type { Control } from "../../domain/control.ts";
import { authorize } from "../../domain/permissions.ts";
import { auditorReach, reachCoversControl } from "../platform/auditor-reach.ts";
import type { ServiceContext } from "../platform/context.ts";
import { checkCriterionId, checkOneOf } from "../platform/input-rules.ts";
import type { RuleResult } from "../platform/input-rules.ts";
import { parseInput } from "../platform/validation.ts";

/** A zod/mini check from a rule of input-rules.ts: the value it gives, or its message. */
function ruled<T>(check: (value: string) => RuleResult<T>) {
  return z.pipe(
    z.string(),
    z.transform((value: string, ctx): T => {
      const checked = check(value);
      if (checked.ok) return checked.value;
      ctx.issues.push({ code: "custom", message: checked.message, input: value });
      return z.NEVER;
    }),
  );
}

/** A control's id as given: trimmed and upper-cased, in the shape CONTROL_REF_PATTERN allows. */
export const ref = ruled((value): RuleResult<string> => {
  const normalized = value.trim().toUpperCase();
  return CONTROL_REF_PATTERN.test(normalized)
    ? { ok: true, value: normalized }
    : {
        ok: false,
        message:
          `"${value}" is not a control id; use letters and digits in dash-separated ` +
          "parts, such as AC-04 or ACME-SEC-12",
      };
});

/** Written with zod/mini: `controls list` then loads none of zod's full API. */
export const controlFilter = z.strictObject({
  status: z.optional(ruled((value) => checkOneOf(CONTROL_STATUSES, "control status", value))),
  criterion: z.optional(ruled(checkCriterionId)),
  owner: z.optional(z.string().check(z.trim(), z.minLength(1, "must not be empty"))),
  /** Words to find in the ref, title or description. */
  q: z.optional(z.string().check(z.trim(), z.maxLength(200, "keep it under 200 characters"))),
});
export type ControlFilter = z.input<typeof controlFilter>;

/** The words of a search, lower-cased: each must appear in the ref, title or description. */
function searchWords(q: string | undefined): string[] {
  return (q ?? "")
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

export async function listControls(
  ctx: ServiceContext,
  actor: Actor,
  filter: ControlFilter = {},
): Promise<Control[]> {
  authorize(actor, "control:read");
  const { status, criterion, owner, q } = parseInput(controlFilter, filter);
  const words = searchWords(q);
  const { controls, reach } = await read(ctx.db, async (tx) => ({
    controls: await listControlRows(tx, scopeOf(actor)),
    reach: await auditorReach(tx, actor),
  }));
  return controls.filter(
    (c) =>
      (reach === undefined || reachCoversControl(reach, c)) &&
      (status === undefined || c.status === status) &&
      (criterion === undefined || c.criteria.includes(criterion)) &&
      (owner === undefined || c.owner === owner) &&
      words.every((w) => `${c.ref} ${c.title} ${c.description}`.toLowerCase().includes(w)),
  );
}

export interface ControlPage {
  items: Control[];
  nextCursor: string | null;
}

/**
 * One page of the list, for the API: filtered and paged in the database. An auditor lists
 * only the controls their engagements cover (auditorReach).
 */
export async function listControlsPage(
  ctx: ServiceContext,
  actor: Actor,
  filter: ControlFilter,
  page: { cursor?: string | undefined; limit: number },
): Promise<ControlPage> {
  authorize(actor, "control:read");
  const { status, criterion, owner, q } = parseInput(controlFilter, filter);
  // A cursor is the last ref of a page; anything else is refused rather than read as one.
  const afterRef =
    page.cursor === undefined
      ? undefined
      : parseInput(ref, Buffer.from(page.cursor, "base64url").toString("utf8"), "cursor");
  const { controls, more } = await readOnce(ctx.db, async (tx) =>
    listControlPage(tx, scopeOf(actor), {
      ...(await auditorReach(tx, actor).then((reach) => (reach === undefined ? {} : { reach }))),
      ...(status === undefined ? {} : { status }),
      ...(owner === undefined ? {} : { owner }),
      ...(criterion === undefined ? {} : { criterion }),
      words: searchWords(q),
      ...(afterRef === undefined ? {} : { afterRef }),
      limit: page.limit,
    }),
  );
  const last = controls.at(-1);
  return {
    items: controls,
    nextCursor: more && last !== undefined ? Buffer.from(last.ref).toString("base64url") : null,
  };
}
