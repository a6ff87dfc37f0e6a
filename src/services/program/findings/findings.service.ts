/**
 * Findings as people work them: the list (filtered), one finding with the raw element it came
 * from and its history, triage with a decision and a reason, the imports, and the findings of
 * a period filed as evidence for the controls they measure.
 */
import { z } from "zod";
import { listAuditEvents } from "../../../db/audit.repo.ts";
import { listControlSummaries } from "../../../db/controls.repo.ts";
import {
  closeFindings,
  findFinding,
  listFindingImports,
  listFindings,
} from "../../../db/findings.repo.ts";
import type { FindingImport } from "../../../db/findings.repo.ts";
import { inOrgTransaction, read } from "../../../db/transaction.ts";
import type { Tx } from "../../../db/transaction.ts";
import { scopeOf } from "../../../domain/actor.ts";
import type { Actor } from "../../../domain/actor.ts";
import { AppError, invalidField, notFound } from "../../../domain/errors.ts";
import { FINDING_CONTROLS } from "../../../domain/findings/finding-readiness.ts";
import {
  FINDING_REF_PATTERN,
  FINDING_SEVERITIES,
  FINDING_SOURCES,
  FINDING_STATUSES,
  TRIAGE_DECISIONS,
  isOverdue,
} from "../../../domain/findings/finding.ts";
import type { Finding } from "../../../domain/findings/finding.ts";
import { authorize } from "../../../domain/permissions.ts";
import type { EvidenceItem } from "../../../domain/evidence.ts";
import { recordEvent } from "../../platform/audit.ts";
import { recordHistory } from "../../platform/audit-history.ts";
import type { RecordHistoryEntry } from "../../platform/audit-history.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { parseInput } from "../../platform/validation.ts";
import { addEvidence } from "../evidence.service.ts";
import { organizationToday } from "../../platform/organization-day.ts";

export const findingFilter = z.strictObject({
  source: z.enum(FINDING_SOURCES).optional(),
  status: z.enum(FINDING_STATUSES).optional(),
  severity: z.enum(FINDING_SEVERITIES).optional(),
  overdue: z.boolean().optional(),
});
export type FindingFilter = z.input<typeof findingFilter>;

export const triageInput = z.strictObject({
  decision: z.enum(TRIAGE_DECISIONS),
  reason: z.string().trim().min(1, "say why: the reason is what an auditor reads").max(2000),
});
export type TriageInput = z.input<typeof triageInput>;

export const findingsEvidenceInput = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
});
export type FindingsEvidenceInput = z.input<typeof findingsEvidenceInput>;

export interface FindingList {
  items: Finding[];
  /** Today in the organization's time zone: what "overdue" is measured against. */
  today: string;
  /** Over the findings listed. */
  counts: { open: number; overdue: number; closed: number };
}

export async function listFindingsOf(
  ctx: ServiceContext,
  actor: Actor,
  filter: FindingFilter = {},
): Promise<FindingList> {
  authorize(actor, "finding:read");
  const { overdue, ...query } = parseInput(findingFilter, filter);
  const { items, today } = await read(ctx.db, async (tx) => ({
    items: await listFindings(tx, scopeOf(actor), query),
    today: await organizationToday(tx, actor, ctx.now()),
  }));
  const chosen = overdue === true ? items.filter((f) => isOverdue(f, today)) : items;
  return {
    items: chosen,
    today,
    counts: {
      open: chosen.filter((f) => f.status === "open").length,
      overdue: chosen.filter((f) => isOverdue(f, today)).length,
      closed: chosen.filter((f) => f.status === "closed").length,
    },
  };
}

/** By its ref (F-12) or its id. */
async function loadFinding(tx: Tx, actor: Actor, key: string) {
  const trimmed = key.trim();
  const match = FINDING_REF_PATTERN.exec(trimmed);
  const found =
    match !== null
      ? await findFinding(tx, scopeOf(actor), { number: Number(match[1]) })
      : /^[0-9a-f-]{36}$/i.test(trimmed)
        ? await findFinding(tx, scopeOf(actor), { id: trimmed.toLowerCase() })
        : undefined;
  if (found === undefined) throw notFound("finding", key);
  return found;
}

export async function showFinding(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
): Promise<{ finding: Finding; detail: unknown; history: RecordHistoryEntry[] }> {
  authorize(actor, "finding:read");
  return read(ctx.db, async (tx) => {
    const { finding, detail } = await loadFinding(tx, actor, key);
    const events = await listAuditEvents(tx, scopeOf(actor), {
      targetType: "finding",
      targetId: finding.ref,
    });
    return { finding, detail, history: await recordHistory(tx, scopeOf(actor), events) };
  });
}

/** Closes an open finding with a decision and a reason; a closed one is refused. */
export async function triageFinding(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  input: TriageInput,
): Promise<Finding> {
  authorize(actor, "finding:triage");
  const { decision, reason } = parseInput(triageInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const { finding } = await loadFinding(tx, actor, key);
    if (finding.status === "closed") {
      throw new AppError(
        "CONFLICT",
        `${finding.ref} is already closed (${finding.triage?.decision ?? "?"}); a later import reopens it if it is seen again`,
      );
    }
    if (decision === "remediated" && finding.source === "cloudtrail") {
      throw invalidField(
        "decision",
        "a flagged event is not remediated: say whether it was authorized-activity, an incident or a false-positive",
      );
    }
    await closeFindings(tx, scopeOf(actor), [finding.id], {
      decision,
      reason,
      by: actor.name,
      at: at.toISOString(),
    });
    await recordEvent(
      tx,
      actor,
      "finding.triaged",
      finding.ref,
      { decision, reason, previousStatus: finding.status },
      at,
    );
    return (await loadFinding(tx, actor, finding.ref)).finding;
  });
}

export async function listImports(ctx: ServiceContext, actor: Actor): Promise<FindingImport[]> {
  authorize(actor, "finding:read");
  return read(ctx.db, (tx) => listFindingImports(tx, scopeOf(actor)));
}

/**
 * Files the findings of a period (first seen or triaged within it) as evidence: one record per
 * kind of control, linked to the controls those findings measure that the organization has.
 */
export async function recordFindingsEvidence(
  ctx: ServiceContext,
  actor: Actor,
  input: FindingsEvidenceInput,
): Promise<EvidenceItem[]> {
  authorize(actor, "finding:triage");
  const { from, to } = parseInput(findingsEvidenceInput, input);
  if (from > to) throw invalidField("to", `${to} is before ${from}`);
  const { findings, adopted } = await read(ctx.db, async (tx) => ({
    findings: await listFindings(tx, scopeOf(actor)),
    adopted: new Set((await listControlSummaries(tx, scopeOf(actor))).map((c) => c.ref)),
  }));
  const day = (iso: string | null) => (iso === null ? null : iso.slice(0, 10));
  const within = (value: string | null) => value !== null && value >= from && value <= to;
  const inPeriod = findings.filter(
    (f) => within(day(f.firstSeenAt)) || within(day(f.triage?.at ?? null)),
  );
  const groups = [
    {
      kind: "vulnerability-findings",
      sources: ["sarif", "prowler"],
      title: "Scanner and posture findings",
    },
    {
      kind: "flagged-cloudtrail-events",
      sources: ["cloudtrail"],
      title: "Flagged CloudTrail events and their triage",
    },
  ] as const;
  const filed: EvidenceItem[] = [];
  for (const group of groups) {
    const chosen = inPeriod.filter((f) => (group.sources as readonly string[]).includes(f.source));
    if (chosen.length === 0) continue;
    const controls = [...new Set(group.sources.flatMap((s) => FINDING_CONTROLS[s]))].filter((c) =>
      adopted.has(c),
    );
    const closed = chosen.filter((f) => f.status === "closed").length;
    filed.push(
      await addEvidence(
        ctx,
        actor,
        {
          kind: "record",
          record: { kind: group.kind, data: { from, to, findings: chosen } },
        },
        {
          title: `${group.title}, ${from} to ${to}: ${chosen.length} (${closed} triaged)`,
          source: "automated",
          controls,
          from,
          to,
        },
      ),
    );
  }
  if (filed.length === 0) {
    throw invalidField("from", `no finding was seen or triaged between ${from} and ${to}`);
  }
  return filed;
}
