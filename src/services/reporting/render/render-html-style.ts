/**
 * The HTML report's stylesheet, inlined so the downloaded file needs nothing else. Print rules
 * start each section on a new page, repeat table headers and keep the readiness notice in a
 * fixed footer, which browsers repeat on every printed page.
 */
export const HTML_STYLE = `
:root { --text: #1a1a1a; --muted: #5b6470; --accent: #1f3a5f; --notice: #9b1c1c;
  --rule: #c9ced6; --fill: #eef1f5; --warn: #c2780a; --warn-fill: #fff6e5; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem 1.5rem 4rem; color: var(--text);
  font: 15px/1.5 "Helvetica Neue", Helvetica, Arial, sans-serif; }
h1, h2, h3, h4, h5 { color: var(--accent); line-height: 1.25; }
h2 { font-size: 1.6rem; margin: 2.5rem 0 1rem; }
h3 { font-size: 1.25rem; margin: 1.8rem 0 0.6rem; }
h4 { font-size: 1.05rem; margin: 1.3rem 0 0.4rem; }
h5 { font-size: 0.95rem; margin: 1rem 0 0.2rem; color: var(--text); }
p { margin: 0.35rem 0; }
a { color: var(--accent); }
.muted { color: var(--muted); font-size: 0.85rem; }
.pending, .note { color: var(--muted); font-style: italic; }
.notice-banner { border: 2px solid var(--notice); background: #fdecec; color: var(--notice);
  padding: 0.8rem 1rem; margin-bottom: 1.5rem; }
.notice-banner strong { font-size: 1.15rem; }
.notice-banner p { color: var(--text); font-size: 0.9rem; }
.notice-footer { position: fixed; left: 0; right: 0; bottom: 0; padding: 0.4rem;
  background: #fdecec; border-top: 1px solid var(--notice); color: var(--notice);
  font-weight: bold; font-size: 0.85rem; text-align: center; }
.running-header { display: flex; justify-content: space-between; gap: 1rem;
  color: var(--muted); font-size: 0.8rem; border-bottom: 1px solid var(--rule);
  padding-bottom: 0.3rem; }
.running-header span:last-child { font-weight: bold; color: var(--accent); }
.title-page { padding: 4rem 0 3rem; }
.title-page .org { font-size: 2rem; font-weight: bold; margin: 0; }
.title-page .system { font-size: 1.3rem; margin: 0 0 2rem; }
.title-page h1 { font-size: 1.3rem; margin: 0 0 0.5rem; }
.toc ol { list-style: none; padding-left: 0; }
.toc ol > li { font-weight: bold; margin: 0.3rem 0; }
.toc ul { font-weight: normal; list-style: none; padding-left: 1.2rem; }
.no-opinion { color: var(--notice); font-weight: bold; }
.gaps { border: 1.5px solid var(--warn); background: var(--warn-fill); padding: 0.6rem 1rem;
  margin: 1rem 0; }
.gaps h3 { color: var(--warn); margin-top: 0.2rem; }
table { width: 100%; border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.85rem; }
th { background: var(--fill); text-align: left; }
th, td { padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
td { overflow-wrap: break-word; }
.criterion { border-top: 1px solid var(--rule); margin-top: 1rem; }
.conclusion { font-size: 0.85rem; color: var(--muted); }
.adverse, .conclusion.adverse { color: var(--notice); }
.control { margin: 0 0 1rem; }
.control > p { margin-left: 0.8rem; }
.result { font-weight: bold; }
.exceptions { list-style: none; padding-left: 1.6rem; margin: 0.3rem 0; }
.exception { border-left: 3px solid var(--notice); padding-left: 0.6rem; margin: 0.4rem 0; }
.exception strong { color: var(--notice); }
.exception .response strong { color: var(--text); }
.key dt { font-weight: bold; }
.key dd { margin: 0 0 0.4rem 1rem; overflow-wrap: anywhere; }
.page-frame { width: 100%; border-collapse: collapse; margin: 0; font-size: inherit; }
.page-frame > tbody > tr > td, .page-frame > tfoot > tr > td { padding: 0; border: 0; }
.footer-space { height: 2.4rem; }
@media print {
  @page { size: letter; margin: 18mm 16mm 20mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .toc, .report-section { break-before: page; }
  h2, h3, h4, h5 { break-after: avoid; }
  thead { display: table-header-group; }
  table:not(.page-frame) tr, .exception { break-inside: avoid; }
  .page-frame > tfoot { display: table-footer-group; }
  .notice-footer { background: none; border-top: 1px solid var(--notice); font-size: 8.5pt; }
}
`;
