import { Code, Text, Timeline } from "@mantine/core";
import type { HistoryEntry } from "../api/types.ts";
import { formatDateTime, humanize } from "./format.ts";

/** "control.updated" → "Updated"; the record type is already clear from the page. */
function actionLabel(action: string): string {
  return humanize(action.split(".").pop() ?? action);
}

/** The changed fields of an update, read from the event: `{ changes: { field: {from,to} } }`. */
function describe(data: unknown): string | null {
  if (typeof data !== "object" || data === null) return null;
  const record = data as Record<string, unknown>;
  const changes = record.changes;
  if (typeof changes === "object" && changes !== null) {
    return Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>)
      .map(
        ([field, change]) =>
          `${field}: ${String(change.from ?? "—")} → ${String(change.to ?? "—")}`,
      )
      .join("; ");
  }
  if (Array.isArray(record.criteria)) return `criteria: ${record.criteria.join(", ")}`;
  if (typeof record.control === "string") return `control ${record.control}`;
  if (typeof record.reason === "string") return `reason: ${record.reason}`;
  return null;
}

export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return <Text>No changes recorded yet.</Text>;
  const newestFirst = [...history].sort((a, b) => b.seq - a.seq);
  return (
    <Timeline bulletSize={14} lineWidth={2} active={newestFirst.length}>
      {newestFirst.map((entry) => {
        const detail = describe(entry.data);
        const reason =
          typeof entry.data === "object" && entry.data !== null && "reason" in entry.data
            ? (entry.data as { reason: unknown }).reason
            : null;
        return (
          <Timeline.Item key={entry.seq} title={actionLabel(entry.action)}>
            <Text size="sm">
              {entry.actor} · {formatDateTime(entry.at)} · event <Code>#{entry.seq}</Code>
            </Text>
            {detail === null ? null : <Text size="sm">{detail}</Text>}
            {typeof reason === "string" && detail?.startsWith("reason") !== true ? (
              <Text size="sm">Reason: {reason}</Text>
            ) : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
