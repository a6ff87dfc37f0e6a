/**
 * Opening requests inside a transaction the caller already holds: the one way a request is
 * numbered, stored and recorded, whether the auditor opens it by hand (requests.service.ts),
 * asks for every sampled item with no evidence, or a draw opens one per sampled occurrence of
 * an imported population (sample-requests.ts). No authorization
 * here: each caller has checked that the actor is the engagement's assigned auditor.
 */
import { insertRequest, listRequests, nextRequestNumber } from "../../db/audit-requests.repo.ts";
import { findControlByRef } from "../../db/controls.repo.ts";
import { newId } from "../../db/portable.ts";
import type { Tx } from "../../db/transaction.ts";
import { listMembers } from "../../db/users.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { requestRef } from "../../domain/audit-request.ts";
import type { AuditRequest } from "../../domain/audit-request.ts";
import type { Engagement } from "../../domain/engagement.ts";
import { recordEvent } from "../platform/audit.ts";

/** Roles that can supply evidence, and so can be asked for it. */
export const ANSWERING_ROLES = new Set(["owner", "admin", "control-owner"]);

export interface NewRequest {
  control: string | null;
  item: string | null;
  description: string;
  addressee: string;
  dueOn: string;
}

/** The emails of the members who can supply evidence. */
export async function answeringMembers(tx: Tx, actor: Actor): Promise<Set<string>> {
  return new Set(
    (await listMembers(tx, scopeOf(actor)))
      .filter((m) => ANSWERING_ROLES.has(m.role))
      .map((m) => m.user.email),
  );
}

/** The owner of the engagement's control as set on it (lowercase), whoever they are. */
export async function controlOwner(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  ref: string,
): Promise<string | undefined> {
  const frozen = engagement.snapshot?.controls.find((c) => c.ref === ref);
  const live = frozen === undefined ? undefined : await findControlByRef(tx, scopeOf(actor), ref);
  const owner = live?.owner?.trim().toLowerCase();
  return owner === "" ? undefined : owner;
}

/** The owner of the engagement's control, when they are a member who can answer. */
export async function answeringOwner(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  ref: string,
  answering: ReadonlySet<string>,
): Promise<string | undefined> {
  const owner = await controlOwner(tx, actor, engagement, ref);
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

/**
 * "control\0item" of every request the engagement has, withdrawn ones aside: an item that
 * comes back into the sample after its request was withdrawn is asked for afresh.
 */
export async function askedItems(tx: Tx, actor: Actor, engagement: Engagement) {
  const existing = await listRequests(tx, scopeOf(actor), { engagementId: engagement.id });
  return new Set(
    existing
      .filter((r) => r.status !== "withdrawn")
      .map((r) => `${r.control ?? ""}\u0000${r.item ?? ""}`),
  );
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
