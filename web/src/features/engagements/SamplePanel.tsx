import {
  Button,
  Checkbox,
  Code,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type {
  ControlPopulation,
  DrawnSample,
  Engagement,
  EngagementSample,
  SampleRequests,
} from "../../api/types.ts";
import { EmptyBlock, ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime, humanize } from "../../lib/format.ts";
import { applyServerErrors } from "../../lib/forms.ts";
import { ReasonModal } from "../../lib/ReasonModal.tsx";
import { DrawRequestsNote } from "./DrawRequestsNote.tsx";
import { ImportedPopulations } from "./ImportedPopulations.tsx";
import {
  useDrawSample,
  useExtendSample,
  usePopulations,
  useResults,
  useRollForward,
  useSample,
} from "./api.ts";

const SEED = /^[A-Za-z0-9_-]{1,64}$/;

/** Populations over the period and the sample drawn from them (Type 2, in fieldwork). */
export function SamplePanel({
  org,
  engagement,
  canSample,
  canImport,
  canReview,
}: {
  org: string;
  engagement: Engagement;
  canSample: boolean;
  canImport: boolean;
  canReview: boolean;
}) {
  const inFieldwork = engagement.status === "fieldwork";
  const sample = useSample(org, engagement.id, engagement.snapshot !== null);
  const populations = usePopulations(org, engagement.id, inFieldwork);
  // What the last draw did to the request list, said once after it (not stored with the sample).
  const [drawnRequests, setDrawnRequests] = useState<SampleRequests | null>(null);
  const onDrawn = (answer: DrawnSample) => setDrawnRequests(answer.requests);
  if (engagement.type === 1) {
    return <Text>A Type 1 concludes on design at one date: there is nothing to sample.</Text>;
  }
  if (engagement.snapshot === null) {
    return <Text>Populations and samples are drawn in fieldwork, once the scope is frozen.</Text>;
  }
  return (
    <Stack gap="lg">
      <DrawRequestsNote org={org} engagementId={engagement.id} requests={drawnRequests} />
      <QueryView query={sample}>
        {(drawn) =>
          drawn === null ? (
            <Paper withBorder p="lg" radius="md">
              <Title order={2} size="h4" mb="sm">
                Sample
              </Title>
              {canSample && inFieldwork ? (
                <DrawForm org={org} id={engagement.id} onDrawn={onDrawn} />
              ) : (
                <Text>No sample has been drawn yet.</Text>
              )}
            </Paper>
          ) : (
            <SampleTable
              org={org}
              id={engagement.id}
              sample={drawn}
              canRedraw={canSample && inFieldwork}
              onDrawn={onDrawn}
            />
          )
        }
      </QueryView>
      {inFieldwork ? (
        <Paper withBorder p="lg" radius="md">
          <Title order={2} size="h4" mb="sm">
            Populations
          </Title>
          <QueryView query={populations}>
            {(items) => <PopulationTable populations={items} />}
          </QueryView>
        </Paper>
      ) : null}
      {inFieldwork && populations.data !== undefined ? (
        <ImportedPopulations
          org={org}
          engagement={engagement}
          populations={populations.data}
          canImport={canImport}
          canReview={canReview}
        />
      ) : null}
    </Stack>
  );
}

function DrawForm({
  org,
  id,
  onDrawn,
}: {
  org: string;
  id: string;
  onDrawn: (answer: DrawnSample) => void;
}) {
  const draw = useDrawSample(org, id, onDrawn);
  const form = useForm({
    mode: "controlled",
    initialValues: { seed: "", itgcTested: false },
    validate: {
      seed: (value) =>
        value.trim() === "" || SEED.test(value.trim())
          ? null
          : "Use letters, digits, - or _ (at most 64)",
    },
    validateInputOnChange: true,
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ seed, itgcTested }) =>
        draw.mutate(
          {
            ...(seed.trim() === "" ? {} : { seed: seed.trim() }),
            ...(itgcTested ? { itgcTested } : {}),
          },
          { onError: (error) => applyServerErrors(form, error) },
        ),
      )}
    >
      <Stack>
        <Text>
          The sample is drawn from each control's population with a recorded seed, so anyone can
          draw the same sample again. The population's SHA-256 is recorded with it. While the period
          still runs, this is an interim draw: roll forward once more has ended.
        </Text>
        <Checkbox
          label="The IT general controls (change management CM-*, logical access AC-*) were tested without exceptions in the period"
          description="Only then does an automated control get a test of one; otherwise it is sampled by its frequency."
          {...form.getInputProps("itgcTested", { type: "checkbox" })}
        />
        <Group align="flex-end">
          <TextInput
            label="Seed (optional)"
            description="Leave empty for a random seed."
            {...form.getInputProps("seed")}
          />
          <Button type="submit" loading={draw.isPending}>
            Draw sample
          </Button>
        </Group>
        <ProblemAlert error={draw.error} title="Could not draw the sample" />
      </Stack>
    </form>
  );
}

function SampleTable({
  org,
  id,
  sample,
  canRedraw,
  onDrawn,
}: {
  org: string;
  id: string;
  sample: EngagementSample;
  canRedraw: boolean;
  onDrawn: (answer: DrawnSample) => void;
}) {
  const [redrawing, setRedrawing] = useState(false);
  const draw = useDrawSample(org, id, onDrawn);
  const extend = useExtendSample(org, id, onDrawn);
  const rollForward = useRollForward(org, id, onDrawn);
  const results = useResults(org, id);
  const deviations = new Map(
    (results.data?.controls ?? []).map((c) => [c.controlRef, c.deviations] as const),
  );
  return (
    <Paper withBorder p="lg" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Sample
        </Title>
        {canRedraw ? (
          <Group gap="xs">
            <Button
              variant="default"
              loading={rollForward.isPending}
              onClick={() => rollForward.mutate({})}
            >
              Roll forward
            </Button>
            <Button variant="default" onClick={() => setRedrawing(true)}>
              Redraw…
            </Button>
          </Group>
        ) : null}
      </Group>
      <Text mb="sm">
        Seed <Code>{sample.seed}</Code>, drawn by {sample.drawnBy} on{" "}
        {formatDateTime(sample.drawnAt)}.
        {sample.redrawReason === null ? "" : ` Redrawn because: ${sample.redrawReason}`}
      </Text>
      <Text size="sm">
        Population SHA-256 <Code>{sample.populationSha256}</Code>
      </Text>
      <List size="sm" mb="sm" aria-label="Draws">
        {sample.draws.map((d) => (
          <List.Item key={`${d.kind}-${d.at}`}>
            {humanize(d.kind)} draw through {d.populationTo}, by {d.by} on {formatDateTime(d.at)}:{" "}
            {d.items === 1 ? "1 item" : `${d.items} items`}, population SHA-256{" "}
            <Code>{d.populationSha256.slice(0, 16)}…</Code>
          </List.Item>
        ))}
      </List>
      <ProblemAlert error={rollForward.error} title="Could not roll the sample forward" />
      <ProblemAlert error={extend.error} title="Could not extend the sample" />
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Control</Table.Th>
              <Table.Th scope="col">Population</Table.Th>
              <Table.Th scope="col">Sample size</Table.Th>
              <Table.Th scope="col">Sampled items</Table.Th>
              {canRedraw ? <Table.Th scope="col">Extension</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sample.controls.map((control) => (
              <Table.Tr key={control.controlRef}>
                <Table.Td>
                  <strong>{control.controlRef}</strong> · {humanize(control.frequency)}
                </Table.Td>
                <Table.Td>
                  {control.population.length}
                  {control.missing.length > 0
                    ? ` (${control.missing.length} without evidence)`
                    : ""}
                </Table.Td>
                <Table.Td>
                  {control.sampleSize}
                  <Text size="xs">{control.basis}</Text>
                </Table.Td>
                <Table.Td>{control.itemLabels.join("; ") || "—"}</Table.Td>
                {canRedraw ? (
                  <Table.Td>
                    {(deviations.get(control.controlRef) ?? 0) > 0 &&
                    control.sampleSize < control.population.length ? (
                      <Button
                        size="xs"
                        variant="default"
                        loading={
                          extend.isPending && extend.variables.control === control.controlRef
                        }
                        onClick={() => extend.mutate({ control: control.controlRef })}
                        aria-label={`Extend the sample of ${control.controlRef}`}
                      >
                        Extend
                      </Button>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ReasonModal
        opened={redrawing}
        onClose={() => setRedrawing(false)}
        title="Redraw the sample"
        description={
          <Text size="sm">
            Only possible before any item result is recorded. The old sample stays on record.
          </Text>
        }
        confirmLabel="Redraw"
        pending={draw.isPending}
        error={draw.error}
        onConfirm={(redrawReason, onError) =>
          draw.mutate({ redrawReason }, { onSuccess: () => setRedrawing(false), onError })
        }
      />
    </Paper>
  );
}

function PopulationTable({ populations }: { populations: ControlPopulation[] }) {
  if (populations.length === 0) {
    return (
      <EmptyBlock title="No controls to test">
        <Text>No control in the frozen scope applies.</Text>
      </EmptyBlock>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Control</Table.Th>
            <Table.Th scope="col">Occurrences</Table.Th>
            <Table.Th scope="col">With evidence</Table.Th>
            <Table.Th scope="col">Missing evidence</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {populations.map((population) => (
            <Table.Tr key={population.controlRef}>
              <Table.Td>
                <strong>{population.controlRef}</strong> · {humanize(population.frequency)}
              </Table.Td>
              <Table.Td>
                {population.population.length}
                {population.source === "imported" ? " (imported)" : ""}
                {population.frequency === "event-driven" && population.population.length === 0 ? (
                  <Text size="xs">
                    None recorded yet: import the population from its system of record below, or add
                    each occurrence as evidence on the control.
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{population.population.length - population.missing.length}</Table.Td>
              <Table.Td>
                {population.missing.slice(0, 6).join(", ") || "—"}
                {population.missing.length > 6 ? ", …" : ""}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
