/**
 * Hires and leavers from the people register as the population of the controls about joiners
 * and leavers: a Type 2's hires in the period for screening, agreements and onboarding
 * (HR-01, HR-06, HR-07), its leavers for offboarding and access removal (HR-08, AC-05). Each
 * person is one occurrence, dated their start or end date, keyed by their register id so a
 * later draw finds the same rows; the evidence is what their checklist steps cite and the
 * control's evidence that names them.
 */
import { CHECKLISTS } from "../catalog/people/checklists.ts";
import type { PopulationItem } from "./engagement.ts";
import type { DatedEvidence, Population } from "./population.ts";
import type { CalendarPeriod } from "./periods.ts";
import type { Person, PersonStep } from "./person.ts";
import { dateInWords } from "./words.ts";

export const PEOPLE_POPULATION_CONTROLS: Readonly<Record<string, "hires" | "leavers">> = {
  "HR-01": "hires",
  "HR-06": "hires",
  "HR-07": "hires",
  "HR-08": "leavers",
  "AC-05": "leavers",
};

export function peoplePopulation(
  ref: string,
  period: CalendarPeriod,
  people: readonly Pick<Person, "id" | "name" | "startDate" | "endDate">[],
  steps: readonly Pick<PersonStep, "personId" | "checklist" | "step" | "evidenceId">[],
  evidence: readonly DatedEvidence[],
  today?: string,
): Population | undefined {
  const kind = PEOPLE_POPULATION_CONTROLS[ref];
  if (kind === undefined) return undefined;
  const checklist = kind === "hires" ? "joiner" : "leaver";
  const stepsOfControl = new Set(
    CHECKLISTS[checklist].steps.filter((s) => s.control === ref).map((s) => s.id),
  );
  const items: PopulationItem[] = people
    .flatMap((person) => {
      const date = kind === "hires" ? person.startDate : person.endDate;
      if (date === null || date < period.from || date > period.to) return [];
      if (today !== undefined && date > today) return [];
      const cited = steps
        .filter(
          (s) =>
            s.personId === person.id &&
            s.checklist === checklist &&
            stepsOfControl.has(s.step) &&
            s.evidenceId !== null,
        )
        .map((s) => s.evidenceId ?? "");
      const named = evidence
        .filter((e) => e.title.toLowerCase().includes(person.name.toLowerCase()))
        .map((e) => e.id);
      return [
        {
          key: `${kind === "hires" ? "hire" : "leaver"}-${person.id.replaceAll("-", "").slice(0, 12)}`,
          label: `${kind === "hires" ? "Hire" : "Leaver"}: ${person.name} (${dateInWords(date)})`,
          from: date,
          to: date,
          evidence: [...new Set([...cited, ...named])].sort(),
        },
      ];
    })
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.key < b.key ? -1 : 1));
  return { items, missing: items.filter((i) => i.evidence.length === 0).map((i) => i.key) };
}
