/**
 * The request list follows the sample, inside the transaction of each draw, redraw, extension
 * and roll-forward (sampling.service.ts, sample-growth.service.ts):
 * - a request for a sampled item that is no longer in the sample (a redraw drew others) is
 *   withdrawn, with its event: nobody owes it anything, and it leaves the open counts and the
 *   owner's tasks;
 * - each sampled occurrence of an imported population with no request yet gets one, to the
 *   control's owner or, when it has none who can answer, to whoever imported the rows, due
 *   OCCURRENCE_REQUEST_DUE_DAYS after the organization's today.
 * What it did is the draw's answer too: the requests opened and withdrawn, and each imported
 * control that got none, with why, so the auditor asks someone by hand.
 */
import { listRequests, updateRequestState } from "../../db/audit-requests.repo.ts";
import { listPopulationImports } from "../../db/populations.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { isPending } from "../../domain/audit-request.ts";
import type { Engagement, EngagementSample } from "../../domain/engagement.ts";
import { addDays } from "../../domain/periods.ts";
import type { NamedSample } from "../../domain/sample-words.ts";
import { recordEvent } from "../platform/audit.ts";
import {
  answeringMembers,
  askedItems,
  controlOwner,
  insertAndRecord,
  itemRequest,
} from "./request-opening.ts";
import { organizationToday } from "../platform/organization-day.ts";

/**
 * Days the request for a sampled occurrence is due in when a draw opens it: two weeks, time
 * for the owner to pull the record of one occurrence from its system of record.
 */
export const OCCURRENCE_REQUEST_DUE_DAYS = 14;

/** An imported control whose sampled occurrences were not asked for, and why. */
export interface UnaskedControl {
  control: string;
  /** Sampled occurrences left without a request. */
  items: number;
  reason: string;
}

/** What a draw did to the request list. */
export interface SampleRequests {
  /** R-numbers of the requests it opened, one per sampled occurrence of an import. */
  opened: string[];
  /** Sampled occurrences of imports that already had a request. */
  alreadyAsked: number;
  /** R-numbers of the requests withdrawn because their item left the sample. */
  withdrawn: string[];
  /** Imported controls that got no request: nobody the draw can address it to. */
  unasked: UnaskedControl[];
}

/** A sample as a draw answers it: its items in words, and what it did to the request list. */
export type DrawnSample = NamedSample & { requests: SampleRequests };

/** Requests still in play whose sampled item is not in the sample any more. */
async function withdrawLeftItems(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  sample: EngagementSample,
  at: Date,
): Promise<string[]> {
  const sampled = new Map(sample.controls.map((c) => [c.controlRef, new Set(c.items)]));
  const requests = await listRequests(tx, scopeOf(actor), { engagementId: engagement.id });
  const withdrawn: string[] = [];
  for (const request of requests) {
    if (request.control === null || request.item === null || !isPending(request.status)) continue;
    if (sampled.get(request.control)?.has(request.item) === true) continue;
    await updateRequestState(tx, scopeOf(actor), {
      ...request,
      status: "withdrawn",
      decidedBy: actor.name,
      decidedAt: at.toISOString(),
      updatedAt: at.toISOString(),
    });
    await recordEvent(
      tx,
      actor,
      "engagement.request-withdrawn",
      engagement.id,
      {
        request: request.ref,
        control: request.control,
        item: request.item,
        from: request.status,
        sample: sample.id,
      },
      at,
    );
    withdrawn.push(request.ref);
  }
  return withdrawn;
}

/** Why nobody can be asked: the owner's and the importer's side, in words. */
function whyUnasked(owner: string | undefined, importer: string | null, importNumber: number) {
  const ownerPart =
    owner === undefined
      ? "has no owner"
      : `its owner ${owner} is not a member who can supply evidence`;
  const importerPart =
    importer === null
      ? `import ${importNumber} was made without an account (no importer email)`
      : `its importer ${importer} is no longer a member who can supply evidence`;
  return `${ownerPart}, and ${importerPart}: open its requests by hand, naming whom to ask`;
}

/** Withdraws what left the sample, then asks for each new sampled occurrence of an import. */
export async function requestsFollowSample(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  sample: EngagementSample,
  at: Date,
): Promise<SampleRequests> {
  const result: SampleRequests = {
    opened: [],
    alreadyAsked: 0,
    withdrawn: await withdrawLeftItems(tx, actor, engagement, sample, at),
    unasked: [],
  };
  const imported = sample.controls.filter((c) => c.populationSource === "imported");
  if (imported.length === 0) return result;
  const dueOn = addDays(await organizationToday(tx, actor, at), OCCURRENCE_REQUEST_DUE_DAYS);
  const answering = await answeringMembers(tx, actor);
  const imports = await listPopulationImports(tx, scopeOf(actor), engagement.id);
  const asked = await askedItems(tx, actor, engagement);
  for (const drawn of imported) {
    const fresh = drawn.items.filter((key) => !asked.has(`${drawn.controlRef}\u0000${key}`));
    result.alreadyAsked += drawn.items.length - fresh.length;
    if (fresh.length === 0) continue;
    const number = drawn.populationImport?.number ?? 0;
    const importer =
      imports
        .find((i) => i.controlRef === drawn.controlRef && i.number === number)
        ?.importedByEmail?.toLowerCase() ?? null;
    const owner = await controlOwner(tx, actor, engagement, drawn.controlRef);
    const addressee =
      owner !== undefined && answering.has(owner)
        ? owner
        : importer !== null && answering.has(importer)
          ? importer
          : undefined;
    if (addressee === undefined) {
      const reason = whyUnasked(owner, importer, number);
      result.unasked.push({ control: drawn.controlRef, items: fresh.length, reason });
      continue;
    }
    const byKey = new Map(drawn.population.map((p) => [p.key, p]));
    for (const key of fresh) {
      const occurrence = byKey.get(key);
      if (occurrence === undefined) continue;
      const fields = itemRequest(drawn.controlRef, occurrence, addressee, dueOn);
      result.opened.push((await insertAndRecord(tx, actor, engagement, fields, true, at)).ref);
      asked.add(`${drawn.controlRef}\u0000${key}`);
    }
  }
  return result;
}
