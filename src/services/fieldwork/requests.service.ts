/**
 * The auditor's request list ("provided by client"): the engagement's assigned auditor opens
 * requests, for a control, a sampled item or in free text, addressed to a member who can
 * supply evidence. Reads: the list (a control owner sees only what is addressed to them) and
 * the counts the auditor's home shows. Answers and decisions are in request-answers.service.
 */
import { findRequest, listRequests } from "../../db/audit-requests.repo.ts";
import { findControlByRef } from "../../db/controls.repo.ts";
import { currentSample } from "../../db/engagements.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { listMembers } from "../../db/users.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { REQUEST_REF_PATTERN, countRequests, isPending } from "../../domain/audit-request.ts";
import type { AuditRequest, NamedRequest, RequestCounts } from "../../domain/audit-request.ts";
import { engagementLabel, statusIndex } from "../../domain/engagement.ts";
import type { Engagement, EngagementSample } from "../../domain/engagement.ts";
import { AppError, invalidField, notFound } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { loadEngagement } from "./engagements.service.ts";
import { bulkRequestInput, openRequestInput, requestFilter } from "./request-inputs.ts";
import type { BulkRequestInput, OpenRequestInput, RequestFilter } from "./request-inputs.ts";
import {
  ANSWERING_ROLES,
  answeringMembers,
  answeringOwner,
  askedItems,
  insertAndRecord,
  itemRequest,
} from "./request-opening.ts";
import type { NewRequest } from "./request-opening.ts";
import { withItemWords, withItemWordsOne } from "./request-words.ts";
import { requireAssignedAuditor } from "./sampling.service.ts";
import { organizationToday } from "../platform/organization-day.ts";

export * from "./request-inputs.ts";

export interface RequestList {
  items: NamedRequest[];
  counts: RequestCounts;
  /** Today in the organization's time zone: what "overdue" is measured against. */
  today: string;
}

/** A control owner reads only the requests addressed to them; other readers, all of them. */
function visibleTo(actor: Actor, request: AuditRequest): boolean {
  return actor.role !== "control-owner" || request.addressee === actor.email;
}

/** By its R-number within the engagement, hidden like another tenant's when not the caller's. */
export async function loadRequest(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  key: string,
): Promise<AuditRequest> {
  const numbered = REQUEST_REF_PATTERN.exec(key.trim());
  const request =
    numbered === null
      ? undefined
      : await findRequest(tx, scopeOf(actor), engagement.id, Number(numbered[1]));
  if (request === undefined || !visibleTo(actor, request)) throw notFound("request", key);
  return request;
}

export async function listEngagementRequests(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  filter: RequestFilter = {},
): Promise<RequestList> {
  authorize(actor, "request:read");
  const { status } = parseInput(requestFilter, filter);
  return read(ctx.db, async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    const today = await organizationToday(tx, actor, ctx.now());
    const all = (await listRequests(tx, scopeOf(actor), { engagementId: engagement.id })).filter(
      (r) => visibleTo(actor, r),
    );
    const items = status === undefined ? all : all.filter((r) => r.status === status);
    return {
      items: await withItemWords(tx, scopeOf(actor), items),
      counts: countRequests(all, today),
      today,
    };
  });
}

export async function showRequest(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  key: string,
): Promise<NamedRequest> {
  authorize(actor, "request:read");
  return read(ctx.db, async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    return withItemWordsOne(tx, scopeOf(actor), await loadRequest(tx, actor, engagement, key));
  });
}

/**
 * Counts by status (and overdue) of the requests on one engagement, as its reader may see
 * them: what the auditor's home shows beside each engagement.
 */
export async function openRequestCounts(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<RequestCounts> {
  return (await listEngagementRequests(ctx, actor, handle)).counts;
}

/** Requests are opened until the report is final; after that the fieldwork is closed. */
function requireOpenForRequests(engagement: Engagement): void {
  if (statusIndex(engagement.status) >= statusIndex("final-report")) {
    throw new AppError(
      "INVALID_STATE",
      `${engagementLabel(engagement)} is in ${engagement.status}: its fieldwork is closed, so no request is opened`,
    );
  }
}

/** The addressee must be a member who can supply evidence. */
async function checkAddressee(tx: Tx, actor: Actor, to: string, field = "to"): Promise<string> {
  const member = (await listMembers(tx, scopeOf(actor))).find((m) => m.user.email === to);
  if (member === undefined) {
    throw invalidField(field, `"${to}" is not the email of a member of this organization`);
  }
  if (!ANSWERING_ROLES.has(member.role)) {
    throw invalidField(
      field,
      `${to} is ${member.role === "auditor" ? "an auditor" : "an employee"} and cannot supply evidence; ask an owner, an admin or a control owner`,
    );
  }
  return to;
}

function sampledItem(
  engagement: Engagement,
  sample: EngagementSample | undefined,
  control: string,
  item: string,
): { label: string } {
  const drawn = sample?.controls.find((c) => c.controlRef === control);
  if (sample === undefined || drawn === undefined || !drawn.items.includes(item)) {
    throw invalidField(
      "item",
      sample === undefined
        ? `${engagementLabel(engagement)} has no sample yet: a request names an item once one is drawn`
        : `"${item}" is not in ${control}'s sample (${drawn?.items.join(", ") || "empty"})`,
    );
  }
  return { label: drawn.population.find((p) => p.key === item)?.label ?? item };
}

/** The control as the engagement tests it: frozen at fieldwork, else as it stands. */
async function engagementControl(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  ref: string,
): Promise<{ ref: string; id: string }> {
  if (engagement.snapshot !== null) {
    const frozen = engagement.snapshot.controls.find((c) => c.ref === ref);
    if (frozen === undefined) {
      throw invalidField(
        "control",
        `${ref} is not among the controls ${engagementLabel(engagement)} tests`,
      );
    }
    return frozen;
  }
  const live = await findControlByRef(tx, scopeOf(actor), ref);
  if (live === undefined) throw invalidField("control", `unknown control "${ref}"`);
  return live;
}

/** An unanswered, submitted or returned request asking the same thing. */
function pendingDuplicate(
  requests: readonly AuditRequest[],
  control: string | null,
  item: string | null,
): AuditRequest | undefined {
  if (control === null) return undefined;
  return requests.find((r) => r.control === control && r.item === item && isPending(r.status));
}

function checkDue(dueOn: string, today: string): void {
  if (dueOn < today) {
    throw invalidField("dueOn", `${dueOn} is in the past (today is ${today})`);
  }
}

export async function openRequest(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: OpenRequestInput,
): Promise<NamedRequest> {
  authorize(actor, "request:open");
  const data = parseInput(openRequestInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    requireAssignedAuditor(actor, engagement);
    requireOpenForRequests(engagement);
    checkDue(data.dueOn, await organizationToday(tx, actor, at));
    const addressee = await checkAddressee(tx, actor, data.to);
    const control =
      data.control === undefined
        ? null
        : (await engagementControl(tx, actor, engagement, data.control)).ref;
    let description = data.description;
    if (control !== null && data.item !== undefined) {
      const sample = await currentSample(tx, scopeOf(actor), engagement.id);
      const { label } = sampledItem(engagement, sample, control, data.item);
      description ??= `Evidence that ${control} operated for ${label}.`;
    }
    description ??= `Evidence that ${control ?? "the control"} operated in the period.`;
    const existing = await listRequests(tx, scopeOf(actor), { engagementId: engagement.id });
    const duplicate = pendingDuplicate(existing, control, data.item ?? null);
    if (duplicate !== undefined) {
      throw new AppError(
        "CONFLICT",
        `${duplicate.ref} already asks for this (${duplicate.status}); answer or decide it first`,
      );
    }
    const request = await insertAndRecord(
      tx,
      actor,
      engagement,
      { control, item: data.item ?? null, description, addressee, dueOn: data.dueOn },
      false,
      at,
    );
    return withItemWordsOne(tx, scopeOf(actor), request);
  });
}

export interface BulkOpening {
  opened: NamedRequest[];
  /** Items with no evidence that already have a request. */
  alreadyRequested: number;
}

/**
 * One request per sampled item with no evidence and no request yet, to its control's owner,
 * or to `to` when the control has no owner among the members who can answer.
 */
export async function openRequestsForMissingEvidence(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: BulkRequestInput,
): Promise<BulkOpening> {
  authorize(actor, "request:open");
  const data = parseInput(bulkRequestInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    requireAssignedAuditor(actor, engagement);
    requireOpenForRequests(engagement);
    checkDue(data.dueOn, await organizationToday(tx, actor, at));
    const sample = await currentSample(tx, scopeOf(actor), engagement.id);
    if (sample === undefined) {
      throw new AppError(
        "INVALID_STATE",
        `${engagementLabel(engagement)} has no sample yet: draw one, then ask for what it lacks`,
      );
    }
    const fallback = data.to === undefined ? undefined : await checkAddressee(tx, actor, data.to);
    const answering = await answeringMembers(tx, actor);
    const asked = await askedItems(tx, actor, engagement);
    const wanted: NewRequest[] = [];
    const unaddressed: string[] = [];
    let alreadyRequested = 0;
    for (const drawn of sample.controls) {
      const lacking = drawn.population.filter(
        (p) => drawn.items.includes(p.key) && p.evidence.length === 0,
      );
      if (lacking.length === 0) continue;
      const addressee =
        (await answeringOwner(tx, actor, engagement, drawn.controlRef, answering)) ?? fallback;
      for (const item of lacking) {
        if (asked.has(`${drawn.controlRef}\u0000${item.key}`)) {
          alreadyRequested += 1;
          continue;
        }
        if (addressee === undefined) {
          unaddressed.push(drawn.controlRef);
          continue;
        }
        wanted.push(itemRequest(drawn.controlRef, item, addressee, data.dueOn));
      }
    }
    if (unaddressed.length > 0) {
      throw invalidField(
        "to",
        `${[...new Set(unaddressed)].join(", ")} ha${unaddressed.length === 1 ? "s" : "ve"} no owner who can answer: name the member to ask`,
      );
    }
    const opened: AuditRequest[] = [];
    for (const fields of wanted) {
      opened.push(await insertAndRecord(tx, actor, engagement, fields, true, at));
    }
    return { opened: await withItemWords(tx, scopeOf(actor), opened), alreadyRequested };
  });
}
