import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Code,
  Grid,
  Group,
  Image,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { EvidenceItem } from "../../api/types.ts";
import { QueryView } from "../../lib/feedback.tsx";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { formatBytes, formatDateTime, formatPeriod, humanize } from "../../lib/format.ts";
import { HistoryTimeline } from "../../lib/HistoryTimeline.tsx";
import { Fact } from "../../lib/Fact.tsx";
import { PageHeader } from "../../lib/page.tsx";
import { ReasonModal } from "../../lib/ReasonModal.tsx";
import { useAllControls } from "../controls/api.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { evidenceFileUrl, useEvidence, useLinkEvidence, useRemoveEvidence } from "./api.ts";

export function EvidenceDetailPage() {
  const org = useCurrentOrg();
  const { id = "" } = useParams();
  const detail = useEvidence(org.slug, id);
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={`/orgs/${org.slug}/evidence`}>
          Evidence
        </Anchor>
        <Text>{detail.data?.evidence.title ?? id}</Text>
      </Breadcrumbs>
      <QueryView query={detail} lines={10}>
        {({ evidence, history }) => (
          <>
            <PageHeader
              title={evidence.title}
              description={`${humanize(evidence.kind)} · ${formatPeriod(evidence.forFrom, evidence.forTo)}`}
            />
            {evidence.removedAt === null ? null : (
              <Alert color="red" title="Removed" mb="lg">
                Removed by {evidence.removedBy} on {formatDateTime(evidence.removedAt)}:{" "}
                {evidence.removedReason}
              </Alert>
            )}
            <Grid>
              <Grid.Col span={{ base: 12, lg: 8 }}>
                <Stack gap="lg">
                  <Paper withBorder p="lg" radius="md">
                    <Title order={2} size="h4" mb="sm">
                      Content
                    </Title>
                    <EvidenceContent org={org.slug} evidence={evidence} />
                  </Paper>
                  <Paper withBorder p="lg" radius="md">
                    <Title order={2} size="h4" mb="sm">
                      Details
                    </Title>
                    <EvidenceFacts evidence={evidence} />
                  </Paper>
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <Stack gap="lg">
                  <ControlsCard org={org.slug} evidence={evidence} />
                  <Paper withBorder p="lg" radius="md">
                    <Title order={2} size="h4" mb="sm">
                      History
                    </Title>
                    <HistoryTimeline history={history} />
                  </Paper>
                  {org.can("evidence:remove") && evidence.removedAt === null ? (
                    <RemoveEvidence org={org.slug} evidence={evidence} />
                  ) : null}
                </Stack>
              </Grid.Col>
            </Grid>
          </>
        )}
      </QueryView>
    </>
  );
}

export function EvidenceContent({ org, evidence }: { org: string; evidence: EvidenceItem }) {
  if (evidence.kind === "link") {
    return (
      <Anchor href={evidence.url ?? "#"} target="_blank" rel="noopener noreferrer">
        {evidence.url}
      </Anchor>
    );
  }
  if (evidence.kind === "record") {
    return (
      <Stack gap="xs">
        <Text>
          Record kind: <strong>{evidence.recordKind}</strong>
        </Text>
        <Code block className="wrapped-code">
          {JSON.stringify(evidence.recordData, null, 2)}
        </Code>
      </Stack>
    );
  }
  const inline = evidenceFileUrl(org, evidence.id, true);
  const media = evidence.mediaType ?? "";
  return (
    <Stack>
      {media.startsWith("image/") ? (
        <Image
          src={inline}
          alt={`Preview of ${evidence.fileName ?? evidence.title}`}
          fit="contain"
          mah={480}
          // At its own size when small: a screenshot stretched to the card's width blurs.
          w="auto"
          maw="100%"
        />
      ) : null}
      {media === "application/pdf" ? (
        <iframe
          src={inline}
          title={`Preview of ${evidence.fileName ?? evidence.title}`}
          style={{ width: "100%", height: 560, border: 0 }}
        />
      ) : null}
      {!media.startsWith("image/") && media !== "application/pdf" ? (
        <Text>No preview for {media || "this kind of file"}; download it to open.</Text>
      ) : null}
      <Group>
        <Button
          component="a"
          href={evidenceFileUrl(org, evidence.id, false)}
          download={evidence.fileName ?? true}
          variant="default"
        >
          Download {evidence.fileName} ({formatBytes(evidence.size)})
        </Button>
      </Group>
    </Stack>
  );
}

function EvidenceFacts({ evidence }: { evidence: EvidenceItem }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Fact label="For" value={formatPeriod(evidence.forFrom, evidence.forTo)} />
      <Fact label="Source" value={humanize(evidence.source)} />
      <Fact label="Added" value={`${evidence.addedBy}, ${formatDateTime(evidence.addedAt)}`} />
      <Fact label="Size" value={formatBytes(evidence.size)} />
      <div>
        <Text size="sm" fw={600}>
          SHA-256
        </Text>
        <Code style={{ wordBreak: "break-all" }}>{evidence.sha256}</Code>
      </div>
    </SimpleGrid>
  );
}

function ControlsCard({ org, evidence }: { org: string; evidence: EvidenceItem }) {
  const current = useCurrentOrg();
  const controls = useAllControls(org);
  const link = useLinkEvidence(org, evidence.id);
  const [choice, setChoice] = useState<string | null>(null);
  const options = (controls.data ?? [])
    .filter((c) => !evidence.controls.includes(c.ref) && current.can("evidence:link", c))
    .map((c) => ({ value: c.ref, label: `${c.ref} ${c.title}` }));
  const canLink = current.can("evidence:link") && evidence.removedAt === null;
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        Controls
      </Title>
      <Stack gap="xs">
        {evidence.controls.length === 0 ? <Text>Not linked to a control.</Text> : null}
        {evidence.controls.map((ref) => (
          <Anchor key={ref} component={Link} to={`/orgs/${org}/controls/${ref}`}>
            {ref}
          </Anchor>
        ))}
        {canLink ? (
          <Group align="flex-end" wrap="nowrap" mt="sm">
            <Select
              label="Link to another control"
              placeholder="Choose a control"
              searchable
              data={options}
              value={choice}
              onChange={setChoice}
              style={{ flex: 1 }}
            />
            <Button
              disabled={choice === null}
              loading={link.isPending}
              onClick={() =>
                choice !== null && link.mutate(choice, { onSuccess: () => setChoice(null) })
              }
            >
              Link
            </Button>
          </Group>
        ) : null}
        <ProblemAlert error={link.error} />
      </Stack>
    </Paper>
  );
}

function RemoveEvidence({ org, evidence }: { org: string; evidence: EvidenceItem }) {
  const [open, setOpen] = useState(false);
  const remove = useRemoveEvidence(org, evidence.id);
  return (
    <>
      <Button color="red" variant="outline" onClick={() => setOpen(true)}>
        Remove evidence…
      </Button>
      <ReasonModal
        opened={open}
        onClose={() => setOpen(false)}
        title="Remove evidence"
        description={
          <Text size="sm">The item stays in the audit trail, marked removed with your reason.</Text>
        }
        confirmLabel="Remove"
        danger
        pending={remove.isPending}
        error={remove.error}
        onConfirm={(reason, onError) =>
          remove.mutate(reason, { onSuccess: () => setOpen(false), onError })
        }
      />
    </>
  );
}
