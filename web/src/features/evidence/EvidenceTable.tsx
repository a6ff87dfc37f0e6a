import { Anchor, Badge, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { EvidenceItem } from "../../api/types.ts";
import { formatBytes, formatDateTime, formatPeriod } from "../../lib/format.ts";

function contentLabel(item: EvidenceItem): string {
  if (item.kind === "file") return `${item.fileName ?? "file"} (${formatBytes(item.size)})`;
  if (item.kind === "link") return item.url ?? "link";
  return `record: ${item.recordKind ?? "data"}`;
}

export function EvidenceTable({ org, items }: { org: string; items: EvidenceItem[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Evidence</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">For</Table.Th>
            <Table.Th scope="col">Controls</Table.Th>
            <Table.Th scope="col">Added</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Anchor component={Link} to={`/orgs/${org}/evidence/${item.id}`} fw={600}>
                  {item.title}
                </Anchor>
                <Text size="xs" truncate maw={320}>
                  {contentLabel(item)}
                </Text>
                {item.removedAt === null ? null : (
                  <Badge variant="light" color="red" size="sm">
                    Removed
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{item.kind}</Table.Td>
              <Table.Td>{formatPeriod(item.forFrom, item.forTo)}</Table.Td>
              <Table.Td>{item.controls.join(", ") || "—"}</Table.Td>
              <Table.Td>
                {item.addedBy}
                <Text size="xs">{formatDateTime(item.addedAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
