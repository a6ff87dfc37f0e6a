// Issue 12's bar for the demo's final report: what a CPA would refuse must not be in it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { operator } from "../../../test/support/fixtures.ts";
import { readPdfText } from "../../../test/support/pdf-text.ts";
import { operatorActor } from "../access/organizations.service.ts";
import { loadReportPackage } from "../reporting/report-versions.service.ts";
import { renderPdfBuffer } from "../reporting/render/render-pdf.ts";
import { toOscalAssessmentResults } from "../reporting/render/oscal.ts";
import { loadDemo } from "./demo.ts";

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext(new Date("2026-11-27T15:00:00Z"));
});
afterEach(async () => {
  await t.close();
});

function states(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) states(item, found);
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "state" && typeof value === "string") found.push(value);
      else states(value, found);
    }
  }
  return found;
}

describe("the demo's final report", () => {
  it(
    "has no untested item, no operating-system name, each control's description, and OSCAL agreeing with the opinion",
    { timeout: 240_000 },
    async () => {
      const summary = await loadDemo(t.ctx, operator);
      const actor = await operatorActor(t.ctx, operator, summary.organization);
      const final = await loadReportPackage(t.ctx, actor, summary.engagement, "latest");
      expect(final.state).toBe("final");
      expect(final.opinion?.type).toBe("unmodified");

      const pages = readPdfText(await renderPdfBuffer(final, { compress: false }));
      const text = pages.map((p) => p.text).join("\n");
      expect(text).not.toMatch(/not yet tested/i);
      expect(text).not.toMatch(/not yet recorded/i);
      // "root" as who acted (the operating-system user); a control about root accounts is fine.
      expect(text).not.toMatch(/\bby root\b/i);
      expect(text).not.toMatch(/\b1 items\b/);
      // Section IV's matrix carries each tested control's own description from the snapshot.
      const tested = final.criteria
        .flatMap((c) => c.controls)
        .filter((c) => c.test !== null && c.description.trim() !== "");
      expect(tested.length).toBeGreaterThan(50);
      // Table cells wrap and interleave in the extracted text, so each description is checked
      // word by word on the pages where its control's row starts (and the next, for a row that
      // runs over a page break).
      for (const control of tested) {
        const at = pages.flatMap((p, i) =>
          p.text.includes(`${control.ref}${control.title.split(" ")[0] ?? ""}`) ? [i] : [],
        );
        expect(at.length, control.ref).toBeGreaterThan(0);
        const letters = (text: string) => text.replace(/[^A-Za-z0-9]/g, "");
        const nearby = at
          .flatMap((i) => [pages[i]?.text ?? "", pages[i + 1]?.text ?? ""])
          .join(" ");
        for (const word of control.description.split(/[\s\u2013-]+/).filter((w) => w.length > 3)) {
          expect(letters(nearby), `${control.ref}: ${word}`).toContain(letters(word));
        }
      }

      // Controls not in place at the freeze are not described as the criteria's controls.
      const dc5 = text.slice(text.indexOf("Applicable criteria and related controls"));
      expect(dc5).toMatch(
        /C1\.2\s*Dispose of confidential information\s*CF-05, CF-06 \(not in place/,
      );
      expect(dc5).toMatch(/frozen: CF-07\)/);

      const oscal = toOscalAssessmentResults(final);
      const found = states(oscal);
      expect(found).toContain("satisfied");
      expect(found).not.toContain("not-satisfied");
    },
  );
});
