/**
 * Acknowledgements: a person confirms they read one exact version (its hash), at a time, from
 * a network address. They are never changed or removed; a new version asks again, and the
 * earlier acknowledgements stay in its history. The roster of a version (who acknowledged,
 * who is still missing) is also generated evidence for the controls that rely on the policy.
 */
import { z } from "zod";
import { listControlSummaries } from "../../db/controls.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import {
  insertAcknowledgement,
  listAcknowledgements,
  listPolicyVersions,
} from "../../db/policies.repo.ts";
import type { Policy, PolicyAcknowledgement, PolicyVersion } from "../../db/policies.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { AppError, invalidField } from "../../domain/errors.ts";
import type { EvidenceItem } from "../../domain/evidence.ts";
import { localDate } from "../../domain/periods.ts";
import { authorize } from "../../domain/permissions.ts";
import { audienceRoles, policyLabel } from "../../domain/policy.ts";
import type { AudienceRole } from "../../domain/policy.ts";
import { recordEvent } from "../platform/audit.ts";
import { closeOwnSteps } from "./own-steps.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { addEvidence } from "./evidence.service.ts";
import { findPolicyTemplate, loadPolicy, viewPolicy } from "./policies.service.ts";
import type { PolicyView } from "./policies.service.ts";
import { acknowledgementDue, audienceOf, loadWorkforce } from "./policy-audience.ts";

export const acknowledgeInput = z
  .object({
    version: z
      .number({ error: "say which version you read (a number)" })
      .int("must be a whole number")
      .positive("must be a whole number"),
  })
  .strict();

export async function acknowledgePolicy(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof acknowledgeInput>,
  address: string | null,
): Promise<PolicyView> {
  authorize(actor, "policy:acknowledge");
  const data = parseInput(acknowledgeInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const policy = await loadPolicy(tx, actor, handle);
    const label = policyLabel(policy.number);
    const current = (await listPolicyVersions(tx, scope, policy.id))[0];
    if (current === undefined || policy.state === "retired") {
      throw new AppError("INVALID_STATE", `${label} has no version in force to acknowledge`);
    }
    if (data.version !== current.version) {
      throw invalidField(
        "version",
        `${label} version ${data.version} is not the one in force; read version ${current.version}`,
      );
    }
    const { timeZone } = await getOrganization(tx, scope);
    const person = (await loadWorkforce(tx, scope, timeZone, localDate(at, timeZone))).find(
      (p) => p.userId === actor.id,
    );
    if (actor.kind !== "user" || person === undefined) {
      throw new AppError("FORBIDDEN", "only a member with an account can acknowledge a policy");
    }
    if (!audienceRoles(current.audience).includes(person.role)) {
      throw new AppError(
        "INVALID_STATE",
        `${label} version ${current.version} asks ${audienceRoles(current.audience).join(", ")} to acknowledge it, not ${person.role}`,
      );
    }
    const earlier = await listAcknowledgements(tx, scope, [current.id]);
    const mine = earlier.find((a) => a.userId === actor.id);
    if (mine !== undefined) {
      throw new AppError(
        "CONFLICT",
        `you acknowledged ${label} version ${current.version} on ${mine.acknowledgedAt.slice(0, 10)}`,
      );
    }
    const acknowledgement: PolicyAcknowledgement = {
      id: newId(),
      policyVersionId: current.id,
      userId: actor.id,
      email: person.email,
      name: person.name,
      sha256: current.sha256,
      acknowledgedAt: at.toISOString(),
      address,
    };
    await insertAcknowledgement(tx, scope, acknowledgement);
    await recordEvent(
      tx,
      actor,
      "policy.acknowledged",
      policy.id,
      {
        policy: label,
        version: current.version,
        sha256: current.sha256,
        userId: actor.id,
        email: person.email,
        address,
      },
      at,
    );
    await closeOwnSteps(tx, actor, person.email, ["policy-acknowledgement"], at);
    return viewPolicy(tx, actor, policy);
  });
}

export interface RosterEntry {
  name: string;
  email: string;
  acknowledgedAt: string;
  sha256: string;
  address: string | null;
}

export interface MissingEntry {
  name: string;
  email: string;
  role: AudienceRole;
  dueBy: string;
  overdue: boolean;
}

export interface AcknowledgementRoster {
  policy: string;
  title: string;
  version: number;
  sha256: string;
  publishedAt: string;
  ackDueBy: string;
  audience: AudienceRole[];
  asked: number;
  acknowledged: RosterEntry[];
  missing: MissingEntry[];
  /** Earlier versions, newest first, with their acknowledgements: kept, never wiped. */
  earlier: { version: number; sha256: string; acknowledged: RosterEntry[] }[];
  generatedAt: string;
}

const rosterEntry = (a: PolicyAcknowledgement): RosterEntry => ({
  name: a.name,
  email: a.email,
  acknowledgedAt: a.acknowledgedAt,
  sha256: a.sha256,
  address: a.address,
});

export async function buildRoster(
  tx: Tx,
  actor: Actor,
  policy: Policy,
  now: Date,
): Promise<AcknowledgementRoster> {
  const scope = scopeOf(actor);
  const label = policyLabel(policy.number);
  const versions = await listPolicyVersions(tx, scope, policy.id);
  const current = versions[0];
  if (current === undefined) {
    throw new AppError("INVALID_STATE", `${label} is not published yet: nobody has been asked`);
  }
  const organization = await getOrganization(tx, scope);
  const today = localDate(now, organization.timeZone);
  const acks = await listAcknowledgements(
    tx,
    scope,
    versions.map((v) => v.id),
  );
  const ofVersion = (v: PolicyVersion) => acks.filter((a) => a.policyVersionId === v.id);
  const acknowledged = ofVersion(current);
  const done = new Set(acknowledged.map((a) => a.userId));
  const asked = audienceOf(
    await loadWorkforce(tx, scope, organization.timeZone, today),
    current.audience,
  );
  const missing = asked
    .filter((person) => person.userId === null || !done.has(person.userId))
    .map((person) => {
      const dueBy = acknowledgementDue(current, person, policy.ackDays);
      return {
        name: person.name,
        email: person.email,
        role: person.role,
        dueBy,
        overdue: dueBy < today,
      };
    });
  return {
    policy: label,
    title: current.title,
    version: current.version,
    sha256: current.sha256,
    publishedAt: current.publishedAt,
    ackDueBy: current.ackDueBy,
    audience: current.audience,
    asked: asked.length,
    acknowledged: acknowledged.map(rosterEntry),
    missing,
    earlier: versions.slice(1).map((v) => ({
      version: v.version,
      sha256: v.sha256,
      acknowledged: ofVersion(v).map(rosterEntry),
    })),
    generatedAt: now.toISOString(),
  };
}

export async function policyAcknowledgementStatus(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<AcknowledgementRoster> {
  authorize(actor, "policy:edit");
  const now = ctx.now();
  return read(ctx.db, async (tx) =>
    buildRoster(tx, actor, await loadPolicy(tx, actor, handle), now),
  );
}

/**
 * Files the roster of the version in force as evidence, linked to the controls the policy's
 * template supports that the organization has: generated, never uploaded.
 */
export async function recordRosterEvidence(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<EvidenceItem> {
  authorize(actor, "policy:edit");
  const now = ctx.now();
  const { roster, controls, today } = await read(ctx.db, async (tx) => {
    const policy = await loadPolicy(tx, actor, handle);
    const organization = await getOrganization(tx, scopeOf(actor));
    const template = policy.templateId === null ? undefined : findPolicyTemplate(policy.templateId);
    const wanted = new Set(template?.controls ?? []);
    const present = (await listControlSummaries(tx, scopeOf(actor)))
      .filter((c) => wanted.has(c.ref))
      .map((c) => c.ref);
    return {
      roster: await buildRoster(tx, actor, policy, now),
      controls: present,
      today: localDate(now, organization.timeZone),
    };
  });
  return addEvidence(
    ctx,
    actor,
    { kind: "record", record: { kind: "policy-acknowledgements", data: roster } },
    {
      title:
        `Acknowledgements of ${roster.policy} ${roster.title} v${roster.version}: ` +
        `${roster.acknowledged.length} of ${roster.asked}`,
      source: "automated",
      controls,
      forDate: today,
    },
  );
}
