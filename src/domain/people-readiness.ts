/**
 * What the onboarding and offboarding checklists tell readiness, as signals on each step's
 * control (HR-01, HR-03, HR-07, HR-08, AC-04, AC-05): the people whose step is past its SLA
 * and not done, named, e.g. "1 leaver's access was not removed within 1 business day of the
 * end date (Sam Leaver)". A control with steps all on time gets a good signal; an
 * organization that keeps no register here gets none (its uploaded evidence speaks for it).
 */
import { CHECKLISTS, CHECKLIST_KINDS, slaWords } from "../catalog/people/checklists.ts";
import { namesInWords } from "./person.ts";
import type { PersonStep } from "./person.ts";
import type { ControlSignal } from "./readiness.ts";

export function peopleSignals(
  steps: readonly Pick<PersonStep, "checklist" | "step" | "dueBy" | "completedAt" | "personId">[],
  names: ReadonlyMap<string, string>,
  today: string,
): Map<string, ControlSignal[]> {
  const signals = new Map<string, ControlSignal[]>();
  const add = (ref: string, signal: ControlSignal) =>
    signals.set(ref, [...(signals.get(ref) ?? []), signal]);
  const controlsWithSteps = new Set<string>();
  for (const kind of CHECKLIST_KINDS) {
    for (const template of CHECKLISTS[kind].steps) {
      const mine = steps.filter((s) => s.checklist === kind && s.step === template.id);
      if (mine.length === 0) continue;
      controlsWithSteps.add(template.control);
      const late = mine.filter((s) => s.completedAt === null && s.dueBy < today);
      if (late.length === 0) continue;
      const who = namesInWords(late.map((s) => names.get(s.personId) ?? "someone"));
      add(template.control, {
        source: "people",
        ok: false,
        reason: `${late.length} ${late.length === 1 ? template.lateOne : template.lateMany} ${slaWords(kind, template)} (${who})`,
      });
    }
  }
  for (const ref of controlsWithSteps) {
    if (signals.has(ref)) continue;
    add(ref, {
      source: "people",
      ok: true,
      reason: "every onboarding and offboarding step is on time",
    });
  }
  return signals;
}
