import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  NumberInput,
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
import type { ReportVersion, ShareLinkView } from "../../api/types.ts";
import { EmptyBlock, ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime, humanize } from "../../lib/format.ts";
import { applyServerErrors, required } from "../../lib/forms.ts";
import { useCreateShareLink, useRevokeShareLink, useShareLinks } from "./api.ts";
import { ACCESS_EVENT_LABELS, SHARE_STATE_COLOR } from "./labels.ts";

const MAX_DAYS = 90;

/** Expiring, NDA-gated links to a final version, and who opened and downloaded each. */
export function Sharing({
  org,
  engagementId,
  versions,
}: {
  org: string;
  engagementId: string;
  versions: ReportVersion[];
}) {
  const links = useShareLinks(org, engagementId, true);
  return (
    <Stack>
      {versions.length === 0 ? (
        <Text>Only final versions are shared: finalize the draft first.</Text>
      ) : (
        <ShareForm org={org} engagementId={engagementId} versions={versions} />
      )}
      <QueryView query={links}>
        {(items) =>
          items.length === 0 ? (
            <EmptyBlock title="No share links yet">
              <Text>A link lets a customer download a final version after accepting the NDA.</Text>
            </EmptyBlock>
          ) : (
            <Stack>
              {items.map((link) => (
                <LinkCard key={link.id} org={org} engagementId={engagementId} link={link} />
              ))}
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  );
}

function ShareForm({
  org,
  engagementId,
  versions,
}: {
  org: string;
  engagementId: string;
  versions: ReportVersion[];
}) {
  const create = useCreateShareLink(org, engagementId);
  const newest = versions[0]?.version ?? 1;
  const form = useForm<{ recipient: string; days: number | string; version: string }>({
    mode: "controlled",
    initialValues: { recipient: "", days: 30, version: String(newest) },
    validate: {
      recipient: required("who the link is for"),
      days: (value) =>
        typeof value !== "number" || !Number.isInteger(value)
          ? "Enter a whole number of days"
          : value < 1 || value > MAX_DAYS
            ? `Between 1 and ${MAX_DAYS} days`
            : null,
    },
    validateInputOnChange: true,
  });
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={3} size="h4" mb="sm">
        Share a final version
      </Title>
      <form
        noValidate
        aria-label="Share a final version"
        onSubmit={form.onSubmit((values) =>
          create.mutate(
            {
              recipient: values.recipient.trim(),
              days: Number(values.days),
              version: Number(values.version),
            },
            {
              onSuccess: () => form.reset(),
              onError: (error) => applyServerErrors(form, error),
            },
          ),
        )}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Recipient"
              description="Who the link is for, e.g. a customer's name"
              required
              {...form.getInputProps("recipient")}
            />
            <NumberInput
              label="Valid for (days)"
              description={`1 to ${MAX_DAYS}`}
              min={1}
              max={MAX_DAYS}
              allowDecimal={false}
              required
              {...form.getInputProps("days")}
            />
            <Select
              label="Version"
              description="Final versions only"
              allowDeselect={false}
              data={versions.map((v) => ({
                value: String(v.version),
                label: `Version ${v.version}`,
              }))}
              {...form.getInputProps("version")}
            />
          </SimpleGrid>
          <ProblemAlert error={create.error} title="Could not create the link" />
          <Button type="submit" loading={create.isPending} w="fit-content">
            Create link
          </Button>
        </Stack>
      </form>
      {create.data === undefined ? null : (
        <Alert color="blue" title={`Link for ${create.data.link.recipient} created`} mt="md">
          <Stack gap="xs">
            <Text size="sm">
              Copy the link now: it is not shown again. It expires{" "}
              {formatDateTime(create.data.link.expiresAt)}.
            </Text>
            <Code block className="wrapped-code" aria-label="Share link">
              {create.data.url}
            </Code>
            <CopyButton value={create.data.url}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy} w="fit-content">
                  {copied ? "Copied" : "Copy link"}
                </Button>
              )}
            </CopyButton>
          </Stack>
        </Alert>
      )}
    </Paper>
  );
}

function LinkCard({
  org,
  engagementId,
  link,
}: {
  org: string;
  engagementId: string;
  link: ShareLinkView;
}) {
  const revoke = useRevokeShareLink(org, engagementId);
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="article"
      aria-label={`Link for ${link.recipient}`}
    >
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={3} size="h5">
              {link.recipient}
            </Title>
            <Badge variant="light" color={SHARE_STATE_COLOR[link.state]}>
              {humanize(link.state)}
            </Badge>
          </Group>
          <Text size="sm">
            Version {link.version} · created by {link.createdBy}, {formatDateTime(link.createdAt)} ·{" "}
            {link.state === "revoked"
              ? `revoked by ${link.revokedBy ?? "?"}, ${formatDateTime(link.revokedAt)}`
              : `${link.state === "expired" ? "expired" : "expires"} ${formatDateTime(link.expiresAt)}`}
          </Text>
        </div>
        {link.state === "active" ? (
          <Button
            size="xs"
            variant="light"
            color="red"
            aria-label={`Revoke the link for ${link.recipient}`}
            loading={revoke.isPending}
            onClick={() => revoke.mutate(link.id)}
          >
            Revoke
          </Button>
        ) : null}
      </Group>
      <ProblemAlert error={revoke.error} />
      <Text fw={600} size="sm" mt="sm">
        Access log
      </Text>
      {link.access.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not opened yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Event</Table.Th>
                <Table.Th scope="col">Time</Table.Th>
                <Table.Th scope="col">Reader</Table.Th>
                <Table.Th scope="col">Address</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {link.access
                .toSorted((a, b) => b.at.localeCompare(a.at))
                .map((record) => (
                  <Table.Tr key={record.id}>
                    <Table.Td>{ACCESS_EVENT_LABELS[record.event]}</Table.Td>
                    <Table.Td>{formatDateTime(record.at)}</Table.Td>
                    <Table.Td>
                      {record.reader === null
                        ? "—"
                        : `${record.reader.name}, ${record.reader.company} (${record.reader.email})`}
                    </Table.Td>
                    <Table.Td>{record.address ?? "—"}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
