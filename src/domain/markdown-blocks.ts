/**
 * The Markdown subset policies are written in, as blocks: headings (#, ##, ###), paragraphs,
 * bulleted lists (- or *) and numbered lists (1.). Anything else is kept as paragraph text,
 * never interpreted, so no markup in a policy can become HTML or layout. Used by the PDF and by
 * the web app (web/src/lib/markdown.tsx), which renders the blocks as React elements: keep this
 * module free of I/O and of imports, since the browser runs it.
 */

export type MarkdownBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] };

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

export function markdownBlocks(text: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
    paragraph = [];
    if (list !== null) blocks.push({ kind: "list", ...list });
    list = null;
  };
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet === null ? NUMBERED.exec(line) : null;
    if (line.trim() === "") {
      flush();
    } else if (heading !== null) {
      flush();
      const level = Math.min(heading[1]?.length ?? 1, 3) as 1 | 2 | 3;
      blocks.push({ kind: "heading", level, text: (heading[2] ?? "").trim() });
    } else if (bullet !== null || numbered !== null) {
      const ordered = numbered !== null;
      const item = (bullet ?? numbered)?.[1] ?? "";
      if (paragraph.length > 0 || (list !== null && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item.trim());
    } else if (list !== null && /^\s{2,}/.test(raw)) {
      // An indented line continues the list item above it.
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last] ?? ""} ${line.trim()}`;
    } else {
      if (list !== null) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** Emphasis markers removed, for plain-text outputs such as the PDF. */
export function plainInline(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/__(.+?)__/g, "$1")
    .replace(/`([^`]+)`/g, "$1");
}
