import { Code, Text, Timeline } from "@mantine/core";
import type { HistoryEntry } from "../api/types.ts";
import { AuditChanges } from "./AuditChanges.tsx";
import { formatDateTime } from "./format.ts";

/**
 * A record's history, newest first, in the audit log's words: each event's sentence, what it
 * changed from → to, and who did it when.
 */
export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return <Text>No changes recorded yet.</Text>;
  const newestFirst = [...history].sort((a, b) => b.seq - a.seq);
  return (
    <Timeline bulletSize={14} lineWidth={2} active={newestFirst.length}>
      {newestFirst.map((entry) => (
        <Timeline.Item
          key={entry.seq}
          data-seq={entry.seq}
          title={<span className="history-sentence">{entry.sentence}</span>}
        >
          <AuditChanges changes={entry.changes} />
          <Text size="sm" c="dimmed">
            {entry.actor} · {formatDateTime(entry.at)} · event <Code>#{entry.seq}</Code>
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
