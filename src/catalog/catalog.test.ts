import { describe, expect, it } from "vitest";
import { CONTROL_TEMPLATES } from "./controls/index.ts";
import {
  CATEGORIES,
  CRITERIA,
  DESCRIPTION_CRITERIA,
  criteriaInCategories,
  findCriterion,
} from "./index.ts";

const EXPECTED_IDS = [
  ...["CC1.1", "CC1.2", "CC1.3", "CC1.4", "CC1.5"],
  ...["CC2.1", "CC2.2", "CC2.3", "CC3.1", "CC3.2", "CC3.3", "CC3.4", "CC4.1", "CC4.2"],
  ...["CC5.1", "CC5.2", "CC5.3", "CC6.1", "CC6.2", "CC6.3", "CC6.4", "CC6.5", "CC6.6"],
  ...["CC6.7", "CC6.8", "CC7.1", "CC7.2", "CC7.3", "CC7.4", "CC7.5", "CC8.1", "CC9.1", "CC9.2"],
  ...["A1.1", "A1.2", "A1.3", "C1.1", "C1.2"],
  ...["PI1.1", "PI1.2", "PI1.3", "PI1.4", "PI1.5"],
  ...["P1.1", "P2.1", "P3.1", "P3.2", "P4.1", "P4.2", "P4.3", "P5.1", "P5.2"],
  ...["P6.1", "P6.2", "P6.3", "P6.4", "P6.5", "P6.6", "P6.7", "P7.1", "P8.1"],
];

describe("criteria catalog", () => {
  it("lists exactly the 61 criteria of the 2017 TSC, in report order", () => {
    expect(CRITERIA.map((c) => c.id)).toEqual(EXPECTED_IDS);
  });

  it("counts 33 security, 3 availability, 2 confidentiality, 5 PI and 18 privacy criteria", () => {
    const count = (category: string) => CRITERIA.filter((c) => c.category === category).length;
    expect(count("security")).toBe(33);
    expect(count("availability")).toBe(3);
    expect(count("confidentiality")).toBe(2);
    expect(count("processing-integrity")).toBe(5);
    expect(count("privacy")).toBe(18);
  });

  it("carries the 330 points of focus of the 2022 revision", () => {
    expect(CRITERIA.reduce((sum, c) => sum + c.pointsOfFocus, 0)).toBe(330);
    expect(findCriterion("CC8.1")?.pointsOfFocus).toBe(18);
    expect(findCriterion("CC6.5")?.pointsOfFocus).toBe(1);
  });

  it("maps CC1–CC5 to COSO principles non-sequentially and nothing else to COSO", () => {
    const coso = Object.fromEntries(
      CRITERIA.filter((c) => c.cosoPrinciple !== null).map((c) => [c.id, c.cosoPrinciple]),
    );
    expect(coso).toEqual({
      "CC1.1": 1,
      "CC1.2": 2,
      "CC1.3": 3,
      "CC1.4": 4,
      "CC1.5": 5,
      "CC2.1": 13,
      "CC2.2": 14,
      "CC2.3": 15,
      "CC3.1": 6,
      "CC3.2": 7,
      "CC3.3": 8,
      "CC3.4": 9,
      "CC4.1": 16,
      "CC4.2": 17,
      "CC5.1": 10,
      "CC5.2": 11,
      "CC5.3": 12,
    });
  });

  it("has none of the ids other tools invent", () => {
    for (const id of [
      "CC2.4",
      "CC5.4",
      "CC6.9",
      "CC8.2",
      "CC9.9",
      "A1.4",
      "C1.3",
      "P6.8",
      "P1.0",
    ]) {
      expect(findCriterion(id), id).toBeUndefined();
    }
    expect(CRITERIA.some((c) => c.id.startsWith("PP"))).toBe(false);
  });

  it("gives every criterion a label and a short summary in our own words", () => {
    for (const criterion of CRITERIA) {
      expect(criterion.label.length, criterion.id).toBeGreaterThan(3);
      expect(criterion.summary.length, criterion.id).toBeGreaterThan(40);
      expect(criterion.summary.length, criterion.id).toBeLessThan(400);
      // The official text opens almost every criterion with "The entity …": ours never does.
      expect(criterion.summary, criterion.id).not.toMatch(/^The entity\b/);
    }
  });

  it("has five categories with security always in scope, and DC1–DC9", () => {
    expect(CATEGORIES.map((c) => [c.id, c.alwaysInScope])).toEqual([
      ["security", true],
      ["availability", false],
      ["processing-integrity", false],
      ["confidentiality", false],
      ["privacy", false],
    ]);
    expect(DESCRIPTION_CRITERIA.map((d) => d.id)).toEqual(
      Array.from({ length: 9 }, (_, i) => `DC${i + 1}`),
    );
    expect(DESCRIPTION_CRITERIA.filter((d) => d.type2Only).map((d) => d.id)).toEqual(["DC9"]);
  });

  it("selects criteria by category", () => {
    expect(criteriaInCategories(["security", "availability"])).toHaveLength(36);
  });
});

describe("control library", () => {
  it("has at least 80 templates with unique, stable ids", () => {
    expect(CONTROL_TEMPLATES.length).toBeGreaterThanOrEqual(80);
    const ids = CONTROL_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z]{2}-\d{2}$/);
  });

  it("maps only to real criteria, and covers every one of the 61", () => {
    const covered = new Set<string>();
    for (const template of CONTROL_TEMPLATES) {
      expect(template.criteria.length, template.id).toBeGreaterThan(0);
      for (const id of template.criteria) {
        expect(findCriterion(id), `${template.id} → ${id}`).toBeDefined();
        covered.add(id);
      }
    }
    expect(CRITERIA.filter((c) => !covered.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it("makes a control event-driven when its own test samples people or vendors", () => {
    // "For a sample of hires…": the population is the hires (staff, vendors), one occurrence
    // each, recorded as events until registers of people and vendors exist; never one item
    // a year. Tracing "a sample of vendors from the spend report" into an inventory checks the
    // inventory's completeness at one point, not how often the control operated.
    const samplesPeople =
      /\bsample of (?:new |other )?(?:hires|employees|staff|vendors)\b(?! from the spend report)/i;
    const people = CONTROL_TEMPLATES.filter((t) => samplesPeople.test(t.testProcedure));
    expect(people.map((t) => t.id)).toEqual(
      expect.arrayContaining(["GV-01", "HR-03", "HR-04", "RM-07"]),
    );
    for (const template of people) {
      expect(template.frequency, template.id).toBe("event-driven");
    }
  });

  it("gives every template evidence to collect and a test procedure", () => {
    for (const template of CONTROL_TEMPLATES) {
      expect(template.suggestedEvidence.length, template.id).toBeGreaterThan(0);
      expect(template.testProcedure.length, template.id).toBeGreaterThan(40);
      expect(template.description.length, template.id).toBeGreaterThan(20);
    }
  });
});
