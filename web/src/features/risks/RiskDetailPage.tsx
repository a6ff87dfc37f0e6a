import {
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { Risk } from "../../api/types.ts";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { Fact } from "../../lib/Fact.tsx";
import { formatDay, humanize } from "../../lib/format.ts";
import { applyServerErrors } from "../../lib/forms.ts";
import { HistoryTimeline } from "../../lib/HistoryTimeline.tsx";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useRisk, useUpdateRisk } from "./api.ts";
import { riskBand } from "./HeatMap.tsx";
import { RiskFields, formValuesOf, inputOf, riskFieldRules } from "./RiskFields.tsx";
import type { RiskFormValues } from "./RiskFields.tsx";

export function RiskDetailPage() {
  const org = useCurrentOrg();
  const { risk: ref = "" } = useParams();
  const detail = useRisk(org.slug, ref);
  const [editing, setEditing] = useState(false);
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={`/orgs/${org.slug}/risks`}>
          Risks
        </Anchor>
        <Text>{ref}</Text>
      </Breadcrumbs>
      <QueryView query={detail} lines={10}>
        {({ risk, history }) => (
          <>
            <PageHeader
              title={`${risk.ref} ${risk.title}`}
              description={
                risk.templateId === null
                  ? "Written here"
                  : `From the starter library (${risk.templateId})`
              }
              actions={
                org.can("risk:manage") && !editing ? (
                  <Button variant="default" onClick={() => setEditing(true)}>
                    Edit risk
                  </Button>
                ) : undefined
              }
            />
            <Grid>
              <Grid.Col span={{ base: 12, lg: 8 }}>
                <Paper withBorder p="lg" radius="md">
                  <Title order={2} size="h4" mb="sm">
                    {editing ? "Edit risk" : "About this risk"}
                  </Title>
                  {editing ? (
                    <RiskEditForm org={org.slug} risk={risk} onDone={() => setEditing(false)} />
                  ) : (
                    <RiskFacts org={org.slug} risk={risk} />
                  )}
                </Paper>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <Paper withBorder p="lg" radius="md">
                  <Title order={2} size="h4" mb="sm">
                    History
                  </Title>
                  <HistoryTimeline history={history} />
                </Paper>
              </Grid.Col>
            </Grid>
          </>
        )}
      </QueryView>
    </>
  );
}

function scoreText(likelihood: number, impact: number): string {
  const score = likelihood * impact;
  return `${likelihood} × ${impact} = ${score} (${riskBand(score)})`;
}

function RiskFacts({ org, risk }: { org: string; risk: Risk }) {
  return (
    <Stack>
      <Text>{risk.description}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Fact label="Category" value={humanize(risk.category)} />
        <Fact label="Owner" value={risk.owner ?? "Unassigned"} />
        <Fact
          label="Inherent (likelihood × impact)"
          value={scoreText(risk.likelihood, risk.impact)}
        />
        <Fact
          label="Residual (with its controls)"
          value={scoreText(risk.residualLikelihood, risk.residualImpact)}
        />
        <Fact label="Treatment" value={humanize(risk.treatment)} />
        <Fact label="Review by" value={formatDay(risk.reviewDate)} />
        <Fact
          label="Controls"
          value={
            risk.controls.length === 0 ? (
              "None"
            ) : (
              <Group gap="xs">
                {risk.controls.map((ref) => (
                  <Anchor key={ref} component={Link} to={`/orgs/${org}/controls/${ref}`}>
                    {ref}
                  </Anchor>
                ))}
              </Group>
            )
          }
        />
        <Fact label="Acceptance note" value={risk.acceptanceNote ?? "—"} />
      </SimpleGrid>
    </Stack>
  );
}

function RiskEditForm({ org, risk, onDone }: { org: string; risk: Risk; onDone: () => void }) {
  const update = useUpdateRisk(org, risk.ref);
  const form = useForm<RiskFormValues>({
    mode: "controlled",
    initialValues: formValuesOf(risk),
    validate: riskFieldRules,
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        update.mutate(inputOf(values), {
          onSuccess: onDone,
          onError: (error) => applyServerErrors(form, error),
        }),
      )}
    >
      <Stack>
        <RiskFields org={org} form={form} />
        <ProblemAlert error={update.error} title="Could not save the risk" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save risk
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
