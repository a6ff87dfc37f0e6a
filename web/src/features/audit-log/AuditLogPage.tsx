import {
  Button,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Spoiler,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { orgPath } from "../../api/client.ts";
import type { AuditLogEntry } from "../../api/types.ts";
import { EmptyBlock, LoadingBlock, ProblemAlert } from "../../lib/feedback.tsx";
import { formatDateTime, isCalendarDate, shortHash } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useCursorList } from "../../lib/useCursorList.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { VerifyPanel } from "./VerifyPanel.tsx";

interface Filters {
  action: string;
  targetType: string;
  targetId: string;
  actor: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { action: "", targetType: "", targetId: "", actor: "", from: "", to: "" };
const optionalDate = (value: string) =>
  value === "" || isCalendarDate(value) ? null : "Enter a date";

export function AuditLogPage() {
  const org = useCurrentOrg();
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, in order, chained by hash so that tampering shows."
      />
      {org.can("audit-log:verify") ? (
        <Paper withBorder p="lg" radius="md" mb="lg">
          <Title order={2} size="h4" mb="sm">
            Verification
          </Title>
          <VerifyPanel org={org.slug} />
        </Paper>
      ) : null}
      {org.can("audit-log:read") ? (
        <AuditEvents org={org.slug} />
      ) : (
        <Text>Your role verifies the log; reading every event is for owners and admins.</Text>
      )}
    </>
  );
}

function AuditEvents({ org }: { org: string }) {
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const form = useForm<Filters>({
    mode: "controlled",
    initialValues: EMPTY,
    validate: {
      from: optionalDate,
      to: (value, values) =>
        optionalDate(value) ??
        (value !== "" && values.from !== "" && value < values.from
          ? "Ends before it starts"
          : null),
    },
    validateInputOnChange: true,
  });
  const log = useCursorList<AuditLogEntry>(["orgs", org, "audit-log"], orgPath(org, "/audit-log"), {
    ...applied,
  });

  return (
    <>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          setApplied({
            ...values,
            action: values.action.trim(),
            targetId: values.targetId.trim(),
            actor: values.actor.trim(),
          }),
        )}
      >
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} mb="sm">
          <TextInput
            label="Action"
            placeholder="control.updated"
            {...form.getInputProps("action")}
          />
          <TextInput
            label="Target type"
            placeholder="control"
            {...form.getInputProps("targetType")}
          />
          <TextInput label="Target id" placeholder="AC-04" {...form.getInputProps("targetId")} />
          <TextInput label="Actor" placeholder="Name or id" {...form.getInputProps("actor")} />
          <TextInput type="date" label="From" {...form.getInputProps("from")} />
          <TextInput type="date" label="To" {...form.getInputProps("to")} />
        </SimpleGrid>
        <Group mb="lg">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="default"
            onClick={() => {
              form.reset();
              setApplied(EMPTY);
            }}
          >
            Clear
          </Button>
        </Group>
      </form>
      {log.isPending ? <LoadingBlock lines={8} /> : null}
      <ProblemAlert error={log.error} />
      {log.items?.length === 0 ? (
        <EmptyBlock title="No events match">
          <Text>Widen the filters to see more of the log.</Text>
        </EmptyBlock>
      ) : null}
      {log.items !== undefined && log.items.length > 0 ? <EventsTable events={log.items} /> : null}
      {log.hasNextPage ? (
        <Button
          variant="default"
          mt="md"
          loading={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          Load more
        </Button>
      ) : null}
    </>
  );
}

function EventsTable({ events }: { events: AuditLogEntry[] }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Actor</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Target</Table.Th>
            <Table.Th scope="col">Details</Table.Th>
            <Table.Th scope="col">Hash</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.seq}>
              <Table.Td>{event.seq}</Table.Td>
              <Table.Td>{formatDateTime(event.at)}</Table.Td>
              <Table.Td>{event.actor.name}</Table.Td>
              <Table.Td>{event.action}</Table.Td>
              <Table.Td>
                {event.target.type} {event.target.id}
              </Table.Td>
              <Table.Td maw={320}>
                <Spoiler maxHeight={48} showLabel="Show all" hideLabel="Show less">
                  <Code block className="wrapped-code">
                    {JSON.stringify(event.data, null, 1)}
                  </Code>
                </Spoiler>
              </Table.Td>
              <Table.Td>
                <Code title={event.hash}>{shortHash(event.hash)}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
