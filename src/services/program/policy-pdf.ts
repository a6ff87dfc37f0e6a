/**
 * One published policy version as a PDF, laid out with the report renderer's toolkit: a
 * header block naming the version, its SHA-256 and its approval, then the text, and the
 * version and page number in every footer.
 */
import PDFDocument from "pdfkit";
import { getOrganization } from "../../db/organizations.repo.ts";
import { listPolicyVersions } from "../../db/policies.repo.ts";
import { read } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { AppError, invalidField } from "../../domain/errors.ts";
import { markdownBlocks, plainInline } from "../../domain/markdown-blocks.ts";
import { authorize } from "../../domain/permissions.ts";
import { policyLabel } from "../../domain/policy.ts";
import type { ServiceContext } from "../platform/context.ts";
import { COLOR, FONT, PdfWriter, SIZE } from "../reporting/render/render-pdf-layout.ts";
import { loadPolicy } from "./policies.service.ts";

export interface PolicyPdfInput {
  organization: string;
  label: string;
  title: string;
  version: number;
  sha256: string;
  approvedBy: string;
  approvedAt: string;
  publishedAt: string;
  body: string;
}

const MARGINS = { top: 60, bottom: 60, left: 64, right: 64 };

export async function renderPolicyPdf(
  input: PolicyPdfInput,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "LETTER",
    margins: MARGINS,
    bufferPages: true,
    compress: options.compress ?? true,
    info: {
      Title: `${input.title} (version ${input.version})`,
      Author: input.organization,
      Creator: "Attest",
      // The version's own time: the same version renders to the same dates.
      CreationDate: new Date(input.publishedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  const w = new PdfWriter(doc);
  w.paragraph(input.organization, { color: COLOR.muted, size: SIZE.small });
  w.heading(input.title, 1);
  w.labelled("Policy:", `${input.label}, version ${input.version}`);
  w.labelled("Approved by:", `${input.approvedBy} on ${input.approvedAt.slice(0, 10)}`);
  w.labelled("Published:", input.publishedAt.slice(0, 10));
  w.labelled("SHA-256 of the text:", input.sha256, { size: SIZE.small });
  w.rule();
  w.space(6);
  for (const block of markdownBlocks(input.body)) {
    if (block.kind === "heading") {
      w.heading(plainInline(block.text), block.level === 1 ? 2 : 3);
    } else if (block.kind === "paragraph") {
      w.paragraph(plainInline(block.text));
    } else if (block.ordered) {
      block.items.forEach((item, index) =>
        w.labelled(`${index + 1}.`, plainInline(item), { indent: 12, gapAfter: 3 }),
      );
      w.space(3);
    } else {
      w.bullets(block.items.map(plainInline));
      w.space(3);
    }
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // The footer sits in the margin; with the bottom margin at 0 pdfkit does not take it for
    // text overflowing the page.
    doc.page.margins.bottom = 0;
    const footer = `${input.label} v${input.version} · ${input.sha256.slice(0, 16)} · page ${i + 1} of ${range.count}`;
    doc
      .font(FONT.regular)
      .fontSize(SIZE.small)
      .fillColor(COLOR.muted)
      .text(footer, MARGINS.left, doc.page.height - MARGINS.bottom + 20, {
        width: doc.page.width - MARGINS.left - MARGINS.right,
        align: "center",
        lineBreak: false,
      });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

export interface PolicyPdf {
  body: Buffer;
  mediaType: "application/pdf";
  fileName: string;
}

/** A published version (the one in force unless `version` is given) as a PDF. */
export async function policyPdf(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  version?: number,
): Promise<PolicyPdf> {
  authorize(actor, "policy:read");
  const { input } = await read(ctx.db, async (tx) => {
    const policy = await loadPolicy(tx, actor, handle);
    const label = policyLabel(policy.number);
    const versions = await listPolicyVersions(tx, scopeOf(actor), policy.id);
    if (versions.length === 0) {
      throw new AppError("INVALID_STATE", `${label} has no published version to render`);
    }
    const chosen =
      version === undefined ? versions[0] : versions.find((v) => v.version === version);
    if (chosen === undefined) {
      throw invalidField(
        "version",
        `${label} has no version ${version} (it has ${versions.length})`,
      );
    }
    const organization = await getOrganization(tx, scopeOf(actor));
    return {
      input: {
        organization: organization.name,
        label,
        title: chosen.title,
        version: chosen.version,
        sha256: chosen.sha256,
        approvedBy: chosen.approval.name,
        approvedAt: chosen.approval.at,
        publishedAt: chosen.publishedAt,
        body: chosen.body,
      },
    };
  });
  return {
    body: await renderPolicyPdf(input),
    mediaType: "application/pdf",
    fileName: `${input.label.toLowerCase()}-v${input.version}.pdf`,
  };
}
