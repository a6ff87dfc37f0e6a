import { List } from "@mantine/core";
import type { AuditChange } from "../api/types.ts";
import { humanize } from "./format.ts";

/** One change in words: "Status: not started → implemented", "Owner set to ana@…". */
function ChangeLine({ change }: { change: AuditChange }) {
  const field = humanize(change.field);
  if (change.from === null) {
    return (
      <>
        {field}: <strong>{change.to ?? "none"}</strong>
      </>
    );
  }
  if (change.to === null) {
    return (
      <>
        {field}: <s>{change.from}</s> (cleared)
      </>
    );
  }
  return (
    <>
      {field}: {change.from} → <strong>{change.to}</strong>
    </>
  );
}

/**
 * What an audit event changed, each field from → to: the audit log's rows and a record's
 * history (a control's, an evidence item's) list changes this way. Nothing when none.
 */
export function AuditChanges({ changes }: { changes: readonly AuditChange[] }) {
  if (changes.length === 0) return null;
  return (
    <List size="sm" spacing={2} c="dimmed">
      {changes.map((change) => (
        <List.Item key={change.field}>
          <ChangeLine change={change} />
        </List.Item>
      ))}
    </List>
  );
}
