/**
 * Opening requests inside a transaction the caller already holds: the one way a request is
 * numbered, stored and recorded, whether the auditor opens it by hand (requests.service.ts),
 * asks for every sampled item with no evidence, or a draw opens one per sampled occurrence of
 * an imported population (sampling.service.ts, sample-growth.service.ts). No authorization
 * here: each caller has checked that the actor is the engagement's assigned auditor.
 */
import { insertRequest, listRequests, nextRequestNumber } from "../../db/audit-requests.repo.ts";
import { findControlByRef } from "../../db/controls.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { listPopulationImports } from "../../db/populations.repo.ts";
import { newId } from "../../db/portable.ts";
import type { Tx } from "../../db/transaction.ts";
import { listMembers } from "../../db/users.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { requestRef } from "../../domain/audit-request.ts";
import type { AuditRequest } from "../../domain/audit-request.ts";
import type { Engagement, EngagementSample } from "../../domain/engagement.ts";
import { addDays, localDate } from "../../domain/periods.ts";
import { recordEvent } from "../platform/audit.ts";

/** Roles that can supply evidence, and so can be asked for it. */
export const ANSWERING_ROLES = new Set(["owner", "admin", "control-owner"]);

/**
 * Days the request for a sampled occurrence is due in when a draw opens it: two weeks, time
 * for the owner to pull the record of one occurrence from its system of record.
 */
export const OCCURRENCE_REQUEST_DUE_DAYS = 14;

export interface NewRequest {
  control: string | null;
  item: string | null;
  description: string;
  addressee: string;
  dueOn: string;
}

export async function organizationToday(tx: Tx, actor: Actor, at: Date): Promise<string> {
  return localDate(at, (await getOrganization(tx, scopeOf(actor))).timeZone);
}

/** The emails of the members who can supply evidence. */
export async function answeringMembers(tx: Tx, actor: Actor): Promise<Set<string>> {
  return new Set(
    (await listMembers(tx, scopeOf(actor)))
      .filter((m) => ANSWERING_ROLES.has(m.role))
      .map((m) => m.user.email),
  );
}

/** The owner of the engagement's control, when they are a member who can answer. */
export async function answeringOwner(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  ref: string,
  answering: ReadonlySet<string>,
): Promise<string | undefined> {
  const frozen = engagement.snapshot?.controls.find((c) => c.ref === ref);
  const live = frozen === undefined ? undefined : await findControlByRef(tx, scopeOf(actor), ref);
  const owner = live?.owner?.trim().toLowerCase();
  return owner !== undefined && answering.has(owner) ? owner : undefined;
}

/** Numbers, stores and records one request. */
export async function insertAndRecord(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  fields: NewRequest,
  bulk: boolean,
  at: Date,
): Promise<AuditRequest> {
  const number = await nextRequestNumber(tx, scopeOf(actor), engagement.id);
  const request: AuditRequest = {
    id: newId(),
    ref: requestRef(number),
    number,
    engagementId: engagement.id,
    ...fields,
    status: "open",
    returnReason: null,
    openedBy: actor.name,
    openedAt: at.toISOString(),
    answeredAt: null,
    decidedBy: null,
    decidedAt: null,
    remindedOn: null,
    updatedAt: at.toISOString(),
    evidence: [],
    comments: [],
  };
  await insertRequest(tx, scopeOf(actor), request);
  await recordEvent(
    tx,
    actor,
    "engagement.request-opened",
    engagement.id,
    { request: request.ref, ...fields, bulk },
    at,
  );
  return request;
}

/** "control\0item" of every request the engagement has, whatever its status. */
export async function askedItems(tx: Tx, actor: Actor, engagement: Engagement) {
  const existing = await listRequests(tx, scopeOf(actor), { engagementId: engagement.id });
  return new Set(existing.map((r) => `${r.control ?? ""}\u0000${r.item ?? ""}`));
}

export function itemRequest(
  control: string,
  item: { key: string; label: string },
  addressee: string,
  dueOn: string,
): NewRequest {
  return {
    control,
    item: item.key,
    description: `Evidence that ${control} operated for ${item.label}.`,
    addressee,
    dueOn,
  };
}

/**
 * Within the draw's transaction: one request per sampled occurrence of an imported population
 * that has no request yet (so a sample that grows, or is drawn again, asks only for what is
 * new), to the control's owner or, when it has none who can answer, to whoever imported the
 * rows. Due OCCURRENCE_REQUEST_DUE_DAYS after the organization's today. A control neither can
 * answer for (an owner or importer no longer a member) gets no request: the auditor asks
 * someone by hand.
 */
export async function openOccurrenceRequests(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  sample: EngagementSample,
  at: Date,
): Promise<AuditRequest[]> {
  const imported = sample.controls.filter((c) => c.populationSource === "imported");
  if (imported.length === 0) return [];
  const dueOn = addDays(await organizationToday(tx, actor, at), OCCURRENCE_REQUEST_DUE_DAYS);
  const answering = await answeringMembers(tx, actor);
  const imports = await listPopulationImports(tx, scopeOf(actor), engagement.id);
  const asked = await askedItems(tx, actor, engagement);
  const opened: AuditRequest[] = [];
  for (const drawn of imported) {
    const importer = imports
      .find((i) => i.controlRef === drawn.controlRef && i.number === drawn.populationImport?.number)
      ?.importedByEmail?.toLowerCase();
    const addressee =
      (await answeringOwner(tx, actor, engagement, drawn.controlRef, answering)) ??
      (importer !== undefined && answering.has(importer) ? importer : undefined);
    if (addressee === undefined) continue;
    const byKey = new Map(drawn.population.map((p) => [p.key, p]));
    for (const key of drawn.items) {
      const occurrence = byKey.get(key);
      if (occurrence === undefined || asked.has(`${drawn.controlRef}\u0000${key}`)) continue;
      const fields = itemRequest(drawn.controlRef, occurrence, addressee, dueOn);
      opened.push(await insertAndRecord(tx, actor, engagement, fields, true, at));
      asked.add(`${drawn.controlRef}\u0000${key}`);
    }
  }
  return opened;
}
