/**
 * The yearly risk assessment: an event that freezes the register as canonical JSON with its
 * SHA-256, records who took part and when, and files the snapshot (as a PDF with the heat
 * maps and the hash) as evidence for RM-01 and RM-02, so readiness reads it like any other
 * evidence, with no upload.
 */
import { z } from "zod";
import { getOrganization } from "../../db/organizations.repo.ts";
import { newId } from "../../db/portable.ts";
import {
  findAssessment,
  insertAssessment,
  listAssessments as listAssessmentRows,
  listRisks,
} from "../../db/risks.repo.ts";
import type { StoredAssessment } from "../../db/risks.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { listMembers } from "../../db/users.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { canonicalJson } from "../../domain/audit-chain.ts";
import { sha256Hex } from "../../domain/digest.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { EARLIEST_EVIDENCE_DATE } from "../../domain/evidence.ts";
import { localDate } from "../../domain/periods.ts";
import { authorize } from "../../domain/permissions.ts";
import { ASSESSMENT_REF_PATTERN, assessmentRef, assessmentSnapshot } from "../../domain/risk.ts";
import type { AssessmentSnapshot, Participant } from "../../domain/risk.ts";
import { ASSESSMENT_CONTROL, REGISTER_CONTROL } from "../../domain/risk-readiness.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { calendarDate } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";
import { recordGeneratedEvidence, storeGeneratedFile } from "./evidence.service.ts";
import { renderAssessmentPdf } from "./risk-assessment-pdf.ts";
import { EMAIL_PATTERN } from "../../domain/account.ts";

/** The controls a risk assessment evidences: the assessment itself and the register. */
export const ASSESSMENT_EVIDENCE_CONTROLS = [ASSESSMENT_CONTROL, REGISTER_CONTROL] as const;

export const assessInput = z
  .object({
    /** Names or emails of the people who took part; a member's email is shown with their name. */
    participants: z
      .array(z.string().trim().min(1, "must not be empty").max(320))
      .min(1, "name at least one person who took part")
      .max(100),
    /** The day it was held; today (in the organization's time zone) when left out. */
    heldOn: calendarDate.optional(),
  })
  .strict();
export type AssessInput = z.input<typeof assessInput>;

export interface RiskAssessment {
  id: string;
  ref: string;
  heldOn: string;
  participants: Participant[];
  risks: number;
  sha256: string;
  evidenceId: string;
  recordedBy: string;
  createdAt: string;
}

export interface RiskAssessmentDetail extends RiskAssessment {
  /** The canonical JSON whose SHA-256 is `sha256`, as stored. */
  snapshot: string;
}

function summary(stored: StoredAssessment): RiskAssessment {
  const { snapshot, number: _n, ...rest } = stored;
  const parsed = JSON.parse(snapshot) as { risks: unknown[] };
  return { ...rest, risks: parsed.risks.length };
}

/** Emails become the member's name with the email; anything else is a name as written. */
async function resolveParticipants(
  tx: Tx,
  actor: Actor,
  given: readonly string[],
): Promise<Participant[]> {
  const members = await listMembers(tx, scopeOf(actor));
  const seen = new Set<string>();
  const participants: Participant[] = [];
  for (const [index, entry] of given.entries()) {
    const key = entry.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    if (entry.includes("@")) {
      if (!EMAIL_PATTERN.test(entry)) {
        throw invalidField(`participants.${index}`, `"${entry}" is not an email address`);
      }
      const member = members.find((m) => m.user.email === key);
      participants.push({ name: member?.user.name ?? key, email: key });
    } else {
      if (entry.length > 200) {
        throw invalidField(`participants.${index}`, "keep a name under 200 characters");
      }
      participants.push({ name: entry, email: null });
    }
  }
  return participants;
}

interface Prepared {
  number: number;
  heldOn: string;
  participants: Participant[];
  snapshot: AssessmentSnapshot;
  snapshotJson: string;
  sha256: string;
  risks: number;
}

/** Reads the register and builds the snapshot; run before and again inside the write. */
async function prepare(
  tx: Tx,
  actor: Actor,
  data: z.output<typeof assessInput>,
  now: Date,
): Promise<Prepared> {
  const organization = await getOrganization(tx, scopeOf(actor));
  const today = localDate(now, organization.timeZone);
  const heldOn = data.heldOn ?? today;
  if (heldOn < EARLIEST_EVIDENCE_DATE) {
    throw invalidField("heldOn", `${heldOn} is before ${EARLIEST_EVIDENCE_DATE}; check the date`);
  }
  if (heldOn > today) {
    throw invalidField(
      "heldOn",
      `${heldOn} is in the future (today is ${today} in ${organization.timeZone})`,
    );
  }
  const risks = await listRisks(tx, scopeOf(actor));
  if (risks.length === 0) {
    throw new AppError(
      "INVALID_STATE",
      "the risk register is empty: add risks before recording an assessment",
    );
  }
  const number = ((await listAssessmentRows(tx, scopeOf(actor)))[0]?.number ?? 0) + 1;
  const participants = await resolveParticipants(tx, actor, data.participants);
  const snapshot = assessmentSnapshot(
    organization.name,
    assessmentRef(number),
    heldOn,
    participants,
    risks,
  );
  const snapshotJson = canonicalJson(snapshot);
  return {
    number,
    heldOn,
    participants,
    snapshot,
    snapshotJson,
    sha256: sha256Hex(snapshotJson),
    risks: risks.length,
  };
}

export async function recordRiskAssessment(
  ctx: ServiceContext,
  actor: Actor,
  input: AssessInput,
): Promise<RiskAssessment> {
  authorize(actor, "risk:manage");
  authorize(actor, "evidence:create");
  const data = parseInput(assessInput, input);
  const at = ctx.now();
  // The PDF is rendered and stored first, as an upload would be; the transaction then checks
  // that the register it shows is still the register, so the file and the hash agree.
  const planned = await read(ctx.db, (tx) => prepare(tx, actor, data, at));
  const pdf = await renderAssessmentPdf(planned.snapshot, planned.sha256, at);
  const stored = await storeGeneratedFile(ctx, {
    title: `Risk assessment ${assessmentRef(planned.number)}`,
    fileName: `risk-assessment-${assessmentRef(planned.number)}-${planned.heldOn}.pdf`,
    mediaType: "application/pdf",
    bytes: pdf,
  });
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const current = await prepare(tx, actor, data, at);
    if (current.sha256 !== planned.sha256) {
      throw new AppError(
        "CONFLICT",
        "the risk register changed while the assessment was being recorded; try again",
      );
    }
    const ref = assessmentRef(current.number);
    const evidence = await recordGeneratedEvidence(
      tx,
      actor,
      `Risk assessment ${ref} held on ${current.heldOn} (snapshot SHA-256 ${current.sha256})`,
      { ...stored, fileName: `risk-assessment-${ref}-${current.heldOn}.pdf` },
      current.heldOn,
      ASSESSMENT_EVIDENCE_CONTROLS,
      at,
    );
    const assessment: StoredAssessment = {
      id: newId(),
      ref,
      number: current.number,
      heldOn: current.heldOn,
      participants: current.participants,
      snapshot: current.snapshotJson,
      sha256: current.sha256,
      evidenceId: evidence.id,
      recordedBy: actor.name,
      createdAt: at.toISOString(),
    };
    await insertAssessment(tx, scopeOf(actor), assessment);
    await recordEvent(
      tx,
      actor,
      "risk-assessment.recorded",
      ref,
      {
        heldOn: current.heldOn,
        participants: current.participants,
        risks: current.risks,
        sha256: current.sha256,
        evidence: evidence.id,
      },
      at,
    );
    return summary(assessment);
  });
}

export async function listRiskAssessments(
  ctx: ServiceContext,
  actor: Actor,
): Promise<RiskAssessment[]> {
  authorize(actor, "risk:read");
  const rows = await read(ctx.db, (tx) => listAssessmentRows(tx, scopeOf(actor)));
  return rows.map(summary);
}

/** By label (RA-2) or id, with the frozen snapshot. */
export async function showRiskAssessment(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
): Promise<RiskAssessmentDetail> {
  authorize(actor, "risk:read");
  const trimmed = key.trim();
  const numbered = ASSESSMENT_REF_PATTERN.exec(trimmed);
  const stored = await read(ctx.db, async (tx) =>
    numbered !== null
      ? findAssessment(tx, scopeOf(actor), { number: Number(numbered[1]) })
      : /^[0-9a-f-]{36}$/i.test(trimmed)
        ? findAssessment(tx, scopeOf(actor), { id: trimmed.toLowerCase() })
        : undefined,
  );
  if (stored === undefined) throw notFound("risk assessment", key);
  return { ...summary(stored), snapshot: stored.snapshot };
}
