/**
 * The assessment's PDF carries both heat maps: each count in the cell of its likelihood (row,
 * 5 at the top) and impact (column, 1 on the left), read back from the file's text positions.
 */
import { describe, expect, it } from "vitest";
import { readPdfText } from "../../../test/support/pdf-text.ts";
import type { PdfRun } from "../../../test/support/pdf-text.ts";
import { assessmentSnapshot } from "../../domain/risk.ts";
import type { RiskLevel } from "../../catalog/risks/types.ts";
import type { Risk } from "../../domain/risk.ts";
import { renderAssessmentPdf } from "./risk-assessment-pdf.ts";

function risk(ref: string, inherent: [RiskLevel, RiskLevel], residual: [RiskLevel, RiskLevel]) {
  const [likelihood, impact] = inherent;
  const [residualLikelihood, residualImpact] = residual;
  const at = "2026-03-02T09:00:00.000Z";
  const row: Risk = {
    id: ref,
    ref,
    number: Number(ref.slice(2)),
    templateId: null,
    title: `Risk ${ref}`,
    description: "A risk written for the heat map test.",
    category: "security",
    owner: null,
    likelihood,
    impact,
    inherentScore: likelihood * impact,
    treatment: "mitigate",
    controls: [],
    residualLikelihood,
    residualImpact,
    residualScore: residualLikelihood * residualImpact,
    reviewDate: "2027-03-01",
    acceptanceNote: null,
    createdAt: at,
    updatedAt: at,
  };
  return row;
}

/**
 * The counts of the heat map under `title`: the digit runs between it and the next heading,
 * less the likelihood labels (the leftmost column), grouped into rows by baseline; the last
 * row is the impact axis. Returns [likelihood 5 … 1][impact 1 … 5].
 */
function gridUnder(runs: PdfRun[], title: string, next: string): number[][] {
  const top = runs.find((r) => r.text === title)?.y;
  const bottom = runs.find((r) => r.text === next)?.y;
  if (top === undefined || bottom === undefined) throw new Error(`no heading ${title} or ${next}`);
  const digits = runs.filter((r) => r.y < top && r.y > bottom && /^\d+$/.test(r.text));
  const labelX = Math.min(...digits.map((r) => r.x));
  const cells = digits.filter((r) => r.x > labelX + 1).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfRun[][] = [];
  for (const cell of cells) {
    const row = rows.at(-1);
    if (row !== undefined && Math.abs((row[0]?.y ?? 0) - cell.y) < 3) row.push(cell);
    else rows.push([cell]);
  }
  expect(rows.map((r) => r.length)).toEqual([5, 5, 5, 5, 5, 5]);
  expect(rows.at(-1)?.map((r) => r.text)).toEqual(["1", "2", "3", "4", "5"]);
  return rows.slice(0, 5).map((r) => r.map((cell) => Number(cell.text)));
}

describe("the risk assessment's PDF", () => {
  it("draws the inherent and residual heat maps with each risk in its cell", async () => {
    const snapshot = assessmentSnapshot(
      "Acme Cloud",
      "RA-1",
      "2026-03-02",
      [],
      [risk("R-1", [5, 4], [2, 2]), risk("R-2", [5, 4], [1, 3]), risk("R-3", [3, 3], [3, 3])],
    );
    const pdf = await renderAssessmentPdf(snapshot, "ab".repeat(32), new Date(), {
      compress: false,
    });
    const [page] = readPdfText(pdf);
    if (page === undefined) throw new Error("no page");
    expect(page.text).toContain(`Snapshot SHA-256: ${"ab".repeat(32)}`);
    const inherent = gridUnder(
      page.runs,
      "Inherent risk (before controls)",
      "Residual risk (after controls)",
    );
    expect(inherent).toEqual([
      [0, 0, 0, 2, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 1, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
    const residual = gridUnder(page.runs, "Residual risk (after controls)", "The register");
    expect(residual).toEqual([
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 1, 0, 0],
      [0, 1, 0, 0, 0],
      [0, 0, 1, 0, 0],
    ]);
  });
});
