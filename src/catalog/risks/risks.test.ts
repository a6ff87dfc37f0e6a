import { describe, expect, it } from "vitest";
import { CONTROL_TEMPLATES } from "../controls/index.ts";
import { findCriterion, isCategoryId } from "../index.ts";
import { RISK_CATEGORIES, RISK_LIBRARY, RISK_TREATMENTS, riskTemplate } from "./library.ts";

const controlsById = new Map(CONTROL_TEMPLATES.map((control) => [control.id, control]));

/** The trust services category a criterion belongs to (security for the common criteria). */
function categoryOfCriterion(id: string): string | undefined {
  return findCriterion(id)?.category;
}

const risks = RISK_LIBRARY.map((risk) => [`${risk.id} ${risk.title}`, risk] as const);

describe("starter risk library", () => {
  it("ships at least 30 risks numbered RL-01, RL-02 … in order", () => {
    expect(RISK_LIBRARY.length).toBeGreaterThanOrEqual(30);
    expect(RISK_LIBRARY.map((risk) => risk.id)).toEqual(
      RISK_LIBRARY.map((_risk, index) => `RL-${String(index + 1).padStart(2, "0")}`),
    );
    const titles = RISK_LIBRARY.map((risk) => risk.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("finds a risk by id and nothing for an unknown id", () => {
    expect(riskTemplate("RL-03")?.title).toMatch(/ransomware/i);
    expect(riskTemplate("RL-99")).toBeUndefined();
  });

  it("uses every risk category at least once", () => {
    const used = new Set(RISK_LIBRARY.map((risk) => risk.category));
    expect([...RISK_CATEGORIES].filter((category) => !used.has(category))).toEqual([]);
  });

  it("includes an example of each treatment besides mitigate", () => {
    const used = new Set(RISK_LIBRARY.map((risk) => risk.treatment));
    expect([...RISK_TREATMENTS].filter((treatment) => !used.has(treatment))).toEqual([]);
  });

  it.each(risks)("%s has a description, a category, a treatment and levels 1 to 5", (_n, risk) => {
    expect(risk.description.length).toBeGreaterThan(100);
    expect(risk.description).toMatch(/\.$/);
    expect(risk.description).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(RISK_CATEGORIES).toContain(risk.category);
    expect(RISK_TREATMENTS).toContain(risk.treatment);
    for (const level of [risk.likelihood, risk.impact]) {
      expect(Number.isInteger(level)).toBe(true);
      expect(level).toBeGreaterThanOrEqual(1);
      expect(level).toBeLessThanOrEqual(5);
    }
  });

  it.each(risks)("%s names existing controls, and at least one when mitigated", (_n, risk) => {
    if (risk.treatment === "mitigate") expect(risk.controls.length).toBeGreaterThan(0);
    expect(new Set(risk.controls).size).toBe(risk.controls.length);
    for (const id of risk.controls) expect(controlsById.has(id), `control ${id}`).toBe(true);
  });

  it.each(risks)("%s bears on existing criteria that its controls address", (_n, risk) => {
    expect(risk.criteria.length).toBeGreaterThan(0);
    const addressed = new Set(risk.controls.flatMap((id) => controlsById.get(id)?.criteria ?? []));
    for (const id of risk.criteria) {
      expect(findCriterion(id), `criterion ${id}`).toBeDefined();
      // Risk assessment criteria (CC3) apply to every identified risk, whatever its controls.
      if (!id.startsWith("CC3.")) expect(addressed.has(id), `${id} addressed`).toBe(true);
    }
  });

  it.each(risks)("%s lists the trust services categories of its criteria", (_n, risk) => {
    for (const category of risk.categories) {
      expect(isCategoryId(category)).toBe(true);
      expect(category).not.toBe("security");
    }
    const fromCriteria = new Set(
      risk.criteria.map(categoryOfCriterion).filter((category) => category !== "security"),
    );
    expect([...risk.categories].sort()).toEqual([...fromCriteria].sort());
    // A risk filed under a trust services category must be in scope only with that category.
    if (isCategoryId(risk.category) && risk.category !== "security") {
      expect(risk.categories).toContain(risk.category);
    }
  });

  it.each(risks)(
    "%s relies only on controls adopted when its categories are in scope",
    (_n, risk) => {
      for (const id of risk.controls) {
        const categories = new Set(controlsById.get(id)?.criteria.map(categoryOfCriterion));
        // A control with no common criterion belongs to an optional category, which must be listed.
        if (!categories.has("security")) {
          const needed = [...categories].filter((category) => category !== undefined);
          expect(
            needed.some((category) => (risk.categories as readonly string[]).includes(category)),
            `${id} needs one of ${needed.join(", ")}`,
          ).toBe(true);
        }
      }
    },
  );
});
