import { Anchor, Badge, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { PeopleRegister } from "../../api/types.ts";
import { EmptyBlock, QueryView } from "../../lib/feedback.tsx";
import { formatDay, humanize } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { usePeople } from "./api.ts";
import { ImportPeopleCard } from "./ImportPeopleCard.tsx";
import { OverdueSteps } from "./OverdueSteps.tsx";

const STATUS_COLOR = { active: "green", joining: "blue", left: "gray" } as const;

export function PeoplePage() {
  const org = useCurrentOrg();
  const register = usePeople(org.slug);
  return (
    <>
      <PageHeader
        title="People"
        description="Employees and contractors, their onboarding and offboarding checklists."
      />
      <Stack gap="lg">
        {org.can("people:manage") ? <ImportPeopleCard org={org.slug} /> : null}
        <QueryView query={register} lines={8}>
          {(data) => (
            <Stack gap="lg">
              <Paper withBorder p="lg" radius="md">
                <Title order={2} size="h4" mb="sm">
                  Overdue steps
                </Title>
                <OverdueSteps org={org.slug} steps={data.overdue} />
              </Paper>
              {data.items.length === 0 ? (
                <EmptyBlock title="No one in the register yet">
                  <Text>Import the CSV your HR system exports.</Text>
                </EmptyBlock>
              ) : (
                <PeopleTable org={org.slug} people={data.items} />
              )}
            </Stack>
          )}
        </QueryView>
      </Stack>
    </>
  );
}

function PeopleTable({ org, people }: { org: string; people: PeopleRegister["items"] }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover aria-label="People register">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Title</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Start</Table.Th>
            <Table.Th scope="col">End</Table.Th>
            <Table.Th scope="col">Open steps</Table.Th>
            <Table.Th scope="col">Account</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/orgs/${org}/people/${encodeURIComponent(person.email)}`}
                  fw={600}
                >
                  {person.name}
                </Anchor>
                <Text size="xs">{person.email}</Text>
              </Table.Td>
              <Table.Td>
                {[person.title, person.department].filter((v) => v !== "").join(", ") || "—"}
              </Table.Td>
              <Table.Td>{humanize(person.type)}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[person.status]} variant="light">
                  {humanize(person.status)}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDay(person.startDate)}</Table.Td>
              <Table.Td>{formatDay(person.endDate)}</Table.Td>
              <Table.Td>
                {person.openSteps}
                {person.overdueSteps > 0 ? (
                  <Text span c="red.9" fw={600}>
                    {" "}
                    ({person.overdueSteps} overdue)
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {person.account === null ? "None" : humanize(person.account.role)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
