import { describe, expect, it } from "vitest";
import { CONTROL_TEMPLATES } from "../controls/index.ts";
import { findCriterion, isCategoryId } from "../index.ts";
import { TRAINING_MODULES, trainingModule } from "./index.ts";

const controlsById = new Map(CONTROL_TEMPLATES.map((control) => [control.id, control]));

function wordCount(markdown: string): number {
  return markdown.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;
}

describe("training modules", () => {
  it("ships at least six modules with unique kebab-case ids", () => {
    expect(TRAINING_MODULES.length).toBeGreaterThanOrEqual(6);
    const ids = TRAINING_MODULES.map((module) => module.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("finds a module by id and nothing for an unknown id", () => {
    expect(trainingModule("phishing")?.title).toBe("Phishing and social engineering");
    expect(trainingModule("no-such-module")).toBeUndefined();
  });

  it("covers phishing, passwords, data handling, incidents, secure development and privacy", () => {
    expect(TRAINING_MODULES.map((module) => module.id)).toEqual(
      expect.arrayContaining([
        "phishing",
        "passwords-mfa",
        "data-handling",
        "incident-reporting",
        "secure-development",
        "privacy",
      ]),
    );
  });

  it("has one module for engineers only and one that needs privacy in scope", () => {
    const forEngineers = TRAINING_MODULES.filter((module) => module.audience === "engineers");
    expect(forEngineers.map((module) => module.id)).toEqual(["secure-development"]);
    const forPrivacy = TRAINING_MODULES.filter((module) => module.categories.includes("privacy"));
    expect(forPrivacy.map((module) => module.id)).toEqual(["privacy"]);
  });

  it.each(TRAINING_MODULES.map((module) => [module.id, module] as const))(
    "%s has a version, a duration, a summary and a pass mark between 0.5 and 1",
    (_id, module) => {
      expect(Number.isInteger(module.version) && module.version >= 1).toBe(true);
      expect(module.minutes).toBeGreaterThanOrEqual(5);
      expect(module.minutes).toBeLessThanOrEqual(60);
      expect(module.title.trim()).not.toBe("");
      expect(module.summary.length).toBeGreaterThan(40);
      expect(module.passMark).toBeGreaterThanOrEqual(0.5);
      expect(module.passMark).toBeLessThanOrEqual(1);
      for (const category of module.categories) expect(isCategoryId(category)).toBe(true);
    },
  );

  it.each(TRAINING_MODULES.map((module) => [module.id, module] as const))(
    "%s has a Markdown lesson of 400 to 900 words with headings and no HTML",
    (_id, module) => {
      expect(module.body).not.toMatch(/<\/?[a-z][^>]*>/i);
      expect(module.body).toMatch(/^#{1,3} \S/m);
      const words = wordCount(module.body);
      expect(words).toBeGreaterThanOrEqual(400);
      expect(words).toBeLessThanOrEqual(900);
    },
  );

  it.each(TRAINING_MODULES.map((module) => [module.id, module] as const))(
    "%s has at least six well-formed quiz questions",
    (_id, module) => {
      expect(module.quiz.length).toBeGreaterThanOrEqual(6);
      const prompts = module.quiz.map((question) => question.prompt);
      expect(new Set(prompts).size).toBe(prompts.length);
      for (const question of module.quiz) {
        expect(question.choices.length).toBeGreaterThanOrEqual(2);
        expect(question.choices.length).toBeLessThanOrEqual(5);
        expect(new Set(question.choices).size).toBe(question.choices.length);
        expect(Number.isInteger(question.answer)).toBe(true);
        expect(question.answer).toBeGreaterThanOrEqual(0);
        expect(question.answer).toBeLessThan(question.choices.length);
        expect(question.explanation.length).toBeGreaterThan(20);
      }
      // A quiz whose right answer always sits in the same place can be passed without reading.
      expect(new Set(module.quiz.map((question) => question.answer)).size).toBeGreaterThan(1);
    },
  );

  it.each(TRAINING_MODULES.map((module) => [module.id, module] as const))(
    "%s names existing controls and criteria that those controls address",
    (_id, module) => {
      expect(module.controls.length).toBeGreaterThan(0);
      expect(module.criteria.length).toBeGreaterThan(0);
      const addressed = new Set<string>();
      for (const id of module.controls) {
        const control = controlsById.get(id);
        expect(control, `control ${id}`).toBeDefined();
        for (const criterion of control?.criteria ?? []) addressed.add(criterion);
      }
      for (const id of module.criteria) {
        expect(findCriterion(id), `criterion ${id}`).toBeDefined();
        expect(
          addressed.has(id),
          `${id} is addressed by one of ${module.controls.join(", ")}`,
        ).toBe(true);
      }
    },
  );
});
