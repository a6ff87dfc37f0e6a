/**
 * Evidence from one export of a system of record, added at once: what an importer sends (a
 * code host's merged pull requests, an HR system's hires), and what the demo uses to give a
 * company real volumes without a transaction per item.
 */
import type { Control } from "../../domain/control.ts";
import { inOrgTransaction } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { AppError, invalidField } from "../../domain/errors.ts";
import type { EvidenceItem } from "../../domain/evidence.ts";
import { NO_CONTROL, authorize, can } from "../../domain/permissions.ts";
import type { ServiceContext } from "../platform/context.ts";
import { parseInput } from "../platform/validation.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { localDate } from "../../domain/periods.ts";
import {
  checkDatesOn,
  loadControls,
  metadataInput,
  prepareContent,
  storeEvidence,
} from "./evidence.service.ts";
import type { EvidenceContent, EvidenceMetadata } from "./evidence.service.ts";

/** Most items one batch may hold: a system of record's export for a period, not a database. */
export const MAX_BATCH_ITEMS = 5000;

export interface BatchEvidence {
  content: Extract<EvidenceContent, { kind: "link" } | { kind: "record" }>;
  metadata: EvidenceMetadata;
}

/**
 * Links and records from one export (a code host's merged pull requests, an HR system's
 * hires) added in one transaction, one item and one event each: all or none. An item's
 * problem is named by its index ("items.12.title").
 */
export async function addEvidenceBatch(
  ctx: ServiceContext,
  actor: Actor,
  items: readonly BatchEvidence[],
): Promise<EvidenceItem[]> {
  authorize(actor, "evidence:create");
  if (items.length === 0 || items.length > MAX_BATCH_ITEMS) {
    throw invalidField("items", `give 1 to ${MAX_BATCH_ITEMS} items, not ${items.length}`);
  }
  const prepared = await Promise.all(
    items.map(async (item, index) => {
      try {
        const meta = parseInput(metadataInput, item.metadata);
        return { meta, content: await prepareContent(ctx, item.content) };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        throw new AppError(
          error.code,
          `items.${index}: ${error.message}`,
          error.fieldErrors.map((f) => ({ ...f, field: `items.${index}.${f.field}` })),
        );
      }
    }),
  );
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const organization = await getOrganization(tx, scopeOf(actor));
    const today = localDate(at, organization.timeZone);
    const stored: EvidenceItem[] = [];
    const known = new Map<string, Control[]>();
    for (const { meta, content } of prepared) {
      const from = meta.forDate ?? meta.from ?? "";
      const to = meta.forDate ?? meta.to ?? "";
      const key = meta.controls.join(",");
      let controls = known.get(key);
      if (controls === undefined) {
        controls = await loadControls(tx, actor, meta.controls);
        for (const control of controls) authorize(actor, "evidence:create", control);
        if (controls.length === 0 && !can(actor, "evidence:create", NO_CONTROL)) {
          throw new AppError("FORBIDDEN", "controls: name a control you own", [
            { field: "controls", message: "name a control you own" },
          ]);
        }
        known.set(key, controls);
      }
      checkDatesOn(from, to, today, organization.timeZone);
      stored.push(await storeEvidence(tx, actor, content, { ...meta, from, to }, controls, at));
    }
    return stored;
  });
}
