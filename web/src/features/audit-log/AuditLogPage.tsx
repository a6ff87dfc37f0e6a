import {
  Anchor,
  Button,
  Code,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { orgPath } from "../../api/client.ts";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from "../../api/types.ts";
import type { AuditLogEntry } from "../../api/types.ts";
import { AuditChanges } from "../../lib/AuditChanges.tsx";
import { EmptyBlock, LoadingBlock, ProblemAlert } from "../../lib/feedback.tsx";
import { formatDateTime, humanize, isCalendarDate, shortHash } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useCursorList } from "../../lib/useCursorList.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { VerifyPanel } from "./VerifyPanel.tsx";

interface Filters {
  action: string;
  targetType: string;
  target: string;
  actor: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { action: "", targetType: "", target: "", actor: "", from: "", to: "" };
const optionalDate = (value: string) =>
  value === "" || isCalendarDate(value) ? null : "Enter a date";

/** "api-token" → "API token"; "share-link" → "Share link". */
function targetTypeLabel(type: string): string {
  return type === "api-token" ? "API token" : humanize(type);
}

/** "control.updated" → "Control updated"; searching for either word finds it. */
const actionLabel = (action: string) => humanize(action.replace(".", " "));

/** Actions grouped by what they are about, named in words. */
const ACTION_OPTIONS = AUDIT_TARGET_TYPES.map((type) => ({
  group: targetTypeLabel(type),
  items: AUDIT_ACTIONS.filter((action) => action.startsWith(`${type}.`)).map((action) => ({
    value: action,
    label: actionLabel(action),
  })),
}))
  .concat({
    // Actions named for another kind of record than their target's (report.shared is about
    // a share link; signing-key.created about the organization).
    group: "Other",
    items: AUDIT_ACTIONS.filter(
      (action) => !AUDIT_TARGET_TYPES.some((type) => action.startsWith(`${type}.`)),
    ).map((action) => ({ value: action, label: actionLabel(action) })),
  })
  .filter((group) => group.items.length > 0);

const TARGET_TYPE_OPTIONS = AUDIT_TARGET_TYPES.map((type) => ({
  value: type,
  label: targetTypeLabel(type),
}));

export function AuditLogPage() {
  const org = useCurrentOrg();
  const auditor = org.role === "auditor";
  return (
    <>
      <PageHeader
        title="Audit log"
        description={
          auditor
            ? "The changes to the engagements you audit, their controls and their evidence, in order, chained by hash so that tampering shows."
            : "Every change, in order, chained by hash so that tampering shows."
        }
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
        <Text>Your role verifies the log; reading its events is for owners and admins.</Text>
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
  /** Narrows the log to one actor or one record, as if typed in the filters. */
  const narrow = (change: Partial<Filters>) => {
    const next = { ...applied, ...change };
    form.setValues(next);
    setApplied(next);
  };

  return (
    <>
      <form
        noValidate
        aria-label="Filter the audit log"
        onSubmit={form.onSubmit((values) =>
          setApplied({
            ...values,
            target: values.target.trim(),
            actor: values.actor.trim(),
          }),
        )}
      >
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} mb="sm">
          <Select
            label="Action"
            placeholder="Any action"
            data={ACTION_OPTIONS}
            searchable
            clearable
            {...form.getInputProps("action")}
            value={form.values.action === "" ? null : form.values.action}
            onChange={(value) => form.setFieldValue("action", value ?? "")}
          />
          <Select
            label="Record type"
            placeholder="Any record"
            data={TARGET_TYPE_OPTIONS}
            clearable
            {...form.getInputProps("targetType")}
            value={form.values.targetType === "" ? null : form.values.targetType}
            onChange={(value) => form.setFieldValue("targetType", value ?? "")}
          />
          <TextInput
            label="Record"
            placeholder="AC-04, E-2, a title"
            {...form.getInputProps("target")}
          />
          <TextInput label="Who" placeholder="Email or name" {...form.getInputProps("actor")} />
          <TextInput type="date" label="From" {...form.getInputProps("from")} />
          <TextInput type="date" label="To" {...form.getInputProps("to")} />
        </SimpleGrid>
        <Group mb="lg">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="default"
            onClick={() => {
              form.setValues(EMPTY);
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
      {log.items !== undefined && log.items.length > 0 ? (
        <EventsTable events={log.items} narrow={narrow} />
      ) : null}
      {log.hasNextPage ? (
        <Button
          variant="default"
          mt="md"
          loading={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          Load older events
        </Button>
      ) : null}
    </>
  );
}

/** How the Record filter names an event's target: by ref or label where those are exact. */
function recordFilter(event: AuditLogEntry): string {
  const { type, id, label } = event.target;
  return type === "engagement" || type === "report" || type === "control" ? label : id;
}

function EventsTable({
  events,
  narrow,
}: {
  events: AuditLogEntry[];
  narrow: (change: Partial<Filters>) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">What happened</Table.Th>
            <Table.Th scope="col">Event</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.seq} data-seq={event.seq}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(event.at)}</Table.Td>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  title={`Only events by ${event.actor.name}`}
                  onClick={() => narrow({ actor: event.actor.id })}
                >
                  {event.actor.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Text size="sm" className="audit-sentence">
                    {event.sentence}
                  </Text>
                  <AuditChanges changes={event.changes} />
                  <Anchor
                    component="button"
                    type="button"
                    size="xs"
                    w="fit-content"
                    onClick={() =>
                      narrow({ targetType: event.target.type, target: recordFilter(event) })
                    }
                  >
                    History of {targetTypeLabel(event.target.type).toLowerCase()}{" "}
                    {event.target.label}
                  </Anchor>
                </Stack>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                #{event.seq} <Code title={event.hash}>{shortHash(event.hash)}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
