import { Alert, Anchor, Button, Code, Group, List, Stack, Table, Text } from "@mantine/core";
import { ApiError } from "../../api/client.ts";
import { REPORT_FORMATS } from "../../api/types.ts";
import type { ReportVersion } from "../../api/types.ts";
import { EmptyBlock, ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime, shortHash } from "../../lib/format.ts";
import { dayInWords } from "./dates.ts";
import { downloadUrl, useFinalize, useVersions } from "./api.ts";
import { FORMAT_LABELS, splitReasons } from "./labels.ts";

/** One link per output format, for the draft or one final version. */
export function DownloadLinks({
  org,
  engagementId,
  version,
}: {
  org: string;
  engagementId: string;
  version: number | "draft";
}) {
  const what = version === "draft" ? "the draft" : `version ${version}`;
  return (
    <Group gap="sm" wrap="wrap">
      {REPORT_FORMATS.map((format) => (
        <Anchor
          key={format}
          href={downloadUrl(org, engagementId, format, version)}
          download
          size="sm"
          aria-label={`Download ${what} as ${FORMAT_LABELS[format]}`}
        >
          {FORMAT_LABELS[format]}
        </Anchor>
      ))}
    </Group>
  );
}

/**
 * Freezes the draft as the next final version, as the assigned auditor: the auditor dates and
 * releases the report, and it is issued on the opinion's date. The server says why it cannot
 * (review threads, the approval, the description's gaps): the reasons are shown as a list.
 */
export function FinalizeForm({
  org,
  engagementId,
  draftVersion,
  opinionDate,
  ready,
}: {
  org: string;
  engagementId: string;
  draftVersion: number;
  /** The recorded opinion's date, which becomes the issue date; null before there is one. */
  opinionDate: string | null;
  /** False before the draft-report step: the server would refuse. */
  ready: boolean;
}) {
  const finalize = useFinalize(org, engagementId);
  const refusal =
    finalize.error instanceof ApiError && finalize.error.status === 409
      ? splitReasons(finalize.error.problem.detail)
      : null;
  return (
    <form
      noValidate
      aria-label="Finalize the report"
      onSubmit={(event) => {
        event.preventDefault();
        finalize.mutate({});
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          {opinionDate === null
            ? "Record the opinion first: its date is the report's issue date."
            : `Issued on the opinion's date, ${dayInWords(opinionDate)}.`}
        </Text>
        {ready ? null : <Text size="sm">The report is finalized from the draft-report step.</Text>}
        {refusal === null ? (
          <ProblemAlert error={finalize.error} title="Could not finalize" />
        ) : (
          <Alert color="red" title="The report cannot be finalized yet" role="alert">
            <Text size="sm">{refusal.lead}</Text>
            {refusal.reasons.length > 0 ? (
              <List size="sm" mt="xs">
                {refusal.reasons.map((reason) => (
                  <List.Item key={reason}>{reason}</List.Item>
                ))}
              </List>
            ) : null}
          </Alert>
        )}
        {finalize.isSuccess ? (
          <Alert color="green" title={`Version ${finalize.data.version} finalized`}>
            Issued {dayInWords(finalize.data.issueDate)}. Editing the draft now starts version{" "}
            {finalize.data.version + 1}.
          </Alert>
        ) : null}
        <Button type="submit" loading={finalize.isPending} disabled={!ready} w="fit-content">
          Finalize version {draftVersion}
        </Button>
      </Stack>
    </form>
  );
}

export function VersionsTable({ org, engagementId }: { org: string; engagementId: string }) {
  const versions = useVersions(org, engagementId);
  return (
    <QueryView query={versions}>
      {(items) =>
        items.length === 0 ? (
          <EmptyBlock title="No final version yet">
            <Text>Finalize the draft to freeze version 1 with its issue date.</Text>
          </EmptyBlock>
        ) : (
          <VersionRows org={org} engagementId={engagementId} items={items} />
        )
      }
    </QueryView>
  );
}

function VersionRows({
  org,
  engagementId,
  items,
}: {
  org: string;
  engagementId: string;
  items: ReportVersion[];
}) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Version</Table.Th>
            <Table.Th scope="col">Issue date</Table.Th>
            <Table.Th scope="col">Finalized</Table.Th>
            <Table.Th scope="col">SHA-256</Table.Th>
            <Table.Th scope="col">Download</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>Version {v.version}</Table.Td>
              <Table.Td>{dayInWords(v.issueDate)}</Table.Td>
              <Table.Td>
                {formatDateTime(v.finalizedAt)}, {v.finalizedBy}
              </Table.Td>
              <Table.Td>
                <Code title={v.sha256}>{shortHash(v.sha256)}</Code>
              </Table.Td>
              <Table.Td>
                <DownloadLinks org={org} engagementId={engagementId} version={v.version} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
