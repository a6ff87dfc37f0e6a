/**
 * Bridge letters: between the end of a report's period and today, customers ask management
 * to say that nothing material changed. Drafted from template words for the newest final
 * version, edited, and approved by an owner; an approved letter no longer changes.
 */
import { z } from "zod";
import {
  insertBridgeLetter,
  listBridgeLetters,
  saveBridgeLetter,
} from "../../db/bridge-letters.repo.ts";
import type { BridgeLetter } from "../../db/bridge-letters.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { newId } from "../../db/portable.ts";
import { listReportVersions } from "../../db/reports.repo.ts";
import { listEngagements } from "../../db/engagements.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { engagementLabel } from "../../domain/engagement.ts";
import type { Engagement } from "../../domain/engagement.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { addDays, addMonths, localDate, longerThanMonths } from "../../domain/periods.ts";
import { authorize } from "../../domain/permissions.ts";
import { coverageEnd } from "../../domain/report.ts";
import { bridgeLetterTemplate } from "../../domain/report-templates.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { loadEngagement } from "../fieldwork/engagements.service.ts";
import { calendarDate } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";

export const bridgeInput = z
  .object({
    through: calendarDate.optional(),
    text: z
      .string()
      .trim()
      .min(50, "write the letter (at least 50 characters)")
      .max(20000)
      .optional(),
  })
  .strict();

export type BridgeLetterView = BridgeLetter & {
  version: number;
  coverageEnd: string;
  /** The first day the letter speaks for: the day after the report's coverage. */
  gapFrom: string;
  /** What the reader should know first, such as a gap long enough to need a new report. */
  warnings: string[];
};

/** Past this, a letter is a stopgap customers rarely accept: a new report is due. */
const LONG_GAP_MONTHS = 3;

function gapWarnings(gapFrom: string, through: string): string[] {
  return longerThanMonths({ from: gapFrom, to: through }, LONG_GAP_MONTHS)
    ? [
        `the letter covers ${gapFrom} to ${through}, over ${LONG_GAP_MONTHS} months after the ` +
          "report: customers usually expect a new report, not a longer letter",
      ]
    : [];
}

function viewOf(letter: BridgeLetter, version: number, engagement: Engagement): BridgeLetterView {
  const end = coverageEnd(engagement);
  const gapFrom = addDays(end, 1);
  return {
    ...letter,
    version,
    coverageEnd: end,
    gapFrom,
    warnings: gapWarnings(gapFrom, letter.through),
  };
}

/** The engagement after this one (the next report), or when a yearly renewal would fall. */
function nextReportWords(engagements: readonly Engagement[], after: Engagement): string {
  const end = coverageEnd(after);
  const next = engagements
    .filter(
      (e) => e.id !== after.id && (e.type === 2 ? (e.periodFrom ?? "") : coverageEnd(e)) > end,
    )
    .sort((a, b) => (coverageEnd(a) < coverageEnd(b) ? -1 : 1))[0];
  // None planned yet: reports are renewed yearly.
  if (next === undefined) return `by ${addMonths(end, 12)}`;
  return next.type === 2
    ? `after ${next.periodTo ?? ""}, covering ${next.periodFrom ?? ""} to ${next.periodTo ?? ""} ` +
        `(${engagementLabel(next)}, Type 2)`
    : `as of ${next.asOf ?? ""} (${engagementLabel(next)}, Type 1)`;
}

async function lettersOf(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
): Promise<BridgeLetterView[]> {
  const versions = await listReportVersions(tx, scopeOf(actor), engagement.id);
  const numbers = new Map(versions.map((v) => [v.id, v.version]));
  const letters = await listBridgeLetters(tx, scopeOf(actor), [...numbers.keys()]);
  return letters.map((l) => viewOf(l, numbers.get(l.reportVersionId) ?? 0, engagement));
}

export async function listBridgeLettersOf(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<BridgeLetterView[]> {
  authorize(actor, "report:read");
  return read(ctx.db, async (tx) => lettersOf(tx, actor, await loadEngagement(tx, actor, handle)));
}

export async function draftBridgeLetter(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof bridgeInput> = {},
): Promise<BridgeLetterView> {
  authorize(actor, "report:edit");
  const data = parseInput(bridgeInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const engagement = await loadEngagement(tx, actor, handle);
    const org = await getOrganization(tx, scope);
    const final = (await listReportVersions(tx, scope, engagement.id))[0];
    if (final === undefined) {
      throw new AppError(
        "INVALID_STATE",
        `${engagementLabel(engagement)} has no final report for a bridge letter to follow`,
      );
    }
    const end = coverageEnd(engagement);
    const today = localDate(at, org.timeZone);
    const through = data.through ?? today;
    checkThrough(through, end, today);
    const existing = await lettersOf(tx, actor, engagement);
    const letter: BridgeLetter = {
      id: newId(),
      reportVersionId: final.id,
      number: (existing[0]?.number ?? 0) + 1,
      through,
      text:
        data.text ??
        bridgeLetterTemplate({
          organization: org.name,
          systemName: org.systemName,
          reportLabel: `${engagementLabel(engagement)}, Type ${engagement.type}, version ${final.version}`,
          reportCoverage:
            engagement.type === 2
              ? `the period from ${engagement.periodFrom ?? ""} to ${end}`
              : `its design as of ${end}`,
          auditor: engagement.auditFirm,
          gapFrom: addDays(end, 1),
          through,
          nextReport: nextReportWords(await listEngagements(tx, scope), engagement),
        }),
      createdBy: actor.name,
      createdAt: at.toISOString(),
      approval: null,
    };
    await insertBridgeLetter(tx, scope, letter);
    await recordEvent(
      tx,
      actor,
      "report.bridge-letter-drafted",
      engagement.id,
      { engagement: engagementLabel(engagement), letter: letter.number, through },
      at,
    );
    return viewOf(letter, final.version, engagement);
  });
}

/** A letter speaks for time after the report, and never for days still to come. */
function checkThrough(through: string, end: string, today: string): void {
  if (through <= end) {
    throw invalidField("through", `must be after the report's coverage ends (${end})`);
  }
  if (through > today) {
    throw invalidField("through", `${through} is in the future; management can vouch up to today`);
  }
}

async function changeLetter(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  number: number,
  change: (
    letter: BridgeLetterView,
    today: string,
  ) => {
    letter: BridgeLetterView;
    event: "report.bridge-letter-edited" | "report.bridge-letter-approved";
  },
): Promise<BridgeLetterView> {
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    const letter = (await lettersOf(tx, actor, engagement)).find((l) => l.number === number);
    if (letter === undefined) throw notFound("bridge letter", String(number));
    if (letter.approval !== null) {
      throw new AppError(
        "INVALID_STATE",
        `bridge letter ${number} was approved by ${letter.approval.name}; draft a new one instead`,
      );
    }
    const org = await getOrganization(tx, scopeOf(actor));
    const { letter: next, event } = change(letter, localDate(at, org.timeZone));
    await saveBridgeLetter(tx, scopeOf(actor), next);
    await recordEvent(
      tx,
      actor,
      event,
      engagement.id,
      { engagement: engagementLabel(engagement), letter: number, through: next.through },
      at,
    );
    return next;
  });
}

export async function editBridgeLetter(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  number: number,
  input: z.input<typeof bridgeInput>,
): Promise<BridgeLetterView> {
  authorize(actor, "report:edit");
  const data = parseInput(bridgeInput, input);
  return changeLetter(ctx, actor, handle, number, (letter, today) => {
    const through = data.through ?? letter.through;
    checkThrough(through, letter.coverageEnd, today);
    return {
      letter: {
        ...letter,
        text: data.text ?? letter.text,
        through,
        warnings: gapWarnings(letter.gapFrom, through),
      },
      event: "report.bridge-letter-edited",
    };
  });
}

export async function approveBridgeLetter(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  number: number,
): Promise<BridgeLetterView> {
  authorize(actor, "report:approve");
  const at = ctx.now().toISOString();
  return changeLetter(ctx, actor, handle, number, (letter) => ({
    letter: { ...letter, approval: { by: actor.id, name: actor.name, at } },
    event: "report.bridge-letter-approved",
  }));
}
