import {
  Anchor,
  Breadcrumbs,
  Button,
  Code,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { Link } from "react-router";
import type { HeatMap as HeatMapCounts, RiskAssessment } from "../../api/types.ts";
import { EmptyBlock, ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDay } from "../../lib/format.ts";
import { applyServerErrors } from "../../lib/forms.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useRecordAssessment, useRiskAssessment, useRiskAssessments } from "./api.ts";
import { BandLegend, HeatMap } from "./HeatMap.tsx";

/** The yearly assessments: record one (freezing the register), and read each one's heat maps. */
export function RiskAssessmentsPage() {
  const org = useCurrentOrg();
  const assessments = useRiskAssessments(org.slug);
  const [chosen, setChosen] = useState<string | null>(null);
  const newest = assessments.data?.items[0]?.ref ?? null;
  const shown = chosen ?? newest;
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={`/orgs/${org.slug}/risks`}>
          Risks
        </Anchor>
        <Text>Assessments</Text>
      </Breadcrumbs>
      <PageHeader
        title="Risk assessments"
        description="Each yearly assessment freezes the register with its SHA-256 and files it as evidence for RM-01 and RM-02."
      />
      {org.can("risk:manage") ? <RecordAssessment org={org.slug} onRecorded={setChosen} /> : null}
      <QueryView query={assessments} lines={4}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyBlock title="No risk assessment yet">
              <Text>Record one once the register is reviewed with the people who own it.</Text>
            </EmptyBlock>
          ) : (
            <AssessmentTable org={org.slug} items={items} onShow={setChosen} />
          )
        }
      </QueryView>
      {shown === null ? null : <AssessmentHeatMaps org={org.slug} ref_={shown} />}
    </>
  );
}

function RecordAssessment({ org, onRecorded }: { org: string; onRecorded: (ref: string) => void }) {
  const record = useRecordAssessment(org);
  const form = useForm({
    mode: "controlled",
    initialValues: { participants: "", heldOn: "" },
    validate: {
      participants: (value: string) =>
        value.split(",").some((p) => p.trim() !== "")
          ? null
          : "Name at least one person who took part",
    },
  });
  return (
    <Paper withBorder p="lg" radius="md" mb="lg">
      <Title order={2} size="h4" mb="sm">
        Record an assessment
      </Title>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          record.mutate(
            {
              participants: values.participants
                .split(",")
                .map((p) => p.trim())
                .filter((p) => p !== ""),
              ...(values.heldOn.trim() === "" ? {} : { heldOn: values.heldOn.trim() }),
            },
            {
              onSuccess: (assessment) => {
                form.reset();
                onRecorded(assessment.ref);
              },
              onError: (error) =>
                applyServerErrors(form, error, (field) => field.split(".")[0] ?? field),
            },
          ),
        )}
      >
        <Stack>
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label="Participants"
              description="Emails or names, separated by commas"
              required
              w={420}
              {...form.getInputProps("participants")}
            />
            <TextInput
              label="Held on"
              description="YYYY-MM-DD; today when empty"
              w={200}
              {...form.getInputProps("heldOn")}
            />
          </Group>
          <ProblemAlert error={record.error} title="Could not record the assessment" />
          <Group>
            <Button type="submit" loading={record.isPending}>
              Freeze the register and record
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function AssessmentTable({
  org,
  items,
  onShow,
}: {
  org: string;
  items: RiskAssessment[];
  onShow: (ref: string) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label="Risk assessments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Assessment</Table.Th>
            <Table.Th scope="col">Held on</Table.Th>
            <Table.Th scope="col">Participants</Table.Th>
            <Table.Th scope="col">Risks</Table.Th>
            <Table.Th scope="col">Snapshot SHA-256</Table.Th>
            <Table.Th scope="col">Evidence</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => onShow(a.ref)}>
                  Show {a.ref}
                </Button>
              </Table.Td>
              <Table.Td>{formatDay(a.heldOn)}</Table.Td>
              <Table.Td>{a.participants.map((p) => p.name).join(", ")}</Table.Td>
              <Table.Td>{a.risks}</Table.Td>
              <Table.Td>
                <Code style={{ wordBreak: "break-all" }}>{a.sha256}</Code>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/orgs/${org}/evidence/${a.evidenceId}`}>
                  PDF
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AssessmentHeatMaps({ org, ref_ }: { org: string; ref_: string }) {
  const detail = useRiskAssessment(org, ref_);
  return (
    <QueryView query={detail} lines={6}>
      {(assessment) => {
        const snapshot = JSON.parse(assessment.snapshot) as {
          heatMap: { inherent: number[][]; residual: number[][] };
        };
        const map = (counts: number[][]): HeatMapCounts => ({ counts });
        return (
          <Paper withBorder p="lg" radius="md" mt="lg">
            <Title order={2} size="h4" mb="sm">
              {assessment.ref} held on {formatDay(assessment.heldOn)}
            </Title>
            <Group align="flex-start" gap="xl" mb="xs" wrap="wrap">
              <HeatMap
                title={`${assessment.ref}: inherent risk`}
                map={map(snapshot.heatMap.inherent)}
              />
              <HeatMap
                title={`${assessment.ref}: residual risk`}
                map={map(snapshot.heatMap.residual)}
              />
            </Group>
            <BandLegend />
          </Paper>
        );
      }}
    </QueryView>
  );
}
