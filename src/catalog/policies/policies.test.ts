import { describe, expect, it } from "vitest";
import { CONTROL_TEMPLATES } from "../controls/index.ts";
import { CRITERIA } from "../criteria.ts";
import { CATEGORY_IDS, OWNER_ROLES } from "../types.ts";
import { POLICY_TEMPLATE_CONTROLS, policyTemplateControls } from "./controls.ts";
import { POLICY_TEMPLATES, policyTemplate } from "./index.ts";

/** Every body needs these sections, found by a level-2 heading that starts with the word. */
const REQUIRED_SECTIONS = [
  "Purpose",
  "Scope",
  "Roles",
  "Policy statements",
  "Exceptions",
  "Enforcement",
  "Review",
];

/** The topics issue 15 lists; ids are stable, so the list names them directly. */
const PROMISED_TOPICS = [
  "information-security",
  "acceptable-use",
  "access-control",
  "change-management",
  "secure-development",
  "incident-response",
  "business-continuity",
  "backup",
  "vendor-management",
  "risk-management",
  "data-classification",
  "data-retention",
  "encryption",
  "asset-management",
  "physical-security",
  "human-resources-security",
  "code-of-conduct",
  "vulnerability-management",
  "logging-monitoring",
  "privacy",
];

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

function placeholders(body: string): string[] {
  return [...body.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "");
}

function headings(body: string): string[] {
  return [...body.matchAll(/^## (.+)$/gm)].map((match) => (match[1] ?? "").trim());
}

function wordCount(body: string): number {
  return body.split(/\s+/).filter((word) => /\w/.test(word)).length;
}

describe("policy template library", () => {
  it("ships at least 20 templates, sorted by title", () => {
    expect(POLICY_TEMPLATES.length).toBeGreaterThanOrEqual(20);
    const titles = POLICY_TEMPLATES.map((template) => template.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
  });

  it("has unique kebab-case ids and unique titles", () => {
    const ids = POLICY_TEMPLATES.map((template) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    const titles = POLICY_TEMPLATES.map((template) => template.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("looks templates up by id and answers undefined for an unknown id", () => {
    for (const template of POLICY_TEMPLATES) expect(policyTemplate(template.id)).toBe(template);
    expect(policyTemplate("no-such-policy")).toBeUndefined();
  });

  it("covers every topic issue 15 promises", () => {
    const ids = new Set(POLICY_TEMPLATES.map((template) => template.id));
    for (const id of PROMISED_TOPICS) expect(ids, id).toContain(id);
  });

  describe.each(POLICY_TEMPLATES.map((template) => [template.id, template] as const))(
    "%s",
    (_id, template) => {
      it("uses only organization and its declared variables, and uses each declared one", () => {
        const declared = template.variables.map((variable) => variable.name);
        expect(new Set(declared).size, "duplicate variable").toBe(declared.length);
        expect(declared).not.toContain("organization");
        const used = new Set(placeholders(template.body));
        expect(used).toContain("organization");
        for (const name of used) expect(["organization", ...declared], name).toContain(name);
        for (const name of declared) expect(used, `declared but unused: ${name}`).toContain(name);
      });

      it("reads each frequency as a period after 'every', so any chosen value fits the sentence", () => {
        const frequencies = template.variables.filter((v) => v.name.endsWith("_frequency"));
        for (const { name } of frequencies) {
          const uses = [...template.body.matchAll(new RegExp(`(\\S+) \\{\\{${name}\\}\\}`, "g"))];
          expect(uses.length, name).toBeGreaterThan(0);
          for (const use of uses) expect(use[1]?.toLowerCase(), name).toBe("every");
        }
      });

      it("has no stray braces outside placeholders", () => {
        const withoutPlaceholders = template.body.replace(PLACEHOLDER, "");
        expect(withoutPlaceholders).not.toMatch(/[{}]/);
      });

      it("declares variables with snake_case names, a default and one sentence of help", () => {
        for (const variable of template.variables) {
          expect(variable.name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
          expect(variable.label.trim(), variable.name).not.toBe("");
          expect(variable.default.trim(), variable.name).not.toBe("");
          expect(variable.help, variable.name).toMatch(/^[A-Z].*\.$/);
        }
      });

      it("names only criteria and controls that exist in the catalog", () => {
        const criteria = new Set(CRITERIA.map((criterion) => criterion.id));
        expect(template.criteria.length).toBeGreaterThan(0);
        for (const id of template.criteria) expect(criteria, id).toContain(id);
        const controls = new Map(CONTROL_TEMPLATES.map((control) => [control.id, control]));
        expect(template.controls.length).toBeGreaterThan(0);
        for (const id of template.controls) expect([...controls.keys()], id).toContain(id);
        expect(new Set(template.criteria).size).toBe(template.criteria.length);
        expect(new Set(template.controls).size).toBe(template.controls.length);
      });

      it("supports, for each control it names, at least one of that control's criteria", () => {
        for (const id of template.controls) {
          const control = CONTROL_TEMPLATES.find((candidate) => candidate.id === id);
          const shared = control?.criteria.filter((c) => template.criteria.includes(c)) ?? [];
          expect(shared.length, `${id} shares no criterion with the policy`).toBeGreaterThan(0);
        }
      });

      it("has a known owner role, category list and review cycle", () => {
        expect(OWNER_ROLES).toContain(template.ownerRole);
        for (const category of template.categories) expect(CATEGORY_IDS).toContain(category);
        expect(Number.isInteger(template.reviewMonths)).toBe(true);
        expect(template.reviewMonths).toBeGreaterThanOrEqual(1);
        expect(template.reviewMonths).toBeLessThanOrEqual(24);
        expect(template.summary.trim()).not.toBe("");
      });

      it("is Markdown without HTML", () => {
        expect(template.body).not.toMatch(/<\/?[a-zA-Z][^>]*>/);
        expect(template.body).not.toMatch(/&[a-z]+;/);
      });

      it("has the purpose, scope, roles, statements, exceptions, enforcement and review sections", () => {
        const found = headings(template.body);
        for (const section of REQUIRED_SECTIONS) {
          expect(
            found.some((heading) => heading.startsWith(section)),
            `missing section ${section}`,
          ).toBe(true);
        }
      });

      it("is long enough to be a usable policy", () => {
        expect(wordCount(template.body)).toBeGreaterThanOrEqual(450);
        expect(wordCount(template.body)).toBeLessThanOrEqual(1400);
      });
    },
  );

  it("gives a variable shared by several templates the same label, default and help", () => {
    const byName = new Map<string, string>();
    for (const template of POLICY_TEMPLATES) {
      for (const variable of template.variables) {
        const definition = JSON.stringify(variable);
        const first = byName.get(variable.name) ?? definition;
        byName.set(variable.name, first);
        expect(definition, `${template.id}: ${variable.name}`).toBe(first);
      }
    }
  });

  it("refers by name only to policies the library contains", () => {
    const titles = new Set(POLICY_TEMPLATES.map((template) => template.title));
    const policyName = /\b(?:[A-Z][a-z]+ (?:and )?)+Policy\b/g;
    for (const template of POLICY_TEMPLATES) {
      for (const match of template.body.matchAll(policyName)) {
        expect(titles, `${template.id} names ${match[0]}`).toContain(match[0]);
      }
    }
  });

  it("offers the privacy and processing integrity policies only when their category is in scope", () => {
    expect(policyTemplate("privacy")?.categories).toEqual(["privacy"]);
    expect(policyTemplate("processing-integrity")?.categories).toEqual(["processing-integrity"]);
    expect(policyTemplate("confidentiality")?.categories).toEqual(["confidentiality"]);
  });

  it("gates every template that cites privacy or processing integrity criteria on that category", () => {
    for (const template of POLICY_TEMPLATES) {
      if (template.criteria.some((id) => /^P\d/.test(id))) {
        expect(template.categories, template.id).toContain("privacy");
      }
      if (template.criteria.some((id) => id.startsWith("PI"))) {
        expect(template.categories, template.id).toContain("processing-integrity");
      }
    }
  });

  it("cites, in every gated template, criteria of each category it is gated on", () => {
    const categoryOf = new Map(CRITERIA.map((criterion) => [criterion.id, criterion.category]));
    for (const template of POLICY_TEMPLATES) {
      const cited = new Set(template.criteria.map((id) => categoryOf.get(id)));
      for (const category of template.categories) expect(cited, template.id).toContain(category);
    }
  });
});

describe("the template controls index", () => {
  it("has one entry per template, and only those", () => {
    expect(Object.keys(POLICY_TEMPLATE_CONTROLS).sort()).toEqual(
      POLICY_TEMPLATES.map((t) => t.id).sort(),
    );
    for (const template of POLICY_TEMPLATES) {
      expect(policyTemplateControls(template.id)).toEqual(template.controls);
    }
    expect(policyTemplateControls("no-such-template")).toBeUndefined();
  });
});
