import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  Select,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { FINDING_SEVERITIES, FINDING_SOURCES, FINDING_SOURCE_LABEL } from "../../api/types.ts";
import type { Finding } from "../../api/types.ts";
import { EmptyBlock, LoadingBlock, ProblemAlert } from "../../lib/feedback.tsx";
import { formatDay, humanize } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useSearchParam } from "../../lib/search-params.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useFindings, useImportFindings } from "./api.ts";

/** Light badges, dark text on a pale fill, as the other pages' states (lib/badges.tsx). */
const SEVERITY_COLOR: Record<Finding["severity"], string> = {
  critical: "red",
  high: "orange",
  medium: "yellow",
  low: "blue",
  info: "gray",
};

export function FindingsPage() {
  const org = useCurrentOrg();
  const [params, setParam] = useSearchParam();
  const filters = {
    source: params.get("source") ?? undefined,
    status: params.get("status") ?? undefined,
    severity: params.get("severity") ?? undefined,
    ...(params.get("overdue") === "true" ? { overdue: "true" as const } : {}),
  };
  const list = useFindings(org.slug, filters);
  return (
    <>
      <PageHeader
        title="Findings"
        description="What scanners, cloud posture checks and CloudTrail say is wrong, each with its deadline and its triage."
      />
      {org.can("finding:import") ? <ImportCard org={org.slug} /> : null}
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select
          label="Source"
          placeholder="Any source"
          clearable
          data={FINDING_SOURCES.map((value) => ({ value, label: FINDING_SOURCE_LABEL[value] }))}
          value={filters.source ?? null}
          onChange={(value) => setParam("source", value)}
          w={260}
        />
        <Select
          label="Status"
          placeholder="Open or closed"
          clearable
          data={[
            { value: "open", label: "Open" },
            { value: "closed", label: "Closed" },
          ]}
          value={filters.status ?? null}
          onChange={(value) => setParam("status", value)}
          w={160}
        />
        <Select
          label="Severity"
          placeholder="Any severity"
          clearable
          data={FINDING_SEVERITIES.map((value) => ({ value, label: humanize(value) }))}
          value={filters.severity ?? null}
          onChange={(value) => setParam("severity", value)}
          w={160}
        />
        <Checkbox
          label="Past their deadline"
          checked={filters.overdue !== undefined}
          onChange={(event) => setParam("overdue", event.currentTarget.checked ? "true" : null)}
          mb={8}
        />
      </Group>
      {list.isPending ? <LoadingBlock lines={8} /> : null}
      <ProblemAlert error={list.error} />
      {list.data !== undefined ? (
        <>
          <Text mb="sm" aria-live="polite">
            {list.data.counts.open} open ({list.data.counts.overdue} past their deadline),{" "}
            {list.data.counts.closed} closed
          </Text>
          {list.data.items.length === 0 ? (
            <EmptyBlock title="No findings match">
              <Text>
                Import a SARIF file, a Prowler scan or CloudTrail logs, or clear a filter.
              </Text>
            </EmptyBlock>
          ) : (
            <FindingTable org={org.slug} findings={list.data.items} today={list.data.today} />
          )}
        </>
      ) : null}
    </>
  );
}

function ImportCard({ org }: { org: string }) {
  const [source, setSource] = useState<string | null>("sarif");
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportFindings(org);
  return (
    <Paper withBorder p="md" radius="md" mb="lg">
      <Title order={2} size="h4" mb="sm">
        Import findings
      </Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Format"
          data={FINDING_SOURCES.map((value) => ({ value, label: FINDING_SOURCE_LABEL[value] }))}
          value={source}
          onChange={setSource}
          allowDeselect={false}
          w={280}
        />
        <FileInput label="File" value={file} onChange={setFile} w={280} clearable />
        <Button
          disabled={source === null || file === null}
          loading={upload.isPending}
          onClick={() => {
            if (source !== null && file !== null) upload.mutate({ source, file });
          }}
        >
          Import
        </Button>
      </Group>
      <ProblemAlert error={upload.error} />
      {upload.data !== undefined ? (
        <Text mt="sm" role="status">
          {upload.data.import.ref}: {upload.data.import.counts.results} results,{" "}
          {upload.data.import.counts.created} new, {upload.data.import.counts.seenAgain} seen again
          {upload.data.reopened.length > 0 ? `, reopened ${upload.data.reopened.join(", ")}` : ""}
          {upload.data.closed.length > 0 ? `, closed ${upload.data.closed.join(", ")}` : ""}.
        </Text>
      ) : null}
    </Paper>
  );
}

function FindingTable({
  org,
  findings,
  today,
}: {
  org: string;
  findings: Finding[];
  today: string;
}) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover aria-label="Findings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Finding</Table.Th>
            <Table.Th scope="col">Severity</Table.Th>
            <Table.Th scope="col">Resource</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Due</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {findings.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                <Anchor component={Link} to={`/orgs/${org}/findings/${f.ref}`} fw={600}>
                  {f.ref}
                </Anchor>{" "}
                {f.ruleTitle}
              </Table.Td>
              <Table.Td>
                <Badge color={SEVERITY_COLOR[f.severity]} variant="light">
                  {f.severity}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{f.location ?? f.resource}</Text>
              </Table.Td>
              <Table.Td>
                {f.status === "open" ? "Open" : `Closed (${humanize(f.triage?.decision ?? "")})`}
              </Table.Td>
              <Table.Td>
                {f.dueOn === null ? "—" : formatDay(f.dueOn)}
                {f.status === "open" && f.dueOn !== null && f.dueOn < today ? " (past due)" : ""}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
