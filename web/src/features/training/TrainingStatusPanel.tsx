import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import type { TrainingStatus } from "../../api/types.ts";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDay, todayLocal } from "../../lib/format.ts";
import { useFileRoster, useImportCompletions, useTrainingStatus } from "./api.ts";
import { TrainingStateBadge } from "./labels.tsx";

/** The owner's view: who is done and who is late, importing a provider's file, rosters. */
export function TrainingStatusPanel({ org }: { org: string }) {
  const status = useTrainingStatus(org, true);
  return (
    <Stack gap="lg">
      <QueryView query={status}>{(s) => <StatusTable status={s} />}</QueryView>
      <Group align="stretch" grow>
        <ImportForm org={org} />
        <RosterForm org={org} />
      </Group>
    </Stack>
  );
}

function StatusTable({ status }: { status: TrainingStatus }) {
  const { totals } = status;
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4">
        {totals.current} of {totals.people} people done
      </Title>
      <Text size="sm" mb="sm">
        {totals.overdue} overdue, {totals.due} still within their window, as of{" "}
        {formatDay(status.today)}.
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Person</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Modules</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {status.people.map((p) => (
              <Table.Tr key={p.email}>
                <Table.Td>
                  {p.name} ({p.email})
                </Table.Td>
                <Table.Td>
                  <TrainingStateBadge state={p.state} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {p.modules
                      .map(
                        (m) =>
                          `${m.moduleId}: ${m.state === "current" ? `passed ${formatDay(m.lastPassedOn)}` : `${m.state === "overdue" ? "overdue since" : "due by"} ${formatDay(m.dueBy)}`}`,
                      )
                      .join("; ")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ImportForm({ org }: { org: string }) {
  const [file, setFile] = useState<File | null>(null);
  const run = useImportCompletions(org);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (file === null) return;
    run.mutate({ fileName: file.name, csv: await file.text() });
  };
  return (
    <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Title order={2} size="h5">
          Import from a training provider
        </Title>
        <Text size="sm">
          CSV with the header <code>email,module,completed_on,score</code>. A file with a bad row is
          refused whole.
        </Text>
        <FileInput label="CSV file" accept=".csv,text/csv" value={file} onChange={setFile} />
        <Group>
          <Button type="submit" disabled={file === null} loading={run.isPending}>
            Import
          </Button>
        </Group>
        {run.isSuccess ? (
          <Alert color="green" title="Imported">
            {run.data.created} completions recorded, {run.data.skipped} already recorded. The file
            is{" "}
            <Anchor component={Link} to={`/orgs/${org}/evidence/${run.data.evidence.id}`}>
              evidence
            </Anchor>{" "}
            for {run.data.evidence.controls.join(", ") || "no control"}.
          </Alert>
        ) : null}
        {run.error ? <ProblemAlert error={run.error} title="Not imported" /> : null}
      </Stack>
    </Paper>
  );
}

function RosterForm({ org }: { org: string }) {
  const today = todayLocal();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const run = useFileRoster(org);
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="form"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        run.mutate({ from, to });
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h5">
          Completion roster
        </Title>
        <Text size="sm">Generated from the records and filed as evidence of HR-03.</Text>
        <Group grow>
          <TextInput
            label="From"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            label="To"
            type="date"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </Group>
        <Group>
          <Button type="submit" loading={run.isPending}>
            File as evidence
          </Button>
        </Group>
        {run.isSuccess ? (
          <Alert color="green" title="Filed as evidence">
            <Anchor component={Link} to={`/orgs/${org}/evidence/${run.data.evidence.id}`}>
              {run.data.evidence.title}
            </Anchor>
            , for {run.data.evidence.controls.join(", ") || "no control"}.
          </Alert>
        ) : null}
        {run.error ? <ProblemAlert error={run.error} title="Not filed" /> : null}
      </Stack>
    </Paper>
  );
}
