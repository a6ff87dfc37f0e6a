import {
  Badge,
  Button,
  Code,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useState } from "react";
import type { FormEvent } from "react";
import type { ControlPopulation, Engagement, PopulationView } from "../../api/types.ts";
import { Fact } from "../../lib/Fact.tsx";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { ReasonModal } from "../../lib/ReasonModal.tsx";
import { useImportPopulation, usePopulation, useReviewPopulation } from "./populations-api.ts";

const STATUS_WORDS = {
  pending: "Awaiting the auditor",
  accepted: "Accepted",
  returned: "Returned",
} as const;

/**
 * Event-driven controls' populations imported from their systems of record: the company
 * imports (CSV `key,date,label` or JSON), the assigned auditor accepts or returns.
 */
export function ImportedPopulations({
  org,
  engagement,
  populations,
  canImport,
  canReview,
}: {
  org: string;
  engagement: Engagement;
  populations: ControlPopulation[];
  canImport: boolean;
  canReview: boolean;
}) {
  const eventDriven = populations.filter((p) => p.frequency === "event-driven");
  const [chosen, setChosen] = useState<string | null>(eventDriven[0]?.controlRef ?? null);
  if (eventDriven.length === 0) return null;
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="xs">
        Imported populations
      </Title>
      <Text size="sm" mb="sm">
        An event-driven control's occurrences (pull requests, tickets, hires, leavers) can come from
        the system that records them: one row per occurrence with a unique key, a date in the period
        and a label. Once the auditor accepts the population, the sample is drawn from it.
      </Text>
      <NativeSelect
        label="Control"
        mb="md"
        value={chosen ?? ""}
        onChange={(event) => setChosen(event.currentTarget.value)}
        data={eventDriven.map((p) => ({
          value: p.controlRef,
          label:
            p.latestImport === null
              ? `${p.controlRef} (no import)`
              : `${p.controlRef} (import ${p.latestImport.number}, ${p.latestImport.status})`,
        }))}
      />
      {chosen === null ? null : (
        <PopulationDetail
          key={chosen}
          org={org}
          engagement={engagement}
          control={chosen}
          canImport={canImport && engagement.status === "fieldwork"}
          canReview={canReview}
        />
      )}
    </Paper>
  );
}

function PopulationDetail({
  org,
  engagement,
  control,
  canImport,
  canReview,
}: {
  org: string;
  engagement: Engagement;
  control: string;
  canImport: boolean;
  canReview: boolean;
}) {
  const population = usePopulation(org, engagement.id, control);
  return (
    <QueryView query={population}>
      {(view) => (
        <Stack>
          <CurrentImport org={org} engagementId={engagement.id} view={view} canReview={canReview} />
          {view.history.length > 1 ? <History view={view} /> : null}
          {canImport ? (
            <ImportForm
              org={org}
              engagementId={engagement.id}
              control={control}
              replacing={view.current !== null}
            />
          ) : null}
        </Stack>
      )}
    </QueryView>
  );
}

function CurrentImport({
  org,
  engagementId,
  view,
  canReview,
}: {
  org: string;
  engagementId: string;
  view: PopulationView;
  canReview: boolean;
}) {
  const review = useReviewPopulation(org, engagementId, view.controlRef);
  const [returning, setReturning] = useState(false);
  const current = view.current;
  if (current === null) {
    return (
      <Text>
        No population imported for {view.controlRef}. Until one is, its occurrences are the events
        recorded as evidence on the control.
      </Text>
    );
  }
  return (
    <Stack gap="sm" aria-label={`Population of ${view.controlRef}`}>
      <Group gap="xs">
        <Text fw={600}>
          Import {current.number} of {view.controlRef}
        </Text>
        <Badge variant="light" color={current.status === "accepted" ? "green" : "gray"}>
          {STATUS_WORDS[current.status]}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Fact
          label="Rows"
          value={`${current.rowCount}, from ${current.firstDate ?? "?"} to ${current.lastDate ?? "?"}`}
        />
        <Fact label="Source system" value={current.source.system} />
        <Fact label="Query or report" value={current.source.query ?? "Not stated"} />
        <Fact label="Run" value={`by ${current.source.ranBy}, ${current.source.ranAt}`} />
        <Fact
          label="Imported"
          value={`by ${current.importedBy}, ${formatDateTime(current.importedAt)}${
            current.fileName === null ? "" : ` (${current.fileName})`
          }`}
        />
        <Fact label="Rows SHA-256" value={<Code>{current.rowsSha256}</Code>} />
      </SimpleGrid>
      <Fact label="Statement of completeness" value={current.completeness} />
      {current.reason === null ? null : (
        <Fact label="Why it replaced the earlier import" value={current.reason} />
      )}
      {current.status === "pending" ? null : (
        <Text size="sm">
          {STATUS_WORDS[current.status]} by {current.reviewedBy ?? "?"}
          {current.reviewedAt === null ? "" : `, ${formatDateTime(current.reviewedAt)}`}
          {current.returnReason === null ? "" : `: ${current.returnReason}`}
        </Text>
      )}
      {canReview && current.status === "pending" ? (
        <Group>
          <Button
            loading={review.isPending && review.variables.decision === "accept"}
            onClick={() => review.mutate({ decision: "accept" })}
          >
            Accept population
          </Button>
          <Button variant="default" onClick={() => setReturning(true)}>
            Return…
          </Button>
        </Group>
      ) : null}
      <ProblemAlert error={review.error} title="Could not record the review" />
      <ReasonModal
        opened={returning}
        onClose={() => setReturning(false)}
        title={`Return the population of ${view.controlRef}`}
        confirmLabel="Return"
        pending={review.isPending}
        error={review.error}
        onConfirm={(reason, onError) =>
          review.mutate(
            { decision: "return", reason },
            { onSuccess: () => setReturning(false), onError },
          )
        }
      />
    </Stack>
  );
}

function History({ view }: { view: PopulationView }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label={`Imports of ${view.controlRef}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Import</Table.Th>
            <Table.Th scope="col">Rows</Table.Th>
            <Table.Th scope="col">SHA-256</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Imported</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.history.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>{h.number}</Table.Td>
              <Table.Td>{h.rowCount}</Table.Td>
              <Table.Td>
                <Code>{h.rowsSha256.slice(0, 16)}…</Code>
              </Table.Td>
              <Table.Td>{STATUS_WORDS[h.status]}</Table.Td>
              <Table.Td>{formatDateTime(h.importedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ImportForm({
  org,
  engagementId,
  control,
  replacing,
}: {
  org: string;
  engagementId: string;
  control: string;
  replacing: boolean;
}) {
  const upload = useImportPopulation(org, engagementId, control);
  const [file, setFile] = useState<File | null>(null);
  const [fields, setFields] = useState({
    source: "",
    query: "",
    ranBy: "",
    ranAt: "",
    completeness: "",
    reason: "",
  });
  const set = (name: keyof typeof fields) => (value: string) =>
    setFields((old) => ({ ...old, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file === null) return;
    const given = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value.trim() !== ""),
    );
    upload.mutate({ file, fields: { source: "", completeness: "", ...given } });
  };
  return (
    <form onSubmit={submit} aria-label={`Import the population of ${control}`}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {replacing ? "Import a new population (the earlier one is kept)" : "Import a population"}
        </Title>
        <Stack gap={4}>
          <label htmlFor={`population-file-${control}`}>
            <Text size="sm" fw={500}>
              File (CSV with the header key,date,label, or JSON)
            </Text>
          </label>
          <input
            id={`population-file-${control}`}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(event) => setFile(event.currentTarget.files?.item(0) ?? null)}
          />
        </Stack>
        <TextInput
          label="Source system"
          required
          value={fields.source}
          onChange={(e) => set("source")(e.currentTarget.value)}
        />
        <TextInput
          label="Query or report that produced it"
          value={fields.query}
          onChange={(e) => set("query")(e.currentTarget.value)}
        />
        <Group grow>
          <TextInput
            label="Run by"
            description="Default: you"
            value={fields.ranBy}
            onChange={(e) => set("ranBy")(e.currentTarget.value)}
          />
          <TextInput
            label="Run on"
            description="YYYY-MM-DD; default: now"
            value={fields.ranAt}
            onChange={(e) => set("ranAt")(e.currentTarget.value)}
          />
        </Group>
        <Textarea
          label="Statement of completeness"
          description="Why these rows are every occurrence in the period."
          required
          autosize
          minRows={2}
          value={fields.completeness}
          onChange={(e) => set("completeness")(e.currentTarget.value)}
        />
        {replacing ? (
          <Textarea
            label="Why this import replaces the earlier one"
            required
            autosize
            minRows={2}
            value={fields.reason}
            onChange={(e) => set("reason")(e.currentTarget.value)}
          />
        ) : null}
        <Group>
          <Button type="submit" loading={upload.isPending} disabled={file === null}>
            Import population
          </Button>
        </Group>
        <ProblemAlert error={upload.error} title="The population was not imported" />
      </Stack>
    </form>
  );
}
