import { Anchor, Badge, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { Task } from "../../api/types.ts";
import { EmptyBlock } from "../../lib/feedback.tsx";
import { formatDay } from "../../lib/format.ts";

export const SOURCE_LABEL: Record<Task["source"], string> = {
  "control-owner": "Control",
  "evidence-due": "Evidence",
  "policy-review": "Policy review",
  "policy-acknowledgement": "Acknowledge policy",
  "audit-request": "Auditor request",
  training: "Training",
  "vendor-review": "Vendor review",
  "onboarding-step": "Joiner or leaver",
  finding: "Findings",
  "monitor-down": "Monitors",
  // Access reviews (issue 16 part 3).
  "access-review": "Access review",
};

export function TaskTable({
  org,
  tasks,
  showAssignee = false,
}: {
  org: string;
  tasks: readonly Task[];
  showAssignee?: boolean;
}) {
  if (tasks.length === 0) {
    return (
      <EmptyBlock title="Nothing to do right now">
        <Text>Evidence due, policies to read or review, training to take: they show up here.</Text>
      </EmptyBlock>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Task</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            {showAssignee ? <Table.Th scope="col">Who</Table.Th> : null}
            <Table.Th scope="col">Due by</Table.Th>
            <Table.Th scope="col">Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id}>
              <Table.Td>
                <Anchor component={Link} to={`/orgs/${org}${task.link}`}>
                  {task.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{SOURCE_LABEL[task.source]}</Table.Td>
              {showAssignee ? (
                <Table.Td>{task.assignee?.name ?? task.assignee?.email ?? "Nobody yet"}</Table.Td>
              ) : null}
              <Table.Td>
                {formatDay(task.dueBy)}{" "}
                {task.status === "overdue" ? (
                  <Badge color="red" variant="light">
                    overdue
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{task.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
