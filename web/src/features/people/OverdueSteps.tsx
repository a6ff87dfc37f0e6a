import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { PeopleRegister } from "../../api/types.ts";
import { formatDay } from "../../lib/format.ts";

/** Every overdue onboarding or offboarding step: who, what, which control, due when. */
export function OverdueSteps({ org, steps }: { org: string; steps: PeopleRegister["overdue"] }) {
  if (steps.length === 0) return <Text>Every onboarding and offboarding step is on time.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Overdue onboarding and offboarding steps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Person</Table.Th>
            <Table.Th scope="col">Step</Table.Th>
            <Table.Th scope="col">Control</Table.Th>
            <Table.Th scope="col">Due by</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {steps.map((step) => (
            <Table.Tr key={step.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/orgs/${org}/people/${encodeURIComponent(step.person.email)}`}
                >
                  {step.person.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {step.title} ({step.sla})
              </Table.Td>
              <Table.Td>{step.control}</Table.Td>
              <Table.Td>
                <Text span c="red.9" fw={600}>
                  {formatDay(step.dueBy)}
                </Text>
              </Table.Td>
              <Table.Td>{step.assignee?.email ?? "Unassigned"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
