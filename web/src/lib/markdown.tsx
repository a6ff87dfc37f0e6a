/**
 * The Markdown subset policies are written in (headings, paragraphs, lists, **bold** and
 * *italic*), rendered as React elements. Text only ever becomes text nodes: no HTML in a policy
 * can reach the page, whatever it contains. The server's PDF reads the same subset
 * (src/domain/markdown-blocks.ts).
 */
import { List, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] };

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

export function markdownBlocks(text: string): Block[] {
  const blocks: Block[] = [];
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

const EMPHASIS = /(\*\*[^*]+\*\*|__[^_]+__|\*[^*\s][^*]*\*|`[^`]+`)/g;

/** **bold**, *italic* and `code` as elements; everything else as plain text. */
function inline(text: string): ReactNode[] {
  return text.split(EMPHASIS).map((part, i) => {
    if (part.startsWith("**") || part.startsWith("__"))
      return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.startsWith("`")) return <code key={i}>{part.slice(1, -1)}</code>;
    if (part.startsWith("*") && part.length > 2) return <em key={i}>{part.slice(1, -1)}</em>;
    return part;
  });
}

/**
 * A policy's text. `headingBase` is the page's level below which the policy's own headings
 * sit, so the outline stays in order (a page's h1, its panel's h2, the policy's h3…).
 */
export function MarkdownView({ text, headingBase = 2 }: { text: string; headingBase?: number }) {
  return (
    <div className="markdown">
      {markdownBlocks(text).map((block, i) => {
        if (block.kind === "heading") {
          const order = Math.min(headingBase + block.level, 6) as 2 | 3 | 4 | 5 | 6;
          return (
            <Title key={i} order={order} size={block.level === 1 ? "h3" : "h4"} mt="md" mb="xs">
              {inline(block.text)}
            </Title>
          );
        }
        if (block.kind === "paragraph") {
          return (
            <Text key={i} mb="sm">
              {inline(block.text)}
            </Text>
          );
        }
        return (
          <List key={i} type={block.ordered ? "ordered" : "unordered"} mb="sm" spacing={4}>
            {block.items.map((item, j) => (
              <List.Item key={j}>{inline(item)}</List.Item>
            ))}
          </List>
        );
      })}
    </div>
  );
}
