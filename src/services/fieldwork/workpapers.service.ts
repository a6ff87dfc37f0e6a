/**
 * The auditor's workpapers: per control the attributes tested, per sampled item the result of
 * each attribute and a note, read together with the sample and the conclusions for the testing
 * screen. An item's attribute results decide its result (one not met is a deviation), which is
 * recorded through the same path as a result entered directly (testing.service.ts).
 * The auditor's own files are in workpaper-attachments.service.ts.
 */
import { z } from "zod";
import { currentSample, listItemResults } from "../../db/engagements.repo.ts";
import {
  evidenceSummaries,
  listAttachments,
  listItemWorkpapers,
  listSteps,
  saveItemWorkpaper,
  saveSteps,
} from "../../db/workpapers.repo.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { AppError, invalidField } from "../../domain/errors.ts";
import type { Engagement } from "../../domain/engagement.ts";
import { engagementLabel } from "../../domain/engagement.ts";
import { authorize, can } from "../../domain/permissions.ts";
import type { ControlConclusion } from "../../domain/test-results.ts";
import { itemInWords } from "../../domain/words.ts";
import {
  ATTRIBUTE_RESULTS,
  MAX_STEPS,
  resultFromAttributes,
  reviseSteps,
} from "../../domain/workpaper.ts";
import type {
  AttributeResult,
  ItemWorkpaper,
  WorkpaperAttachment,
  WorkpaperStep,
} from "../../domain/workpaper.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { email, oneOf, requiredText } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";
import { loadEngagement } from "./engagements.service.ts";
import { resultsOf } from "./results.ts";
import type { TestingProgress } from "./results.ts";
import { recorderOf } from "./test-recorders.ts";
import { frozenControl, writeItemResult } from "./testing.service.ts";

export const stepsInput = z
  .object({
    control: z.string().trim().min(1),
    steps: z
      .array(requiredText(300))
      .max(MAX_STEPS, `keep to ${MAX_STEPS} attributes`)
      .refine((steps) => new Set(steps).size === steps.length, "each attribute once"),
    /** The assigned auditor whose steps these are; an auditor setting their own leaves it out. */
    auditor: email.optional(),
  })
  .strict();

export const attributesInput = z
  .object({
    control: z.string().trim().min(1),
    item: z.string().trim().min(1),
    /** One result per step, in the steps' order; left out to change only the note. */
    attributes: z.array(oneOf(ATTRIBUTE_RESULTS, "attribute result")).optional(),
    note: requiredText(4000).nullable().optional(),
    auditor: email.optional(),
  })
  .strict();

export interface WorkpaperItem {
  key: string;
  /** In words: "March 2026", "week 12 (16–22 March)", "Pull request #4105 (2 March)". */
  label: string;
  from: string;
  to: string;
  evidence: { id: string; title: string; kind: string; mediaType: string | null }[];
  result: "pass" | "exception" | null;
  description: string | null;
  /** Per step, in order; null where no result is recorded. */
  attributes: (AttributeResult | null)[];
  note: string | null;
  /** The auditor's own files on this item (always 0 for the company). */
  attachments: number;
}

export interface ControlWorkpaper {
  controlRef: string;
  title: string;
  conclusion: ControlConclusion;
  summary: string;
  steps: WorkpaperStep[];
  items: WorkpaperItem[];
  /** The auditor's own files; empty for the company, who never sees them. */
  attachments: WorkpaperAttachment[];
}

export interface EngagementWorkpapers {
  progress: TestingProgress;
  controls: ControlWorkpaper[];
}

/** Only the auditor reads their own files: a company role is given none, not even a count. */
function seesAttachments(actor: Actor): boolean {
  return actor.role === "auditor" && can(actor, "workpaper:attach");
}

async function workpapersIn(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  only?: string,
): Promise<EngagementWorkpapers> {
  const scope = scopeOf(actor);
  const results = await resultsOf(tx, actor, engagement);
  // The conclusions read the current sample already; it is the largest row, so read it once.
  const sample = results.sample ?? undefined;
  const steps = await listSteps(tx, scope, engagement.id, only);
  const items = await listItemWorkpapers(tx, scope, engagement.id, only);
  const files = seesAttachments(actor) ? await listAttachments(tx, scope, engagement.id, only) : [];
  const chosen = results.controls.filter((c) => only === undefined || c.controlRef === only);
  const drawnItems = (ref: string) => {
    const drawn = sample?.controls.find((c) => c.controlRef === ref);
    if (drawn === undefined) return [];
    return drawn.items.flatMap((key) => drawn.population.filter((p) => p.key === key));
  };
  const evidence = await evidenceSummaries(
    tx,
    scope,
    chosen.flatMap((c) => drawnItems(c.controlRef).flatMap((p) => p.evidence)),
  );
  const itemResults = sample === undefined ? [] : await listItemResults(tx, scope, sample.id);
  const recorded = new Map(itemResults.map((r) => [`${r.controlRef}\u0000${r.itemKey}`, r]));
  const workpaperOf = new Map(items.map((i) => [`${i.controlRef}\u0000${i.itemKey}`, i]));
  const controls = chosen.map((outcome): ControlWorkpaper => {
    const ref = outcome.controlRef;
    const ownSteps = steps.get(ref) ?? [];
    const ownFiles = files.filter((f) => f.controlRef === ref);
    return {
      controlRef: ref,
      title: outcome.title,
      conclusion: outcome.conclusion,
      summary: outcome.summary,
      steps: ownSteps,
      attachments: ownFiles,
      items: drawnItems(ref).map((p): WorkpaperItem => {
        const result = recorded.get(`${ref}\u0000${p.key}`);
        const paper = workpaperOf.get(`${ref}\u0000${p.key}`);
        return {
          key: p.key,
          label: itemInWords(p),
          from: p.from,
          to: p.to,
          evidence: p.evidence.map((id) => ({
            id,
            ...(evidence.get(id) ?? { title: id, kind: "file", mediaType: null }),
          })),
          result: result?.result ?? null,
          description: result?.description ?? null,
          attributes: ownSteps.map((s) => paper?.attributes[String(s.id)] ?? null),
          note: paper?.note ?? null,
          attachments: ownFiles.filter((f) => f.itemKey === p.key).length,
        };
      }),
    };
  });
  return { progress: results.progress, controls };
}

/** Every control's workpaper with the progress line: what the testing screen shows. */
export async function engagementWorkpapers(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
): Promise<EngagementWorkpapers> {
  authorize(actor, "engagement:read");
  return read(ctx.db, async (tx) =>
    workpapersIn(tx, actor, await loadEngagement(tx, actor, handle)),
  );
}

function notTested(engagement: Engagement, ref: string): AppError {
  return invalidField(
    "control",
    `"${ref}" is not among the controls ${engagementLabel(engagement)} tests`,
  );
}

export async function showWorkpaper(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  control: string,
): Promise<ControlWorkpaper> {
  authorize(actor, "engagement:read");
  return read(ctx.db, async (tx) => {
    const engagement = await loadEngagement(tx, actor, handle);
    const ref = control.trim().toUpperCase();
    const found = (await workpapersIn(tx, actor, engagement, ref)).controls[0];
    if (found === undefined) throw notTested(engagement, control);
    return found;
  });
}

export async function setWorkpaperSteps(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof stepsInput>,
): Promise<WorkpaperStep[]> {
  authorize(actor, "engagement:test");
  const data = parseInput(stepsInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const engagement = await loadEngagement(tx, actor, handle);
    const control = frozenControl(engagement, data.control);
    const recorder = await recorderOf(tx, actor, engagement, data.auditor);
    const current = (await listSteps(tx, scope, engagement.id, control.ref)).get(control.ref) ?? [];
    const { steps, dropped } = reviseSteps(current, data.steps);
    const items = await listItemWorkpapers(tx, scope, engagement.id, control.ref);
    const inUse = dropped.filter((s) =>
      items.some((i) => i.attributes[String(s.id)] !== undefined),
    );
    if (inUse.length > 0) {
      throw invalidField(
        "steps",
        `results are recorded against "${inUse.map((s) => s.text).join('", "')}"; keep ` +
          "the attribute (reword it as a new one after clearing its results) or keep its text",
      );
    }
    await saveSteps(tx, scope, engagement.id, control.ref, steps, recorder.name, at.toISOString());
    await recordEvent(
      tx,
      actor,
      "engagement.workpaper-steps-set",
      engagement.id,
      { controlRef: control.ref, steps },
      at,
    );
    return steps;
  });
}

/**
 * Records the item's attribute results and note. With attributes, the item's result follows
 * from them (one not met: an exception naming it; otherwise a pass) and is recorded with its
 * own event, as a result entered directly would be.
 */
export async function recordItemAttributes(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: z.input<typeof attributesInput>,
): Promise<ItemWorkpaper> {
  authorize(actor, "engagement:test");
  const data = parseInput(attributesInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    const scope = scopeOf(actor);
    const engagement = await loadEngagement(tx, actor, handle);
    const control = frozenControl(engagement, data.control);
    const steps = (await listSteps(tx, scope, engagement.id, control.ref)).get(control.ref) ?? [];
    const existing = (await listItemWorkpapers(tx, scope, engagement.id, control.ref)).find(
      (i) => i.itemKey === data.item,
    );
    const note = data.note === undefined ? (existing?.note ?? null) : data.note;
    let attributes = existing?.attributes ?? {};
    if (data.attributes !== undefined) {
      if (steps.length === 0) {
        throw invalidField("attributes", `${control.ref} has no test steps yet: set them first`);
      }
      if (data.attributes.length !== steps.length) {
        throw invalidField(
          "attributes",
          `give one result per step: ${control.ref} has ${steps.length}, ` +
            `${data.attributes.length} given`,
        );
      }
      attributes = Object.fromEntries(
        steps.map((s, i) => [String(s.id), data.attributes?.[i] ?? "met"]),
      );
      const derived = resultFromAttributes(steps, attributes, note);
      if (derived === null) {
        throw invalidField(
          "attributes",
          "at least one attribute must be met or not met: an item where nothing applies was not tested",
        );
      }
      await writeItemResult(
        tx,
        actor,
        engagement,
        {
          control: control.ref,
          item: data.item,
          result: derived.result,
          ...(derived.description === null ? {} : { description: derived.description }),
          ...(data.auditor === undefined ? {} : { auditor: data.auditor }),
        },
        at,
      );
    } else {
      // A note alone is checked against the sample the same way a result is.
      const sample = await currentSample(tx, scope, engagement.id);
      const drawn = sample?.controls.find((c) => c.controlRef === control.ref);
      if (drawn === undefined || !drawn.items.includes(data.item)) {
        throw invalidField("item", `"${data.item}" is not in ${control.ref}'s sample`);
      }
    }
    const recorder = await recorderOf(tx, actor, engagement, data.auditor);
    const item: ItemWorkpaper = {
      controlRef: control.ref,
      itemKey: data.item,
      attributes,
      note,
      recordedBy: recorder.name,
      recordedAt: at.toISOString(),
    };
    await saveItemWorkpaper(tx, scope, engagement.id, item);
    await recordEvent(
      tx,
      actor,
      "engagement.workpaper-item-recorded",
      engagement.id,
      { ...item },
      at,
    );
    return item;
  });
}
