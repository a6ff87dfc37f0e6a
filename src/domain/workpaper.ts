/**
 * The auditor's workpaper for one control: the attributes tested (steps, in order), and per
 * sampled item whether each attribute was met. One attribute not met makes the item a
 * deviation, exactly as a recorded exception does (domain/test-results.ts); every attribute
 * met or not applicable makes it pass. What the item's result says follows from the
 * attributes, so the conclusion rules need not know attributes exist.
 */
import type { ItemResultValue } from "./test-results.ts";

export const ATTRIBUTE_RESULTS = ["met", "not-met", "not-applicable"] as const;
export type AttributeResult = (typeof ATTRIBUTE_RESULTS)[number];

/** Enough to test a control; more reads as a checklist nobody follows. */
export const MAX_STEPS = 20;

export interface WorkpaperStep {
  /** Given once, never reused within the control: results follow a step that moves. */
  id: number;
  text: string;
}

export interface ItemWorkpaper {
  controlRef: string;
  itemKey: string;
  /** Step id → result; every step of the control when recorded. */
  attributes: Record<string, AttributeResult>;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface WorkpaperAttachment {
  id: string;
  controlRef: string;
  /** The sampled item it supports; null for the control's workpaper as a whole. */
  itemKey: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedByEmail: string | null;
  uploadedAt: string;
}

/**
 * The steps after an edit: a step whose text is kept keeps its id (and so its results), a new
 * text gets the next id. Returns the ids dropped, which the caller refuses when results hang
 * on them.
 */
export function reviseSteps(
  current: readonly WorkpaperStep[],
  texts: readonly string[],
): { steps: WorkpaperStep[]; dropped: WorkpaperStep[] } {
  const unused = [...current];
  let next = current.reduce((max, s) => Math.max(max, s.id), 0) + 1;
  const steps = texts.map((text): WorkpaperStep => {
    const at = unused.findIndex((s) => s.text === text);
    if (at >= 0) return unused.splice(at, 1)[0] ?? { id: next++, text };
    return { id: next++, text };
  });
  return { steps, dropped: unused };
}

/**
 * The item's result from its attributes, with the words an exception reads in: each attribute
 * not met, numbered as the steps are, then the auditor's note. Null while no attribute is
 * met or not met (all not applicable tests nothing).
 */
export function resultFromAttributes(
  steps: readonly WorkpaperStep[],
  attributes: Readonly<Record<string, AttributeResult>>,
  note: string | null,
): { result: ItemResultValue; description: string | null } | null {
  const notMet = steps
    .map((step, index) => ({ step, number: index + 1 }))
    .filter(({ step }) => attributes[String(step.id)] === "not-met");
  if (notMet.length > 0) {
    const found = notMet.map(({ step, number }) => `${number}. ${step.text}`).join("; ");
    const description = `Attribute${notMet.length === 1 ? "" : "s"} not met: ${found}.`;
    return {
      result: "exception",
      description: note === null ? description : `${description} ${note}`,
    };
  }
  if (!steps.some((s) => attributes[String(s.id)] === "met")) return null;
  return { result: "pass", description: note };
}
