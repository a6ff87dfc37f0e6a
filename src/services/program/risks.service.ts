/**
 * The risk register: list, show with history, add (written here or copied from the starter
 * library) and edit. Scores are derived, never typed; a mitigated risk names at least one of
 * the organization's controls; every write is one transaction with its audit event.
 */
import { RISK_LIBRARY, riskTemplate } from "../../catalog/risks/library.ts";
import type { RiskTemplate } from "../../catalog/risks/types.ts";
import { listAuditEvents } from "../../db/audit.repo.ts";
import { listControlSummaries } from "../../db/controls.repo.ts";
import { newId } from "../../db/portable.ts";
import {
  findRisk,
  insertRisk,
  listRisks,
  nextRiskNumber,
  setRiskControls,
  updateRiskRow,
} from "../../db/risks.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { listMembers } from "../../db/users.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import {
  RISK_REF_PATTERN,
  defaultReviewDate,
  diffRisk,
  heatMap,
  riskProblems,
  riskRef,
  riskScore,
} from "../../domain/risk.ts";
import type { HeatMap, Risk, RiskChanges } from "../../domain/risk.ts";
import { recordEvent } from "../platform/audit.ts";
import { recordHistory } from "../platform/audit-history.ts";
import type { RecordHistoryEntry } from "../platform/audit-history.ts";
import type { ServiceContext } from "../platform/context.ts";
import {
  addFromLibraryInput,
  createRiskInput,
  riskFilter,
  updateRiskInput,
} from "./risk-inputs.ts";
import type {
  AddFromLibraryInput,
  CreateRiskInput,
  RiskFilter,
  UpdateRiskInput,
} from "./risk-inputs.ts";
import { parseInput } from "../platform/validation.ts";

export {
  addFromLibraryInput,
  createRiskInput,
  riskFilter,
  updateRiskInput,
} from "./risk-inputs.ts";
export type {
  AddFromLibraryInput,
  CreateRiskInput,
  RiskFilter,
  UpdateRiskInput,
} from "./risk-inputs.ts";
import { organizationToday } from "../platform/organization-day.ts";

export interface RiskRegister {
  items: Risk[];
  /** Over the risks listed: counts per cell, inherent and residual. */
  heatMap: { inherent: HeatMap; residual: HeatMap };
  /** Today in the organization's time zone: what "past its review date" is measured against. */
  today: string;
}

export type RiskHistoryEntry = RecordHistoryEntry;

async function loadRisk(tx: Tx, actor: Actor, key: string): Promise<Risk> {
  const trimmed = key.trim();
  const numbered = RISK_REF_PATTERN.exec(trimmed);
  const risk =
    numbered !== null
      ? await findRisk(tx, scopeOf(actor), { number: Number(numbered[1]) })
      : /^[0-9a-f-]{36}$/i.test(trimmed)
        ? await findRisk(tx, scopeOf(actor), { id: trimmed.toLowerCase() })
        : undefined;
  if (risk === undefined) throw notFound("risk", key);
  return risk;
}

export async function listRiskRegister(
  ctx: ServiceContext,
  actor: Actor,
  filter: RiskFilter = {},
): Promise<RiskRegister> {
  authorize(actor, "risk:read");
  const { category, treatment, owner, overdue, q } = parseInput(riskFilter, filter);
  const words = (q ?? "")
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const { risks, date } = await read(ctx.db, async (tx) => ({
    risks: await listRisks(tx, scopeOf(actor)),
    date: await organizationToday(tx, actor, ctx.now()),
  }));
  const items = risks.filter(
    (r) =>
      (category === undefined || r.category === category) &&
      (treatment === undefined || r.treatment === treatment) &&
      (owner === undefined || r.owner === owner) &&
      (overdue !== true || r.reviewDate < date) &&
      words.every((w) => `${r.ref} ${r.title} ${r.description}`.toLowerCase().includes(w)),
  );
  return {
    items,
    heatMap: { inherent: heatMap(items, "inherent"), residual: heatMap(items, "residual") },
    today: date,
  };
}

export async function showRisk(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
): Promise<{ risk: Risk; history: RiskHistoryEntry[] }> {
  authorize(actor, "risk:read");
  return read(ctx.db, async (tx) => {
    const risk = await loadRisk(tx, actor, key);
    const events = await listAuditEvents(tx, scopeOf(actor), {
      targetType: "risk",
      targetId: risk.ref,
    });
    return { risk, history: await recordHistory(tx, scopeOf(actor), events) };
  });
}

/** The starter risks, as shipped. */
export function riskLibrary(actor: Actor): readonly RiskTemplate[] {
  authorize(actor, "risk:read");
  return RISK_LIBRARY;
}

/** Refuses an owner who is not a member, unknown controls and a risk its rules refuse. */
async function checkRisk(
  tx: Tx,
  actor: Actor,
  risk: Risk,
  controlIds: Map<string, string>,
): Promise<string[]> {
  if (risk.owner !== null) {
    const members = await listMembers(tx, scopeOf(actor));
    if (!members.some((m) => m.user.email === risk.owner)) {
      throw invalidField(
        "owner",
        `"${risk.owner}" is not the email of a member of this organization`,
      );
    }
  }
  const ids = risk.controls.map((ref, index) => {
    const id = controlIds.get(ref);
    if (id === undefined) {
      throw invalidField(`controls.${index}`, `unknown control "${ref}" (see attest controls)`);
    }
    return id;
  });
  for (const [field, message] of Object.entries(riskProblems(risk))) {
    throw invalidField(field, message);
  }
  if (risk.residualLikelihood > risk.likelihood) {
    throw invalidField(
      "residualLikelihood",
      `residual likelihood ${risk.residualLikelihood} is above the inherent likelihood ${risk.likelihood}: controls lower a risk, never raise it`,
    );
  }
  if (risk.residualImpact > risk.impact) {
    throw invalidField(
      "residualImpact",
      `residual impact ${risk.residualImpact} is above the inherent impact ${risk.impact}: controls lower a risk, never raise it`,
    );
  }
  return ids;
}

async function controlIdsByRef(tx: Tx, actor: Actor): Promise<Map<string, string>> {
  const controls = await listControlSummaries(tx, scopeOf(actor));
  return new Map(controls.map((c) => [c.ref, c.id]));
}

/** Inserts a checked risk with its controls and records risk.created. */
async function addRisk(
  tx: Tx,
  actor: Actor,
  risk: Risk,
  controlIds: Map<string, string>,
  skippedControls: string[],
  at: Date,
): Promise<Risk> {
  const ids = await checkRisk(tx, actor, risk, controlIds);
  await insertRisk(tx, scopeOf(actor), risk);
  await setRiskControls(tx, scopeOf(actor), risk.id, ids);
  await recordEvent(
    tx,
    actor,
    "risk.created",
    risk.ref,
    {
      templateId: risk.templateId,
      title: risk.title,
      description: risk.description,
      category: risk.category,
      owner: risk.owner,
      likelihood: risk.likelihood,
      impact: risk.impact,
      treatment: risk.treatment,
      controls: risk.controls,
      residualLikelihood: risk.residualLikelihood,
      residualImpact: risk.residualImpact,
      reviewDate: risk.reviewDate,
      acceptanceNote: risk.acceptanceNote,
      skippedControls,
    },
    at,
  );
  return risk;
}

function newRisk(
  fields: Omit<
    Risk,
    "id" | "ref" | "number" | "inherentScore" | "residualScore" | "createdAt" | "updatedAt"
  >,
  number: number,
  at: Date,
): Risk {
  return {
    ...fields,
    controls: [...new Set(fields.controls)].sort(),
    id: newId(),
    ref: riskRef(number),
    number,
    inherentScore: riskScore(fields.likelihood, fields.impact),
    residualScore: riskScore(fields.residualLikelihood, fields.residualImpact),
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
}

export async function createRisk(
  ctx: ServiceContext,
  actor: Actor,
  input: CreateRiskInput,
): Promise<Risk> {
  authorize(actor, "risk:manage");
  const data = parseInput(createRiskInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const risk = newRisk(
      {
        ...data,
        templateId: null,
        residualLikelihood: data.residualLikelihood ?? data.likelihood,
        residualImpact: data.residualImpact ?? data.impact,
        reviewDate: data.reviewDate ?? defaultReviewDate(await organizationToday(tx, actor, at)),
      },
      await nextRiskNumber(tx, scopeOf(actor)),
      at,
    );
    return addRisk(tx, actor, risk, await controlIdsByRef(tx, actor), [], at);
  });
}

export interface LibraryAddition {
  risks: Risk[];
  /** Per starter risk, the library controls it names that the organization has not adopted. */
  skipped: { template: string; risk: string; controls: string[] }[];
}

/**
 * Copies starter risks into the register with their suggested scores (residual equal to the
 * inherent until the organization rescores it), mapped to the organization's controls that
 * carry the library's refs. Controls not adopted are left out and said so; a mitigated risk
 * none of whose controls is adopted is refused, since it would have nothing mitigating it.
 */
export async function addRisksFromLibrary(
  ctx: ServiceContext,
  actor: Actor,
  input: AddFromLibraryInput,
): Promise<LibraryAddition> {
  authorize(actor, "risk:manage");
  const data = parseInput(addFromLibraryInput, input);
  const templates = data.templates.map((id, index) => {
    const template = riskTemplate(id);
    if (template === undefined) {
      throw invalidField(
        `templates.${index}`,
        `unknown starter risk "${id}"; ids look like RL-07 (see attest risks library)`,
      );
    }
    return template;
  });
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const controlIds = await controlIdsByRef(tx, actor);
    const existing = await listRisks(tx, scopeOf(actor));
    const reviewDate = defaultReviewDate(await organizationToday(tx, actor, at));
    let number = await nextRiskNumber(tx, scopeOf(actor));
    const added: LibraryAddition = { risks: [], skipped: [] };
    for (const [index, template] of templates.entries()) {
      const already = [...existing, ...added.risks].find((r) => r.templateId === template.id);
      if (already !== undefined) {
        throw new AppError(
          "CONFLICT",
          `${template.id} is already in the register as ${already.ref}`,
          [{ field: `templates.${index}`, message: `already in the register as ${already.ref}` }],
        );
      }
      const mapped = template.controls.filter((ref) => controlIds.has(ref));
      const skipped = template.controls.filter((ref) => !controlIds.has(ref));
      if (template.treatment === "mitigate" && mapped.length === 0) {
        throw invalidField(
          `templates.${index}`,
          `${template.id} is mitigated by ${template.controls.join(", ")}, none of which this organization has adopted; adopt one first or write the risk yourself`,
        );
      }
      const risk = newRisk(
        {
          templateId: template.id,
          title: template.title,
          description: template.description,
          category: template.category,
          owner: data.owner,
          likelihood: template.likelihood,
          impact: template.impact,
          treatment: template.treatment,
          controls: mapped,
          residualLikelihood: template.likelihood,
          residualImpact: template.impact,
          reviewDate,
          acceptanceNote: null,
        },
        number,
        at,
      );
      number += 1;
      added.risks.push(await addRisk(tx, actor, risk, controlIds, skipped, at));
      if (skipped.length > 0)
        added.skipped.push({ template: template.id, risk: risk.ref, controls: skipped });
    }
    return added;
  });
}

export async function updateRisk(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  input: UpdateRiskInput,
): Promise<Risk> {
  authorize(actor, "risk:manage");
  const data = parseInput(updateRiskInput, input);
  if (Object.keys(data).length === 0) {
    const message = `nothing to change: give at least one of ${Object.keys(updateRiskInput.shape).join(", ")}`;
    throw new AppError("VALIDATION_FAILED", message, [{ field: "input", message }]);
  }
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const risk = await loadRisk(tx, actor, key);
    const changes: RiskChanges = {
      ...data,
      ...(data.controls === undefined ? {} : { controls: [...new Set(data.controls)].sort() }),
    };
    const diff = diffRisk(risk, changes);
    if (Object.keys(diff).length === 0) return risk;
    const next = { ...risk, ...changes, updatedAt: at.toISOString() };
    const updated: Risk = {
      ...next,
      inherentScore: riskScore(next.likelihood, next.impact),
      residualScore: riskScore(next.residualLikelihood, next.residualImpact),
    };
    const ids = await checkRisk(tx, actor, updated, await controlIdsByRef(tx, actor));
    await updateRiskRow(tx, scopeOf(actor), updated);
    if (diff.controls !== undefined) await setRiskControls(tx, scopeOf(actor), risk.id, ids);
    await recordEvent(tx, actor, "risk.updated", risk.ref, { changes: diff }, at);
    return loadRisk(tx, actor, risk.ref);
  });
}
