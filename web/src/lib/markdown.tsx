/**
 * The Markdown subset policies are written in (headings, paragraphs, lists, **bold** and
 * *italic*), rendered as React elements. Text only ever becomes text nodes: no HTML in a policy
 * can reach the page, whatever it contains. The blocks come from the parser the server's PDF
 * uses (src/domain/markdown-blocks.ts), so the page and the PDF read a policy alike.
 */
import { List, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
// The one parser of the subset, shared with the server's PDF so that the page and the PDF cannot
// read a policy differently: pure code with no I/O and no imports, the only server module the
// browser runs.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { markdownBlocks } from "../../../src/domain/markdown-blocks.ts";

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
