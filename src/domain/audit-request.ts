import type { EngagementSample } from "./engagement.ts";
import { itemInWords } from "./words.ts";

/**
 * A request on the auditor's list ("provided by client"): what the engagement's auditor asks
 * the company for. It names a control, a sampled item of a control, or asks in free text; it
 * goes to one member by email and is due on a day. Its life: open → submitted (the company
 * answered) → accepted, or returned with a reason, after which the company answers again.
 * A request for a sampled item that leaves the sample (a redraw) is withdrawn by the draw
 * itself: nobody owes it anything any more, and it stays on the list as a record.
 */
export const REQUEST_STATUSES = ["open", "submitted", "accepted", "returned", "withdrawn"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Which side of the exchange wrote a comment. */
export const REQUEST_SIDES = ["auditor", "company"] as const;
export type RequestSide = (typeof REQUEST_SIDES)[number];

/** "R-3", as people and paths name a request within its engagement. */
export const REQUEST_REF_PATTERN = /^R-(\d{1,9})$/i;

export function requestRef(number: number): string {
  return `R-${number}`;
}

export interface RequestComment {
  id: string;
  author: string;
  side: RequestSide;
  body: string;
  createdAt: string;
}

export interface RequestEvidence {
  id: string;
  title: string;
}

export interface AuditRequest {
  id: string;
  ref: string;
  number: number;
  engagementId: string;
  /** The control (by ref), for a control or sampled-item request; null for free text. */
  control: string | null;
  /** The sampled item's key, when the request is for one. */
  item: string | null;
  description: string;
  /** The member's email it goes to. */
  addressee: string;
  dueOn: string;
  status: RequestStatus;
  returnReason: string | null;
  openedBy: string;
  openedAt: string;
  answeredAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  remindedOn: string | null;
  updatedAt: string;
  /** Evidence given in answer, in the order it was given. */
  evidence: RequestEvidence[];
  comments: RequestComment[];
}

/** The company still owes an answer: open, or returned to be answered again. */
export function awaitsCompany(status: RequestStatus): boolean {
  return status === "open" || status === "returned";
}

/** Past its due day and still the company's to answer. */
export function isOverdue(request: Pick<AuditRequest, "status" | "dueOn">, today: string): boolean {
  return awaitsCompany(request.status) && request.dueOn < today;
}

export type RequestCounts = Record<RequestStatus, number> & { overdue: number; total: number };

/** Counts by status, plus how many are overdue: what a summary of the list shows. */
export function countRequests(
  requests: readonly Pick<AuditRequest, "status" | "dueOn">[],
  today: string,
): RequestCounts {
  const counts: RequestCounts = {
    open: 0,
    submitted: 0,
    accepted: 0,
    returned: 0,
    withdrawn: 0,
    overdue: 0,
    total: requests.length,
  };
  for (const request of requests) {
    counts[request.status] += 1;
    if (isOverdue(request, today)) counts.overdue += 1;
  }
  return counts;
}

/** A request as its readers get it: the sampled item it names, in words. */
export interface NamedRequest extends AuditRequest {
  /** "March 2026", "Pull request #4105 (2 March)"; the key when the item left the sample. */
  itemLabel: string | null;
}

/** The request's item in words, from the engagement's current sample (itemInWords). */
export function nameItem(
  request: AuditRequest,
  sample: EngagementSample | undefined,
): NamedRequest {
  if (request.item === null) return { ...request, itemLabel: null };
  const occurrence = sample?.controls
    .find((c) => c.controlRef === request.control)
    ?.population.find((p) => p.key === request.item);
  return {
    ...request,
    itemLabel: occurrence === undefined ? request.item : itemInWords(occurrence),
  };
}

/**
 * What a request asks about, in words: "GV-11 · March 2026", "AC-04", or "free text" (as the
 * web's request cards read). The item's key stands in when its words are not known.
 */
export function requestSubject(
  request: Pick<AuditRequest, "control" | "item"> & { itemLabel?: string | null },
): string {
  if (request.control === null) return "free text";
  if (request.item === null) return request.control;
  return `${request.control} · ${request.itemLabel ?? `item ${request.item}`}`;
}

/** Still in play: the company owes an answer, or the auditor a decision. */
export function isPending(status: RequestStatus): status is "open" | "submitted" | "returned" {
  return status === "open" || status === "submitted" || status === "returned";
}
