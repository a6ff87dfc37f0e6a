import { describe, expect, it } from "vitest";
import { READINESS_NOTICE } from "../../../domain/report.ts";
import {
  EXCEPTION_CONTROL,
  EXCEPTION_DESCRIPTION,
  EXCEPTION_ITEM_LABEL,
  MANAGEMENT_RESPONSE,
  buildReportPackage,
} from "../../../../test/support/report-package.ts";
import { RESPONSES_ANCHOR, RESPONSES_NOTE } from "./results-matrix.ts";
import { escapeHtml, renderHtml } from "./render-html.ts";
import { DESCRIPTION_INCOMPLETE, SECTIONS, sectionHeading } from "./report-wording.ts";

/** The HTML escaping of the text, as it should appear in the document. */
const html = (text: string) => escapeHtml(text);

describe("escapeHtml", () => {
  it("escapes the five characters that matter in content and attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

describe("HTML report", () => {
  it("is a standalone HTML5 document with the sections in order", () => {
    const doc = renderHtml(buildReportPackage());
    expect(doc.startsWith("<!doctype html>")).toBe(true);
    expect(doc).toContain("<style>");
    expect(doc).not.toMatch(/<link |<script/);
    const positions = SECTIONS.map((s) => doc.indexOf(`<h2>${html(sectionHeading(s.key))}</h2>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("escapes what users wrote", () => {
    const pkg = buildReportPackage();
    pkg.description.services = "<script>alert('services')</script>";
    pkg.criteria[0]!.controls[0]!.title = `<img src=x onerror="alert(1)">`;
    pkg.otherInformation = "Fish & chips <b>bold</b>";
    const doc = renderHtml(pkg);
    expect(doc).not.toContain("<script>");
    expect(doc).not.toContain("<img");
    expect(doc).not.toContain("<b>bold</b>");
    expect(doc).toContain("&lt;script&gt;alert(&#39;services&#39;)&lt;/script&gt;");
    expect(doc).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(doc).toContain("Fish &amp; chips &lt;b&gt;bold&lt;/b&gt;");
  });

  it("shows the readiness notice as a banner and a fixed footer when no opinion is recorded", () => {
    const doc = renderHtml(buildReportPackage());
    const notice = html(READINESS_NOTICE);
    expect(doc).toMatch(new RegExp(`<div class="notice-banner"[^>]*><strong>${notice}</strong>`));
    expect(doc).toMatch(new RegExp(`<footer class="notice-footer"[^>]*>${notice}</footer>`));
    expect(doc.indexOf(notice)).toBeLessThan(doc.indexOf('class="title-page"'));
    expect(doc).toMatch(/\.notice-footer \{ position: fixed;/);
  });

  it("drops the notice and shows the recorded opinion once there is one", () => {
    const doc = renderHtml(buildReportPackage({ opinion: true }));
    expect(doc).not.toContain(html(READINESS_NOTICE));
    expect(doc).toContain("Unmodified opinion");
    expect(doc).toContain(html("Recorded by Dana Whitfield on 20 July 2026."));
  });

  it("sets Section I in its parts, the Type 2 test description among them, signed and dated", () => {
    const doc = renderHtml(buildReportPackage({ opinion: true }));
    const section = doc.slice(doc.indexOf('id="section-i"'), doc.indexOf('id="section-ii"'));
    const order = [
      "Scope",
      "The service organization&#39;s responsibilities",
      "The service auditor&#39;s responsibilities",
      "Inherent limitations",
      "Description of tests of controls",
      "Opinion",
      "Restricted use",
    ].map((h) => section.indexOf(`<h3>${h}</h3>`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(section).not.toContain("Basis for");
    expect(section).toContain("for the period 1 January 2026 to 30 June 2026");
    expect(section).toContain("Ledger &amp; Co<br>Boston, Massachusetts<br>20 July 2026");
  });

  it("gives section IV as a matrix: number, description, test, result and each exception by its item", () => {
    const doc = renderHtml(buildReportPackage());
    const start = doc.indexOf('<article class="criterion" id="criterion-cc8-1">');
    const end = doc.indexOf("</article>", start);
    expect(start).toBeGreaterThan(0);
    const criterion = doc.slice(start, end);
    expect(criterion).toContain(
      '<th scope="col">Control</th><th scope="col">Control description</th>' +
        '<th scope="col">Test performed</th><th scope="col">Result</th>',
    );
    expect(criterion).toContain(`<th scope="row">${EXCEPTION_CONTROL}</th>`);
    expect(criterion).toContain(
      html(`Exception: ${EXCEPTION_ITEM_LABEL}: ${EXCEPTION_DESCRIPTION}`),
    );
    expect(criterion).toMatch(/1 deviation in \d+ items\./);
    // Management's words are not in the auditor's matrix.
    expect(criterion).not.toContain(html(MANAGEMENT_RESPONSE));
  });

  it("keeps management's responses apart, after the criteria, as not covered by the opinion", () => {
    const doc = renderHtml(buildReportPackage());
    const apart = doc.indexOf(`<section id="${RESPONSES_ANCHOR}"`);
    const lastCriterion = doc.lastIndexOf('<article class="criterion"');
    expect(apart).toBeGreaterThan(lastCriterion);
    const section = doc.slice(apart, doc.indexOf("</section>", apart));
    expect(section).toContain(html(RESPONSES_NOTE));
    expect(RESPONSES_NOTE).toContain("not covered by the service auditor's opinion");
    expect(section).toContain(html(MANAGEMENT_RESPONSE));
    expect(section).toContain(html(EXCEPTION_ITEM_LABEL));
  });

  it("links every contents entry to an anchor that exists", () => {
    const doc = renderHtml(buildReportPackage());
    const toc = doc.slice(doc.indexOf('<nav class="toc"'), doc.indexOf("</nav>"));
    const targets = [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(15);
    for (const t of targets) expect(doc, t).toContain(`id="${t}"`);
  });

  it("lists what the description still lacks, only in a draft", () => {
    const gaps = [{ criterion: "DC4", missing: "record the incidents in the period" }];
    expect(renderHtml(buildReportPackage({ gaps }))).toContain(DESCRIPTION_INCOMPLETE);
    expect(renderHtml(buildReportPackage({ gaps, opinion: true }))).not.toContain(
      DESCRIPTION_INCOMPLETE,
    );
  });

  it("shows a Type 1 as design only", () => {
    const doc = renderHtml(buildReportPackage({ type: 1 }));
    expect(doc).toContain("Design conclusion");
    expect(doc).not.toContain("Sample size");
    expect(doc).not.toContain("Significant changes during the period");
  });
});
