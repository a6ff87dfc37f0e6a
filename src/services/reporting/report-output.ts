/** One place that turns a report package into each output format, for the CLI and the API. */
import { slugify } from "../../domain/organization.ts";
import type { ReportPackage } from "../../domain/report.ts";
import { renderHtml } from "./render/render-html.ts";
import { toOscalAssessmentResults, toOscalSsp } from "./render/oscal.ts";
import { renderPdfBuffer } from "./render/render-pdf.ts";

export const REPORT_FORMATS = ["pdf", "html", "json", "oscal-ssp", "oscal-ar"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderedReport {
  body: Buffer;
  mediaType: string;
  fileName: string;
}

function baseName(pkg: ReportPackage): string {
  const org = slugify(pkg.organization.name);
  const state = pkg.state === "final" ? `v${pkg.version}` : `draft-v${pkg.version}`;
  return `${org}-${pkg.engagement.label.toLowerCase()}-soc2-type${pkg.engagement.type}-${state}`;
}

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
}

export async function renderReport(
  pkg: ReportPackage,
  format: ReportFormat,
): Promise<RenderedReport> {
  const name = baseName(pkg);
  switch (format) {
    case "pdf":
      return {
        body: await renderPdfBuffer(pkg),
        mediaType: "application/pdf",
        fileName: `${name}.pdf`,
      };
    case "html":
      return {
        body: Buffer.from(renderHtml(pkg)),
        mediaType: "text/html; charset=utf-8",
        fileName: `${name}.html`,
      };
    case "json":
      return { body: json(pkg), mediaType: "application/json", fileName: `${name}.json` };
    case "oscal-ssp":
      return {
        body: json(toOscalSsp(pkg)),
        mediaType: "application/json",
        fileName: `${name}.oscal-ssp.json`,
      };
    case "oscal-ar":
      return {
        body: json(toOscalAssessmentResults(pkg)),
        mediaType: "application/json",
        fileName: `${name}.oscal-ar.json`,
      };
  }
}
