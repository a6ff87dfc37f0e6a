/**
 * The readiness engine: for each criterion in scope, whether the company's controls cover it,
 * and why not. Pure: it sees only what the caller loaded.
 *
 * A control counts toward coverage when it is implemented and every signal about it is good.
 * Today the only input is the implementation status; evidence freshness and test results
 * arrive as ControlSignals without changing the rules below.
 */
import { CATEGORIES, CRITERIA, criterionOrder } from "../catalog/index.ts";
import type { CategoryId, Criterion } from "../catalog/index.ts";
import type { ControlStatus } from "./control.ts";

export const CRITERION_STATUSES = ["covered", "partial", "gap", "not-relevant"] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

/** Something later checks learned about a control (evidence current? tests passed?). */
export interface ControlSignal {
  source:
    | "evidence"
    | "test"
    | "policy"
    | "risk"
    | "training"
    | "vendor"
    | "people"
    | "finding"
    | "monitor"
    | "access-review";
  ok: boolean;
  /** Why, in words, e.g. "evidence overdue since 2026-10-01". */
  reason: string;
}

export interface ReadinessControl {
  ref: string;
  title: string;
  status: ControlStatus;
  statusReason: string | null;
  criteria: readonly string[];
  signals?: readonly ControlSignal[];
}

export interface ReadinessInput {
  categories: readonly CategoryId[];
  exclusions: readonly { criterionId: string; reason: string }[];
  controls: readonly ReadinessControl[];
}

export interface CriterionReadiness {
  id: string;
  category: CategoryId;
  label: string;
  status: CriterionStatus;
  /** Refs of every control mapped to the criterion. */
  controls: string[];
  /** Mapped controls that are not marked not applicable. */
  applicable: number;
  /** Applicable controls that count (implemented, every signal good). */
  effective: number;
  /** Refs of applicable controls that do not count yet. */
  missing: string[];
  /** 0..1: effective / applicable; 0 for a gap, 1 when covered, null when not relevant. */
  score: number | null;
  reasons: string[];
}

export interface Tally {
  criteria: number;
  covered: number;
  partial: number;
  gap: number;
  notRelevant: number;
  /** Mean score of the relevant criteria, as a percentage with one decimal (100 if none). */
  percent: number;
}

export interface CategoryReadiness extends Tally {
  id: CategoryId;
  name: string;
}

export interface NextControl {
  ref: string;
  title: string;
  status: ControlStatus;
  /** Not-yet-covered criteria this control would help. */
  criteria: string[];
}

/** A criterion to fix, as the "fix first" list shows it; the details are in `criteria`. */
export interface GapSummary {
  id: string;
  category: CategoryId;
  label: string;
  status: CriterionStatus;
  score: number | null;
  /** The criterion's first reason: how many controls are in place and which are missing. */
  reason: string;
}

export interface ReadinessReport {
  overall: Tally;
  categories: CategoryReadiness[];
  criteria: CriterionReadiness[];
  /** Criteria not covered, most urgent first. */
  gaps: GapSummary[];
  /** Controls to implement next, those that unblock the most criteria first (at most 20). */
  nextControls: NextControl[];
}

/**
 * A reason names each control up to this many; past it, a count. A criterion with eighty
 * controls missing needs its first steps, not eighty lines (the refs are all in `missing`).
 */
export const REASON_LIMIT = 10;
const NEXT_CONTROLS_LIMIT = 20;

function listRefs(refs: readonly string[]): string {
  const shown = refs.slice(0, REASON_LIMIT).join(", ");
  return refs.length > REASON_LIMIT ? `${shown} and ${refs.length - REASON_LIMIT} more` : shown;
}

function describeControl(control: ReadinessControl): string[] {
  const name = `${control.ref} (${control.title})`;
  if (control.status === "not-started") return [`${name} is not started.`];
  if (control.status === "in-progress") return [`${name} is in progress.`];
  return (control.signals ?? [])
    .filter((signal) => !signal.ok)
    .map((signal) => `${name} is implemented but ${signal.reason}.`);
}

function counts(control: ReadinessControl): boolean {
  return control.status === "implemented" && (control.signals ?? []).every((signal) => signal.ok);
}

function assessCriterion(
  criterion: Criterion,
  mapped: readonly ReadinessControl[],
  exclusionReason: string | undefined,
): CriterionReadiness {
  const base = { id: criterion.id, category: criterion.category, label: criterion.label };
  const controls = mapped.map((control) => control.ref);
  if (exclusionReason !== undefined) {
    return {
      ...base,
      status: "not-relevant",
      controls,
      applicable: 0,
      effective: 0,
      missing: [],
      score: null,
      reasons: [`Marked not relevant: ${exclusionReason}`],
    };
  }
  const applicable = mapped.filter((control) => control.status !== "not-applicable");
  const missingControls = applicable.filter((control) => !counts(control));
  const effective = applicable.length - missingControls.length;
  const reasons: string[] = [];
  let status: CriterionStatus;
  if (mapped.length === 0) {
    status = "gap";
    reasons.push("No control is mapped to this criterion.");
  } else if (applicable.length === 0) {
    status = "gap";
    const why = mapped.map((c) => `${c.ref}: ${c.statusReason ?? "no reason given"}`).join("; ");
    reasons.push(
      `Every mapped control is marked not applicable (${why}). ` +
        "Map a control that applies, or mark the criterion not relevant with a reason.",
    );
  } else {
    status = effective === 0 ? "gap" : effective === applicable.length ? "covered" : "partial";
    reasons.push(
      status === "covered"
        ? `All ${applicable.length} applicable controls are in place.`
        : `${effective} of ${applicable.length} applicable controls are in place ` +
            `(missing: ${listRefs(missingControls.map((c) => c.ref))}).`,
    );
    const described = missingControls.flatMap(describeControl);
    reasons.push(...described.slice(0, REASON_LIMIT));
    if (described.length > REASON_LIMIT) {
      reasons.push(`…and ${described.length - REASON_LIMIT} more reasons of the same kind.`);
    }
    // An auditor reads why a mapped control does not apply, even when the criterion is covered.
    for (const control of mapped.filter((c) => c.status === "not-applicable")) {
      reasons.push(
        `${control.ref} (${control.title}) is not applicable: ${control.statusReason ?? "no reason given"}.`,
      );
    }
  }
  return {
    ...base,
    status,
    controls,
    applicable: applicable.length,
    effective,
    missing: missingControls.map((control) => control.ref),
    score: applicable.length === 0 ? 0 : effective / applicable.length,
    reasons,
  };
}

function tally(criteria: readonly CriterionReadiness[]): Tally {
  const relevant = criteria.filter((c) => c.status !== "not-relevant");
  const sum = relevant.reduce((total, c) => total + (c.score ?? 0), 0);
  const of = (status: CriterionStatus) => criteria.filter((c) => c.status === status).length;
  return {
    criteria: criteria.length,
    covered: of("covered"),
    partial: of("partial"),
    gap: of("gap"),
    notRelevant: of("not-relevant"),
    // Nothing relevant left means nothing left to do.
    percent: relevant.length === 0 ? 100 : Math.round((sum / relevant.length) * 1000) / 10,
  };
}

/**
 * Fix first: criteria with no control at all (a design gap an auditor reports outright), then
 * gaps whose controls exist but do not count, then partial ones; within each, the ones closest
 * to done first (fewest controls missing, then the largest share in place), then catalog order.
 */
function urgency(c: CriterionReadiness): number {
  if (c.status === "gap" && c.applicable === 0) return 0;
  return c.status === "gap" ? 1 : 2;
}

function orderGaps(criteria: readonly CriterionReadiness[]): CriterionReadiness[] {
  return criteria
    .filter((c) => c.status === "gap" || c.status === "partial")
    .sort(
      (a, b) =>
        urgency(a) - urgency(b) ||
        a.missing.length - b.missing.length ||
        (b.score ?? 0) - (a.score ?? 0) ||
        criterionOrder(a.id) - criterionOrder(b.id),
    );
}

function rankNextControls(
  controls: readonly ReadinessControl[],
  open: ReadonlySet<string>,
): NextControl[] {
  const progress = (status: ControlStatus) => (status === "in-progress" ? 0 : 1);
  return controls
    .filter((control) => control.status !== "not-applicable" && !counts(control))
    .map((control) => ({
      ref: control.ref,
      title: control.title,
      status: control.status,
      criteria: control.criteria.filter((id) => open.has(id)),
    }))
    .filter((next) => next.criteria.length > 0)
    .sort(
      (a, b) =>
        b.criteria.length - a.criteria.length ||
        progress(a.status) - progress(b.status) ||
        (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0),
    );
}

export function computeReadiness(input: ReadinessInput): ReadinessReport {
  const inScope = CRITERIA.filter((criterion) => input.categories.includes(criterion.category));
  const exclusions = new Map(input.exclusions.map((e) => [e.criterionId.toUpperCase(), e.reason]));
  const byCriterion = new Map<string, ReadinessControl[]>();
  for (const control of input.controls) {
    // A control mapped twice to one criterion still counts once.
    for (const criterionId of new Set(control.criteria.map((id) => id.toUpperCase()))) {
      const list = byCriterion.get(criterionId);
      if (list === undefined) byCriterion.set(criterionId, [control]);
      else list.push(control);
    }
  }
  const criteria = inScope.map((criterion) =>
    assessCriterion(criterion, byCriterion.get(criterion.id) ?? [], exclusions.get(criterion.id)),
  );
  const categories = CATEGORIES.filter((category) => input.categories.includes(category.id)).map(
    (category) => ({
      id: category.id,
      name: category.name,
      ...tally(criteria.filter((c) => c.category === category.id)),
    }),
  );
  const gaps = orderGaps(criteria);
  return {
    overall: tally(criteria),
    categories,
    criteria,
    gaps: gaps.map((gap) => ({
      id: gap.id,
      category: gap.category,
      label: gap.label,
      status: gap.status,
      score: gap.score,
      reason: gap.reasons[0] ?? "",
    })),
    nextControls: rankNextControls(input.controls, new Set(gaps.map((gap) => gap.id))).slice(
      0,
      NEXT_CONTROLS_LIMIT,
    ),
  };
}
