/**
 * Policies: adopting a template, reading and editing the working text, and comparing
 * versions. The workflow (submit, approve, publish, retire) is in policy-workflow.service.ts,
 * acknowledgements in policy-acknowledgements.service.ts.
 *
 * Who sees what: editors (policy:edit) see every policy with its working text; everyone else
 * who may read policies (employees, control owners) sees only what is published: policies with
 * a version, and only the latest version's text.
 */
import { z } from "zod";
import { POLICY_TEMPLATES, policyTemplate } from "../../catalog/policies/index.ts";
import type { PolicyTemplate } from "../../catalog/policies/types.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import {
  findPolicyById,
  findPolicyByNumber,
  insertPolicy,
  listAcknowledgements,
  listPolicies,
  listPolicyVersions,
  nextPolicyNumber,
  savePolicy,
} from "../../db/policies.repo.ts";
import type { Policy, PolicyVersion } from "../../db/policies.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import type { POLICY_CHANGE_FIELDS } from "../../domain/audit-events.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { authorize, can } from "../../domain/permissions.ts";
import {
  AUDIENCE_ROLES,
  DEFAULT_ACK_DAYS,
  POLICY_LABEL,
  fillTemplate,
  policyLabel,
  policyTextHash,
  policyReviewDue,
} from "../../domain/policy.ts";
import type { AudienceRole, PolicyState } from "../../domain/policy.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { email, oneOf, requiredText } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";

/** A policy's text: Markdown, up to about 60 pages. */
const policyBody = z
  .string()
  .max(200_000, "keep the policy under 200,000 characters")
  .refine((text) => text.trim() !== "", "must not be empty");
const reviewMonths = z
  .number()
  .int("must be a whole number of months")
  .min(1, "review at least once every 36 months (1 to 36)")
  .max(36, "review at least once every 36 months (1 to 36)");
const ackDays = z
  .number()
  .int("must be a whole number of days")
  .min(1, "give people 1 to 365 days")
  .max(365, "give people 1 to 365 days");
const audience = z.array(oneOf(AUDIENCE_ROLES, "role")).max(AUDIENCE_ROLES.length);

export const adoptPolicyInput = z
  .object({
    template: z.string().trim().min(1, "name a template (see attest policies templates)"),
    values: z.record(z.string(), z.string().max(500)).default({}),
    owner: email.optional(),
    audience: audience.default([]),
    ackDays: ackDays.default(DEFAULT_ACK_DAYS),
  })
  .strict();

export const updatePolicyInput = z
  .object({
    title: requiredText(200).optional(),
    body: policyBody.optional(),
    owner: email.optional(),
    reviewMonths: reviewMonths.optional(),
    audience: audience.optional(),
    ackDays: ackDays.optional(),
  })
  .strict();

export function findPolicyTemplate(id: string): PolicyTemplate | undefined {
  return policyTemplate(id.trim().toLowerCase());
}

export function listPolicyTemplates(actor: Actor): readonly PolicyTemplate[] {
  authorize(actor, "policy:edit");
  return POLICY_TEMPLATES;
}

export interface PolicyVersionSummary {
  version: number;
  title: string;
  sha256: string;
  approvedBy: string;
  approvedAt: string;
  publishedBy: string;
  publishedAt: string;
  audience: AudienceRole[];
  ackDueBy: string;
}

export interface PolicySummary {
  id: string;
  label: string;
  templateId: string | null;
  title: string;
  owner: string;
  state: PolicyState;
  reviewMonths: number;
  audience: AudienceRole[];
  ackDays: number;
  /** The version in force: the latest published one. */
  current: PolicyVersionSummary | null;
  reviewedAt: string | null;
  reviewDueBy: string | null;
  /** Whether the caller has acknowledged the version in force (null when not asked). */
  acknowledgedByMe: boolean | null;
  updatedAt: string;
}

export interface PolicyView extends PolicySummary {
  /** The working text; null for readers who see only what is published. */
  body: string | null;
  bodySha256: string | null;
  approval: { name: string; at: string } | null;
  /** The text of the version in force. */
  currentBody: string | null;
  versions: PolicyVersionSummary[];
  /** The library controls that rely on this policy (from its template). */
  controls: readonly string[];
  /** Every acknowledgement the caller has given for this policy, newest first. */
  myAcknowledgements: { version: number; sha256: string; at: string }[];
}

export function versionSummary(v: PolicyVersion): PolicyVersionSummary {
  return {
    version: v.version,
    title: v.title,
    sha256: v.sha256,
    approvedBy: v.approval.name,
    approvedAt: v.approval.at,
    publishedBy: v.publishedBy,
    publishedAt: v.publishedAt,
    audience: v.audience,
    ackDueBy: v.ackDueBy,
  };
}

/** The day the next review is due, counted from the last approval of a published text. */

export function seesDrafts(actor: Actor): boolean {
  return can(actor, "policy:edit");
}

/**
 * By label ("P-3" or "3") or id; a reader without edit rights finds only published policies.
 */
export async function loadPolicy(tx: Tx, actor: Actor, handle: string): Promise<Policy> {
  const trimmed = handle.trim();
  const match = POLICY_LABEL.exec(trimmed) ?? /^(\d+)$/.exec(trimmed);
  const number = match === null ? Number.NaN : Number(match[1]);
  const policy = Number.isSafeInteger(number)
    ? await findPolicyByNumber(tx, scopeOf(actor), number)
    : await findPolicyById(tx, scopeOf(actor), trimmed.toLowerCase());
  if (policy === undefined) throw notFound("policy", handle);
  if (!seesDrafts(actor)) {
    const versions = await listPolicyVersions(tx, scopeOf(actor), policy.id);
    if (versions.length === 0 || policy.state === "retired") throw notFound("policy", handle);
  }
  return policy;
}

async function summarize(
  tx: Tx,
  actor: Actor,
  policies: readonly Policy[],
): Promise<{ policy: Policy; summary: PolicySummary; versions: PolicyVersion[] }[]> {
  const scope = scopeOf(actor);
  const organization = await getOrganization(tx, scope);
  const versions = await listPolicyVersions(tx, scope);
  const byPolicy = new Map<string, PolicyVersion[]>();
  for (const v of versions) byPolicy.set(v.policyId, [...(byPolicy.get(v.policyId) ?? []), v]);
  const latestIds = [...byPolicy.values()].flatMap((list) => (list[0] ? [list[0].id] : []));
  const mine = new Set(
    (await listAcknowledgements(tx, scope, latestIds))
      .filter((a) => a.userId === actor.id)
      .map((a) => a.policyVersionId),
  );
  return policies.map((policy) => {
    const list = byPolicy.get(policy.id) ?? [];
    const current = list[0];
    const asked =
      current !== undefined &&
      policy.state !== "retired" &&
      actor.kind === "user" &&
      (current.audience.length === 0 || current.audience.some((role) => role === actor.role));
    return {
      policy,
      versions: list,
      summary: {
        id: policy.id,
        label: policyLabel(policy.number),
        templateId: policy.templateId,
        title: policy.title,
        owner: policy.owner,
        state: policy.state,
        reviewMonths: policy.reviewMonths,
        audience: policy.audience,
        ackDays: policy.ackDays,
        current: current === undefined ? null : versionSummary(current),
        reviewedAt: policy.reviewedAt,
        reviewDueBy: policyReviewDue(policy, organization.timeZone),
        acknowledgedByMe: asked ? mine.has(current.id) : null,
        updatedAt: policy.updatedAt,
      },
    };
  });
}

export async function listPoliciesOf(ctx: ServiceContext, actor: Actor): Promise<PolicySummary[]> {
  authorize(actor, "policy:read");
  return read(ctx.db, async (tx) => {
    const all = await summarize(tx, actor, await listPolicies(tx, scopeOf(actor)));
    const visible = seesDrafts(actor)
      ? all
      : all.filter((p) => p.summary.current !== null && p.policy.state !== "retired");
    return visible.map((p) => p.summary);
  });
}

export async function viewPolicy(tx: Tx, actor: Actor, policy: Policy): Promise<PolicyView> {
  const [entry] = await summarize(tx, actor, [policy]);
  if (entry === undefined) throw notFound("policy", policyLabel(policy.number));
  const drafts = seesDrafts(actor);
  const ids = entry.versions.map((v) => v.id);
  const numbers = new Map(entry.versions.map((v) => [v.id, v.version]));
  const mine = (await listAcknowledgements(tx, scopeOf(actor), ids))
    .filter((a) => a.userId === actor.id)
    .map((a) => ({
      version: numbers.get(a.policyVersionId) ?? 0,
      sha256: a.sha256,
      at: a.acknowledgedAt,
    }))
    .sort((a, b) => b.version - a.version);
  return {
    ...entry.summary,
    body: drafts ? policy.body : null,
    bodySha256: drafts ? policyTextHash(policy.body) : null,
    approval:
      drafts && policy.approval !== null
        ? { name: policy.approval.name, at: policy.approval.at }
        : null,
    currentBody: entry.versions[0]?.body ?? null,
    versions: drafts
      ? entry.versions.map(versionSummary)
      : entry.versions.slice(0, 1).map(versionSummary),
    controls:
      policy.templateId === null ? [] : (findPolicyTemplate(policy.templateId)?.controls ?? []),
    myAcknowledgements: mine,
  };
}

export async function showPolicy(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<PolicyView> {
  authorize(actor, "policy:read");
  return read(ctx.db, async (tx) => viewPolicy(tx, actor, await loadPolicy(tx, actor, handle)));
}

export async function adoptPolicy(
  ctx: ServiceContext,
  actor: Actor,
  input: z.input<typeof adoptPolicyInput>,
): Promise<PolicyView> {
  authorize(actor, "policy:edit");
  const data = parseInput(adoptPolicyInput, input);
  const template = findPolicyTemplate(data.template);
  if (template === undefined) {
    throw invalidField(
      "template",
      `unknown policy template "${data.template}" (see attest policies templates)`,
    );
  }
  const at = ctx.now().toISOString();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const organization = await getOrganization(tx, scope);
    const body = fillTemplate(template.body, template.variables, organization.name, data.values);
    const policy: Policy = {
      id: newId(),
      number: await nextPolicyNumber(tx, scope),
      templateId: template.id,
      title: template.title,
      owner: data.owner ?? actor.email ?? actor.id,
      reviewMonths: template.reviewMonths,
      state: "draft",
      body,
      audience: dedupe(data.audience),
      ackDays: data.ackDays,
      approval: null,
      reviewedAt: null,
      createdBy: actor.name,
      createdAt: at,
      updatedAt: at,
    };
    await insertPolicy(tx, scope, policy);
    await recordEvent(
      tx,
      actor,
      "policy.adopted",
      policy.id,
      {
        policy: policyLabel(policy.number),
        title: policy.title,
        template: template.id,
        owner: policy.owner,
        sha256: policyTextHash(body),
      },
      new Date(at),
    );
    return viewPolicy(tx, actor, policy);
  });
}

function dedupe(roles: readonly AudienceRole[]): AudienceRole[] {
  return AUDIENCE_ROLES.filter((role) => roles.includes(role));
}

type ChangeField = (typeof POLICY_CHANGE_FIELDS)[number];

/**
 * Changes the working text or settings. A policy awaiting or holding approval goes back to
 * draft, its approval cleared: the owner signs a text, not a policy. Published versions stay.
 */
export async function updatePolicy(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof updatePolicyInput>,
): Promise<PolicyView> {
  authorize(actor, "policy:edit");
  const data = parseInput(updatePolicyInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const policy = await loadPolicy(tx, actor, handle);
    if (policy.state === "retired") {
      throw new AppError(
        "INVALID_STATE",
        `${policyLabel(policy.number)} is retired and no longer changes`,
      );
    }
    const next: Policy = {
      ...policy,
      title: data.title ?? policy.title,
      body: data.body ?? policy.body,
      owner: data.owner ?? policy.owner,
      reviewMonths: data.reviewMonths ?? policy.reviewMonths,
      audience: data.audience === undefined ? policy.audience : dedupe(data.audience),
      ackDays: data.ackDays ?? policy.ackDays,
    };
    const changes: Partial<Record<ChangeField, { from: unknown; to: unknown }>> = {};
    const note = (field: ChangeField, from: unknown, to: unknown) => {
      if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
    };
    note("title", policy.title, next.title);
    note("body", policyTextHash(policy.body), policyTextHash(next.body));
    note("owner", policy.owner, next.owner);
    note("reviewMonths", policy.reviewMonths, next.reviewMonths);
    note("audience", policy.audience, next.audience);
    note("ackDays", policy.ackDays, next.ackDays);
    if (Object.keys(changes).length === 0) return viewPolicy(tx, actor, policy);
    // The approval signs the text and title people will read; settings alone keep it.
    const textChanged = changes.title !== undefined || changes.body !== undefined;
    const saved: Policy = {
      ...next,
      state: textChanged ? "draft" : policy.state,
      approval: textChanged ? null : policy.approval,
      updatedAt: at.toISOString(),
    };
    await savePolicy(tx, scopeOf(actor), saved);
    await recordEvent(
      tx,
      actor,
      "policy.updated",
      policy.id,
      { policy: policyLabel(policy.number), changes, sha256: policyTextHash(saved.body) },
      at,
    );
    return viewPolicy(tx, actor, saved);
  });
}
