/**
 * Finalizing the report: the checks that must pass, the frozen version with its issue date,
 * and loading a package (the live draft or a final version) for output. Also how old the
 * newest final report is, for the dashboard.
 */
import { z } from "zod";
import { listEngagements, saveEngagementState } from "../../db/engagements.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { newId } from "../../db/portable.ts";
import {
  findReportVersion,
  findReportVersionByNumber,
  insertReportVersion,
  listReportVersions,
  listThreads,
  saveDraft,
} from "../../db/reports.repo.ts";
import type { ReportVersion } from "../../db/reports.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { canonicalJson } from "../../domain/audit-chain.ts";
import { sha256Hex } from "../../domain/digest.ts";
import { engagementLabel, statusIndex } from "../../domain/engagement.ts";
import type { Engagement } from "../../domain/engagement.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { localDate } from "../../domain/periods.ts";
import { authorize } from "../../domain/permissions.ts";
import { coverageEnd, reportAge } from "../../domain/report.ts";
import type { ReportAge, ReportPackage } from "../../domain/report.ts";
import { threadLabel } from "../../domain/review.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { loadEngagement } from "../fieldwork/engagements.service.ts";
import { calendarDate } from "../platform/inputs.ts";
import { assemblePackage, draftOf, storedForm } from "./report-package.ts";
import { provenPackage } from "./proven-version.ts";
import { parseInput } from "../platform/validation.ts";

/**
 * The issue date is the opinion's date; a caller may repeat it to confirm what they release,
 * and any other date is refused.
 */
export const finalizeInput = z.object({ issueDate: calendarDate.optional() }).strict();

function refuse(engagement: Engagement, problems: string[]): never {
  throw new AppError(
    "INVALID_STATE",
    `${engagementLabel(engagement)} cannot be finalized:\n- ${problems.join("\n- ")}`,
  );
}

export async function finalizeReport(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof finalizeInput> = {},
): Promise<ReportVersion> {
  authorize(actor, "report:finalize");
  const data = parseInput(finalizeInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const engagement = await loadEngagement(tx, actor, handle);
    if (statusIndex(engagement.status) < statusIndex("draft-report")) {
      refuse(engagement, [
        `it is in ${engagement.status}; the report is finalized from the draft-report step`,
      ]);
    }
    const draft = await draftOf(tx, actor, engagement, at.toISOString());
    const problems: string[] = [];
    const unresolved = (await listThreads(tx, scope, engagement.id)).filter(
      (t) => t.status !== "resolved",
    );
    for (const t of unresolved) {
      problems.push(
        `review thread ${threadLabel(t)} on section ${t.section}${t.item === null ? "" : ` (${t.item})`} is ${t.status}`,
      );
    }
    // The report is dated by the auditor's opinion: its date is the issue date.
    const opinionDate = draft.opinion?.date ?? null;
    if (data.issueDate !== undefined && opinionDate !== null && data.issueDate !== opinionDate) {
      throw invalidField(
        "issueDate",
        `the report is dated by the auditor's opinion (${opinionDate}); the auditor records ` +
          "the opinion again to change its date",
      );
    }
    const issueDate = opinionDate ?? localDate(at, (await getOrganization(tx, scope)).timeZone);
    const pkg = await assemblePackage(tx, actor, engagement, {
      at: at.toISOString(),
      state: "final",
      issueDate,
    });
    problems.push(...pkg.voidedSignOffs);
    const approvalVoided = pkg.voidedSignOffs.some((v) => v.startsWith("management's assertion"));
    if (pkg.assertion.approval === null && !approvalVoided) {
      problems.push("management's assertion is not approved by an owner");
    }
    const opinionVoided = pkg.voidedSignOffs.some((v) => v.startsWith("the auditor's opinion"));
    if (pkg.opinion === null && !opinionVoided) {
      problems.push("the auditor's opinion is not recorded");
    }
    const previous = (await listReportVersions(tx, scope, engagement.id))[0];
    const prior =
      previous === undefined ? undefined : await findReportVersion(tx, scope, previous.id);
    if (prior !== undefined && prior.pkg.contentSha256 === pkg.contentSha256) {
      throw new AppError(
        "INVALID_STATE",
        `${engagementLabel(engagement)} has no changes since version ${prior.version.version} ` +
          "was finalized; edit the draft to make a new version",
      );
    }
    for (const gap of pkg.descriptionGaps) {
      problems.push(`system description ${gap.criterion}: ${gap.missing}`);
    }
    if (problems.length > 0) refuse(engagement, problems);

    const version: ReportVersion = {
      id: newId(),
      engagementId: engagement.id,
      version: draft.version,
      sha256: sha256Hex(canonicalJson(pkg)),
      issueDate,
      finalizedAt: at.toISOString(),
      finalizedBy: actor.name,
    };
    await insertReportVersion(tx, scope, version, pkg);
    await saveDraft(tx, scope, {
      ...(await storedForm(tx, actor, draft)),
      version: draft.version + 1,
      updatedAt: draft.updatedAt,
    });
    if (engagement.status === "draft-report") {
      const moved = { ...engagement, status: "final-report" as const };
      if (!(await saveEngagementState(tx, scope, moved, at.toISOString()))) {
        throw new AppError("CONFLICT", `${engagementLabel(engagement)} was changed meanwhile`);
      }
    }
    await recordEvent(
      tx,
      actor,
      "report.finalized",
      engagement.id,
      {
        engagement: engagementLabel(engagement),
        version: version.version,
        issueDate,
        sha256: version.sha256,
        opinion: pkg.opinion?.type ?? null,
      },
      at,
    );
    return version;
  });
}

export async function listReportVersionsOf(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<ReportVersion[]> {
  authorize(actor, "report:read");
  return read(ctx.db, async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    return listReportVersions(tx, scopeOf(actor), engagement.id);
  });
}

/** "draft": the live draft; "latest": the newest final, else the draft; or a version number. */
export type PackageChoice = "draft" | "latest" | number;

/** How the CLI and the API name a package to build: one parser, one error. */
export const packageChoice = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): PackageChoice => {
    if (value === undefined || value === "" || value === "latest") return "latest";
    if (value === "draft") return "draft";
    if (/^[1-9]\d{0,8}$/.test(value)) return Number(value);
    ctx.addIssue({
      code: "custom",
      message: `"${value}" is not a version: use draft, latest or a version number`,
    });
    return z.NEVER;
  });

export async function loadReportPackage(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  choice: PackageChoice = "latest",
): Promise<ReportPackage> {
  authorize(actor, "report:read");
  const at = ctx.now().toISOString();
  return read(ctx.db, async (tx) => {
    const scope = scopeOf(actor);
    const engagement = await loadEngagement(tx, actor, handle);
    let number: number | undefined;
    if (typeof choice === "number") number = choice;
    else if (choice === "latest") {
      number = (await listReportVersions(tx, scope, engagement.id))[0]?.version;
    }
    if (number === undefined) {
      return assemblePackage(tx, actor, engagement, { at, state: "draft", issueDate: null });
    }
    const found = await findReportVersionByNumber(tx, scope, engagement.id, number);
    if (found === undefined) {
      throw notFound(`final version of ${engagementLabel(engagement)}'s report`, String(number));
    }
    return provenPackage(tx, scope, found);
  });
}

export interface ReportStanding {
  engagement: string;
  type: 1 | 2;
  version: number;
  issueDate: string;
  coverageEnd: string;
  age: ReportAge;
}

/**
 * The newest final report and how old it is: what a customer asking for it would see. A final
 * version without the auditor's opinion (finalized before one was required) is no SOC 2
 * report and never stands.
 */
export async function currentReportStanding(
  ctx: ServiceContext,
  actor: Actor,
): Promise<ReportStanding | null> {
  authorize(actor, "report:read");
  return read(ctx.db, async (tx) => {
    const scope = scopeOf(actor);
    const org = await getOrganization(tx, scope);
    const versions = await listReportVersions(tx, scope);
    if (versions.length === 0) return null;
    const engagements = new Map((await listEngagements(tx, scope)).map((e) => [e.id, e] as const));
    const ranked = versions
      .map((v) => ({ v, e: engagements.get(v.engagementId) }))
      .filter((x): x is { v: ReportVersion; e: Engagement } => x.e !== undefined)
      .filter((x) => actor.role !== "auditor" || (actor.engagements ?? []).includes(x.e.id))
      .sort(
        (a, b) => coverageEnd(b.e).localeCompare(coverageEnd(a.e)) || b.v.version - a.v.version,
      );
    let best: { v: ReportVersion; e: Engagement } | undefined;
    for (const x of ranked) {
      const found = await findReportVersion(tx, scope, x.v.id);
      if ((found?.pkg.opinion ?? null) !== null) {
        best = x;
        break;
      }
    }
    if (best === undefined) return null;
    const end = coverageEnd(best.e);
    return {
      engagement: engagementLabel(best.e),
      type: best.e.type,
      version: best.v.version,
      issueDate: best.v.issueDate,
      coverageEnd: end,
      age: reportAge(end, localDate(ctx.now(), org.timeZone)),
    };
  });
}
