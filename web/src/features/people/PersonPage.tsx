import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { Link, useParams } from "react-router";
import type { PersonDetail, PersonStep } from "../../api/types.ts";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { Fact } from "../../lib/Fact.tsx";
import { formatDateTime, formatDay, humanize } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useCompleteStep, usePerson } from "./api.ts";

const STATE_COLOR = { done: "green", open: "blue", overdue: "red" } as const;

export function PersonPage() {
  const org = useCurrentOrg();
  const { person: key = "" } = useParams();
  const detail = usePerson(org.slug, key);
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={`/orgs/${org.slug}/people`}>
          People
        </Anchor>
        <Text>{key}</Text>
      </Breadcrumbs>
      <QueryView query={detail} lines={10}>
        {(data) => <PersonView org={org.slug} detail={data} />}
      </QueryView>
    </>
  );
}

function PersonView({ org, detail }: { org: string; detail: PersonDetail }) {
  const { person, manager, backgroundCheck } = detail;
  return (
    <>
      <PageHeader
        title={person.name}
        description={`${person.email} · ${humanize(person.type)} · ${humanize(person.status)}`}
      />
      <Stack gap="lg">
        <Paper withBorder p="lg" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Fact
              label="Title"
              value={[person.title, person.department].filter((v) => v !== "").join(", ") || "—"}
            />
            <Fact label="Manager" value={manager === null ? "—" : manager.name} />
            <Fact label="Employee id" value={person.employeeId ?? "—"} />
            <Fact label="Start date" value={formatDay(person.startDate)} />
            <Fact label="End date" value={formatDay(person.endDate)} />
            <Fact
              label="Account"
              value={person.account === null ? "None yet" : humanize(person.account.role)}
            />
            {backgroundCheck === null ? null : (
              <Fact
                label="Background check"
                value={`${humanize(backgroundCheck.status)} (${backgroundCheck.provider}${
                  backgroundCheck.checkedOn === null
                    ? ""
                    : `, ${formatDay(backgroundCheck.checkedOn)}`
                })`}
              />
            )}
          </SimpleGrid>
        </Paper>
        {detail.checklists.length === 0 ? (
          <Text>No onboarding or offboarding checklist is open for {person.name}.</Text>
        ) : (
          detail.checklists.map((checklist) => (
            <Paper withBorder p="lg" radius="md" key={checklist.kind}>
              <Title order={2} size="h4" mb="sm">
                {checklist.title}
              </Title>
              <StepTable org={org} steps={checklist.steps} name={person.name} />
            </Paper>
          ))
        )}
      </Stack>
    </>
  );
}

function StepTable({ org, steps, name }: { org: string; steps: PersonStep[]; name: string }) {
  const completing = useCompleteStep(org);
  return (
    <Stack gap="sm">
      <ProblemAlert error={completing.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label={`Checklist steps for ${name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Step</Table.Th>
              <Table.Th scope="col">Control</Table.Th>
              <Table.Th scope="col">Due by</Table.Th>
              <Table.Th scope="col">Owner</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Done</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {steps.map((step) => (
              <Table.Tr key={step.id}>
                <Table.Td>
                  <Text fw={600}>{step.title}</Text>
                  <Text size="xs">{step.sla}</Text>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/orgs/${org}/controls/${step.control}`}>
                    {step.control}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDay(step.dueBy)}</Table.Td>
                <Table.Td>{step.assignee?.email ?? "Unassigned"}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[step.state]} variant="light">
                    {humanize(step.state)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {step.completedAt === null ? (
                    <Button
                      size="xs"
                      variant="default"
                      loading={completing.isPending && completing.variables.step === step.id}
                      onClick={() => completing.mutate({ step: step.id, note: null })}
                      aria-label={`Mark done: ${step.title}`}
                    >
                      Mark done
                    </Button>
                  ) : (
                    <Text size="sm">
                      {formatDateTime(step.completedAt)} by {step.completedByName ?? "someone"}
                      {step.late ? " (late)" : ""}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
