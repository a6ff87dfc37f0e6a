import {
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { Control } from "../../api/types.ts";
import { ControlStatusBadge } from "../../lib/badges.tsx";
import { EmptyBlock, QueryView } from "../../lib/feedback.tsx";
import { humanize } from "../../lib/format.ts";
import { HistoryTimeline } from "../../lib/HistoryTimeline.tsx";
import { Fact } from "../../lib/Fact.tsx";
import { PageHeader } from "../../lib/page.tsx";
import { EvidenceTable } from "../evidence/EvidenceTable.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useMemberNames } from "../members/api.ts";
import { useControl } from "./api.ts";
import { ControlEditForm } from "./ControlEditForm.tsx";
import { MappingsCard } from "./MappingsCard.tsx";
import { ownerLabel, ownerOptions } from "./owners.ts";

export function ControlDetailPage() {
  const org = useCurrentOrg();
  const { ref = "" } = useParams();
  const detail = useControl(org.slug, ref);
  const [editing, setEditing] = useState(false);
  const names = useMemberNames(org.slug, org.can("member:read"));

  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={`/orgs/${org.slug}/controls`}>
          Controls
        </Anchor>
        <Text>{ref}</Text>
      </Breadcrumbs>
      <QueryView query={detail} lines={10}>
        {({ control, evidence, history }) => {
          const canEdit = org.can("control:update", control);
          const owners = ownerOptions(org.session.user, names, control.owner);
          const owner = ownerLabel(control.owner, org.session.user, names);
          return (
            <>
              <PageHeader
                title={`${control.ref} ${control.title}`}
                description={<ControlStatusBadge status={control.status} />}
                actions={
                  canEdit && !editing ? (
                    <Button variant="default" onClick={() => setEditing(true)}>
                      Edit control
                    </Button>
                  ) : undefined
                }
              />
              <Grid>
                <Grid.Col span={{ base: 12, lg: 8 }}>
                  <Stack gap="lg">
                    <Paper withBorder p="lg" radius="md">
                      <Title order={2} size="h4" mb="sm">
                        {editing ? "Edit control" : "About this control"}
                      </Title>
                      {editing ? (
                        <ControlEditForm
                          org={org.slug}
                          control={control}
                          owners={owners}
                          canAssign={org.can("member:read")}
                          onDone={() => setEditing(false)}
                        />
                      ) : (
                        <ControlFacts control={control} ownerLabel={owner} />
                      )}
                    </Paper>
                    <Paper withBorder p="lg" radius="md">
                      <Group justify="space-between" mb="sm">
                        <Title order={2} size="h4">
                          Evidence
                        </Title>
                        {org.can("evidence:create", control) ? (
                          <Button
                            component={Link}
                            to={`/orgs/${org.slug}/evidence?add=1&control=${encodeURIComponent(control.ref)}`}
                            variant="default"
                          >
                            Add evidence
                          </Button>
                        ) : null}
                      </Group>
                      {evidence.length === 0 ? (
                        <EmptyBlock title="No evidence yet">
                          <Text>Evidence shows the control operated; auditors sample it.</Text>
                        </EmptyBlock>
                      ) : (
                        <EvidenceTable org={org.slug} items={evidence} />
                      )}
                    </Paper>
                  </Stack>
                </Grid.Col>
                <Grid.Col span={{ base: 12, lg: 4 }}>
                  <Stack gap="lg">
                    <MappingsCard
                      org={org.slug}
                      control={control}
                      canMap={org.can("control:map", control)}
                    />
                    <Paper withBorder p="lg" radius="md">
                      <Title order={2} size="h4" mb="sm">
                        History
                      </Title>
                      <HistoryTimeline history={history} />
                    </Paper>
                  </Stack>
                </Grid.Col>
              </Grid>
            </>
          );
        }}
      </QueryView>
    </>
  );
}

function ControlFacts({ control, ownerLabel }: { control: Control; ownerLabel: string }) {
  return (
    <Stack>
      <Text>{control.description}</Text>
      {control.statusReason === null ? null : (
        <Text>
          <strong>Status reason:</strong> {control.statusReason}
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Fact label="Owner" value={ownerLabel} />
        <Fact label="Frequency" value={humanize(control.frequency)} />
        <Fact label="Kind" value={humanize(control.kind)} />
        <Fact label="Automation" value={humanize(control.automation)} />
      </SimpleGrid>
      <div>
        <Title order={3} size="h5" mb={4}>
          How an auditor tests it
        </Title>
        <Text>{control.testProcedure}</Text>
      </div>
      {control.suggestedEvidence.length === 0 ? null : (
        <div>
          <Title order={3} size="h5" mb={4}>
            Evidence auditors ask for
          </Title>
          <List spacing={2}>
            {control.suggestedEvidence.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
