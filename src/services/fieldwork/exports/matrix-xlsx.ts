/**
 * The control matrix as an XLSX workbook, written by exceljs. Only this module imports
 * exceljs, and only control-matrix.ts imports this one, on demand: the CSV path, the rest of
 * the server and every other CLI command never load it.
 */
import ExcelJS from "exceljs";
import { MATRIX_COLUMNS, cellValue } from "../../../domain/control-matrix.ts";
import type { MatrixColumn } from "../../../domain/control-matrix.ts";
import { engagementLabel } from "../../../domain/engagement.ts";
import type { ControlMatrix } from "./control-matrix.ts";

const WIDTHS: Record<MatrixColumn, number> = {
  criteria: 16,
  ref: 11,
  title: 36,
  description: 60,
  owner: 26,
  frequency: 14,
  population: 12,
  sampleSize: 12,
  testPerformed: 60,
  result: 36,
  exceptions: 60,
};

function period(matrix: ControlMatrix): string {
  const e = matrix.engagement;
  return e.type === 1 ? `As of ${e.asOf ?? ""}` : `${e.periodFrom ?? ""} to ${e.periodTo ?? ""}`;
}

export async function matrixXlsx(matrix: ControlMatrix): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = matrix.generatedBy;
  workbook.created = new Date(matrix.generatedAt);
  workbook.modified = new Date(matrix.generatedAt);
  workbook.title = `${matrix.organization.name} ${engagementLabel(matrix.engagement)} control matrix`;

  const sheet = workbook.addWorksheet("Control matrix", {
    views: [{ state: "frozen", ySplit: 1, xSplit: 2 }],
  });
  sheet.columns = MATRIX_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: WIDTHS[c.key],
  }));
  for (const row of matrix.rows) {
    sheet.addRow(Object.fromEntries(MATRIX_COLUMNS.map((c) => [c.key, cellValue(row, c.key)])));
  }
  sheet.getRow(1).font = { bold: true };
  sheet.eachRow((row, index) => {
    if (index > 1) row.alignment = { vertical: "top", wrapText: true };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: MATRIX_COLUMNS.length } };

  const about = workbook.addWorksheet("About");
  about.columns = [
    { key: "field", width: 18 },
    { key: "value", width: 60 },
  ];
  const e = matrix.engagement;
  about.addRows([
    { field: "Organization", value: matrix.organization.name },
    { field: "Engagement", value: `${engagementLabel(e)}, Type ${e.type}` },
    { field: e.type === 1 ? "Date" : "Period", value: period(matrix) },
    { field: "Audit firm", value: e.auditFirm },
    { field: "Stage", value: e.status },
    { field: "Controls", value: matrix.rows.length },
    { field: "Generated", value: `${matrix.generatedAt} by ${matrix.generatedBy}` },
  ]);
  about.getColumn("field").font = { bold: true };

  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written);
}
