/**
 * A risk assessment's snapshot as the PDF filed as its evidence: who took part and when, the
 * two heat maps (counts in every cell, with the band's colour as a supplement), the register
 * as frozen, and the snapshot's SHA-256 so a reader can tie the file to the audit trail.
 * Written with the report's PDF toolkit.
 */
import PDFDocument from "pdfkit";
import { RISK_LEVELS, riskBand, riskScore } from "../../domain/risk.ts";
import type { AssessmentSnapshot, RiskBand } from "../../domain/risk.ts";
import { COLOR, FONT, PdfWriter, SIZE } from "../reporting/render/render-pdf-layout.ts";

const BAND_FILL: Record<RiskBand, string> = {
  low: "#dcefdc",
  medium: "#fff1c2",
  high: "#ffd6b0",
  critical: "#f6c4c4",
};

const CELL = 34;
const LABEL = 70;

function drawHeatMap(w: PdfWriter, title: string, counts: readonly (readonly number[])[]): void {
  const doc = w.doc;
  // The grid is drawn straight on the page, not through the writer, so the heading waiting
  // in the writer is placed now (with a new page first if the grid would not fit under it).
  const height = CELL * 5 + 32;
  w.heading(title, 3, height);
  w.keepHeadingsWith(height);
  const top = doc.y;
  const left = w.left + LABEL;
  doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
  doc.text("Likelihood", w.left, top + CELL * 2.3, { width: LABEL - 20 });
  // Rows from likelihood 5 (top) to 1, columns impact 1 to 5.
  for (const [rowIndex, likelihood] of [...RISK_LEVELS].reverse().entries()) {
    const y = top + rowIndex * CELL;
    doc
      .font(FONT.regular)
      .fontSize(SIZE.small)
      .fillColor(COLOR.text)
      .text(String(likelihood), left - 14, y + CELL / 2 - 4);
    for (const impact of RISK_LEVELS) {
      const x = left + (impact - 1) * CELL;
      const count = counts[likelihood - 1]?.[impact - 1] ?? 0;
      doc
        .rect(x, y, CELL, CELL)
        .lineWidth(0.5)
        .fillAndStroke(BAND_FILL[riskBand(riskScore(likelihood, impact))], COLOR.rule);
      doc
        .font(count === 0 ? FONT.regular : FONT.bold)
        .fontSize(SIZE.body)
        .fillColor(count === 0 ? COLOR.muted : COLOR.text)
        .text(String(count), x, y + CELL / 2 - 5, { width: CELL, align: "center" });
    }
  }
  const bottom = top + height - 32;
  doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.text);
  for (const impact of RISK_LEVELS) {
    doc.text(String(impact), left + (impact - 1) * CELL, bottom + 3, {
      width: CELL,
      align: "center",
    });
  }
  doc
    .fillColor(COLOR.muted)
    .text("Impact", left, bottom + 15, { width: CELL * 5, align: "center" });
  doc.x = w.left;
  doc.y = bottom + 32;
}

function build(w: PdfWriter, snapshot: AssessmentSnapshot, sha256: string): void {
  w.heading(`${snapshot.organization}: risk assessment ${snapshot.assessment}`, 1);
  w.labelled("Held on:", snapshot.heldOn);
  w.labelled(
    "Participants:",
    snapshot.participants
      .map((p) => (p.email === null ? p.name : `${p.name} <${p.email}>`))
      .join(", "),
  );
  w.labelled("Risks assessed:", String(snapshot.risks.length));
  w.labelled("Snapshot SHA-256:", sha256);
  w.paragraph(
    "The SHA-256 is over the canonical JSON of the register as frozen (recorded in the audit " +
      "trail as risk-assessment.recorded). Scores are likelihood × impact, 1 to 5 each: up to 4 " +
      "low, up to 9 medium, up to 16 high, 20 and above critical. Each cell gives the number " +
      "of risks; its colour shows the band.",
    { color: COLOR.muted, size: SIZE.small },
  );
  drawHeatMap(w, "Inherent risk (before controls)", snapshot.heatMap.inherent);
  drawHeatMap(w, "Residual risk (after controls)", snapshot.heatMap.residual);
  w.heading("The register", 2);
  w.table(
    [
      { header: "Risk", share: 0.07 },
      { header: "Title", share: 0.29 },
      { header: "Owner", share: 0.17 },
      { header: "Inherent", share: 0.09 },
      { header: "Treatment", share: 0.1 },
      { header: "Controls", share: 0.12 },
      { header: "Residual", share: 0.08 },
      { header: "Review by", share: 0.08 },
    ],
    snapshot.risks.map((r) => [
      r.ref,
      r.acceptanceNote === null ? r.title : `${r.title}\nAccepted: ${r.acceptanceNote}`,
      r.owner ?? "unassigned",
      `${r.likelihood}×${r.impact} = ${r.inherentScore}`,
      r.treatment,
      r.controls.join(", ") || "none",
      `${r.residualLikelihood}×${r.residualImpact} = ${r.residualScore}`,
      r.reviewDate,
    ]),
  );
}

/**
 * The PDF's bytes; the document's date is the assessment's, so the same input gives the same
 * file. `compress: false` leaves the text readable, for tests.
 */
export async function renderAssessmentPdf(
  snapshot: AssessmentSnapshot,
  sha256: string,
  at: Date,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "LETTER",
    compress: options.compress ?? true,
    margins: { top: 54, bottom: 54, left: 54, right: 54 },
    bufferPages: true,
    info: {
      Title: `${snapshot.organization}: risk assessment ${snapshot.assessment}`,
      Author: snapshot.organization,
      Creator: "Attest",
      CreationDate: at,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  build(new PdfWriter(doc), snapshot, sha256);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
