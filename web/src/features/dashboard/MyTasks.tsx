import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { EmptyBlock, QueryView } from "../../lib/feedback.tsx";
import { formatDay, humanize } from "../../lib/format.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useMyTasks } from "./api.ts";

export function MyTasks({ org }: { org: string }) {
  const tasks = useMyTasks(org);
  const { can } = useCurrentOrg();
  return (
    <QueryView query={tasks}>
      {(items) =>
        items.length === 0 ? (
          <EmptyBlock title="Nothing to do right now">
            <Text>When a control you own needs evidence, it shows up here.</Text>
          </EmptyBlock>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Task</Table.Th>
                  <Table.Th scope="col">Control</Table.Th>
                  <Table.Th scope="col">Due by</Table.Th>
                  <Table.Th scope="col">Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((task) => (
                  <Table.Tr key={`${task.kind}-${task.controlRef}`}>
                    <Table.Td>{humanize(task.kind)}</Table.Td>
                    <Table.Td>
                      {can("control:read") ? (
                        <Anchor component={Link} to={`/orgs/${org}/controls/${task.controlRef}`}>
                          {task.controlRef}
                        </Anchor>
                      ) : (
                        task.controlRef
                      )}{" "}
                      {task.title}
                    </Table.Td>
                    <Table.Td>{formatDay(task.dueBy)}</Table.Td>
                    <Table.Td>{task.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      }
    </QueryView>
  );
}
