import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  List,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { REPORT_TYPE_LABELS, SUBSERVICE_LABELS, TIER_LABELS } from "../../api/types.ts";
import type { Cuec, VendorDetail } from "../../api/types.ts";
import { Fact } from "../../lib/Fact.tsx";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDay, humanize } from "../../lib/format.ts";
import { HistoryTimeline } from "../../lib/HistoryTimeline.tsx";
import { PageHeader } from "../../lib/page.tsx";
import { useAllControls } from "../controls/api.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { AddReportModal } from "./AddReportModal.tsx";
import { useMapCuec, useVendor } from "./api.ts";
import { BridgeLetterModal } from "./BridgeLetterModal.tsx";
import { VendorFormModal } from "./VendorFormModal.tsx";
import { VendorReviewPanel } from "./VendorReviewPanel.tsx";

export function VendorDetailPage() {
  const org = useCurrentOrg();
  const { vendor: ref = "" } = useParams();
  const detail = useVendor(org.slug, ref);
  const [adding, add] = useDisclosure(false);
  const [editing, edit] = useDisclosure(false);
  const manages = org.can("vendor:manage");
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={`/orgs/${org.slug}/vendors`}>
          Vendors
        </Anchor>
        <Text>{ref}</Text>
      </Breadcrumbs>
      <QueryView query={detail} lines={10}>
        {(shown) => (
          <>
            <PageHeader
              title={`${shown.vendor.ref} ${shown.vendor.name}`}
              description={shown.vendor.service}
              actions={
                manages ? (
                  <Group gap="xs">
                    <Button variant="default" onClick={edit.open}>
                      Edit vendor
                    </Button>
                    <Button onClick={add.open}>Add report</Button>
                  </Group>
                ) : undefined
              }
            />
            {shown.vendor.flags.length > 0 ? (
              <Alert color="red" title="This vendor's assurance needs attention" mb="md">
                <List size="sm">
                  {shown.vendor.flags.map((f) => (
                    <List.Item key={f.kind}>{f.reason}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
            <Grid>
              <Grid.Col span={{ base: 12, lg: 8 }}>
                <Stack>
                  <Paper withBorder p="lg" radius="md">
                    <Title order={2} size="h4" mb="sm">
                      About this vendor
                    </Title>
                    <VendorFacts shown={shown} />
                  </Paper>
                  <Paper withBorder p="lg" radius="md">
                    <Title order={2} size="h4" mb="sm">
                      Assurance reports
                    </Title>
                    <Reports org={org.slug} shown={shown} manages={manages} />
                  </Paper>
                  <VendorReviewPanel
                    org={org.slug}
                    shown={shown}
                    canReview={org.can("vendor:review", { owner: shown.vendor.owner })}
                  />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <Paper withBorder p="lg" radius="md">
                  <Title order={2} size="h4" mb="sm">
                    History
                  </Title>
                  <HistoryTimeline history={shown.history} />
                </Paper>
              </Grid.Col>
            </Grid>
            <AddReportModal
              org={org.slug}
              vendor={shown.vendor.ref}
              opened={adding}
              onClose={add.close}
            />
            <VendorFormModal
              key={shown.vendor.updatedAt}
              org={org.slug}
              vendor={shown.vendor}
              opened={editing}
              onClose={edit.close}
            />
          </>
        )}
      </QueryView>
    </>
  );
}

function VendorFacts({ shown }: { shown: VendorDetail }) {
  const v = shown.vendor;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Fact label="Tier" value={TIER_LABELS[v.tier]} />
      <Fact label="Owner" value={v.owner ?? "Unassigned"} />
      <Fact
        label="Data shared"
        value={v.dataShared.length === 0 ? "None recorded" : v.dataShared.map(humanize).join(", ")}
      />
      <Fact
        label="Contract"
        value={
          v.contractStart === null && v.contractEnd === null
            ? "—"
            : `${formatDay(v.contractStart)} to ${formatDay(v.contractEnd)}`
        }
      />
      <Fact
        label="Subservice organization"
        value={v.subservice === null ? "No" : `Yes, ${SUBSERVICE_LABELS[v.subservice]}`}
      />
      <Fact
        label="Their controls we rely on"
        value={v.reliedControls.length === 0 ? "—" : v.reliedControls.map((c) => c.text).join("; ")}
      />
      <Fact label="Website" value={v.website === "" ? "—" : v.website} />
      <Fact label="Notes" value={v.notes === "" ? "—" : v.notes} />
    </SimpleGrid>
  );
}

function Reports({ org, shown, manages }: { org: string; shown: VendorDetail; manages: boolean }) {
  const [bridging, setBridging] = useState<VendorDetail["reports"][number] | null>(null);
  if (shown.reports.length === 0) {
    return <Text c="dimmed">No report on file.</Text>;
  }
  return (
    <Stack>
      {bridging === null ? null : (
        <BridgeLetterModal
          org={org}
          vendor={shown.vendor.ref}
          report={bridging}
          opened
          onClose={() => setBridging(null)}
        />
      )}
      {shown.reports.map((r) => (
        <Stack key={r.id} gap="xs">
          <Group gap="xs">
            <Text fw={600}>
              {r.ref} {REPORT_TYPE_LABELS[r.type]}
            </Text>
            <Text size="sm">
              {formatDay(r.periodFrom)} to {formatDay(r.periodTo)}
              {r.opinion === null ? "" : `, opinion ${r.opinion}`}
              {r.bridge === null ? "" : `, bridge letter to ${formatDay(r.bridge.to)}`}
            </Text>
            <Anchor component={Link} to={`/orgs/${org}/evidence/${r.evidenceId}`} size="sm">
              The report
            </Anchor>
            {r.bridge === null ? null : (
              <Anchor
                component={Link}
                to={`/orgs/${org}/evidence/${r.bridge.evidenceId}`}
                size="sm"
              >
                The bridge letter
              </Anchor>
            )}
            {manages && r.type !== "iso27001" ? (
              <Button size="xs" variant="light" onClick={() => setBridging(r)}>
                {r.bridge === null ? "Add bridge letter" : "Replace bridge letter"}
              </Button>
            ) : null}
          </Group>
          {r.flags.map((f) => (
            <Text key={f.kind} size="sm" c="red.8">
              {f.reason}
            </Text>
          ))}
          {r.cuecs.length === 0 ? (
            <Text size="sm" c="dimmed">
              No complementary user entity controls listed.
            </Text>
          ) : (
            <CuecTable org={org} vendor={shown.vendor.ref} cuecs={r.cuecs} manages={manages} />
          )}
        </Stack>
      ))}
    </Stack>
  );
}

function CuecTable({
  org,
  vendor,
  cuecs,
  manages,
}: {
  org: string;
  vendor: string;
  cuecs: Cuec[];
  manages: boolean;
}) {
  return (
    <Table aria-label="Complementary user entity controls" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">CUEC</Table.Th>
          <Table.Th scope="col">What the vendor expects of us</Table.Th>
          <Table.Th scope="col">Our controls</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cuecs.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{c.ref}</Table.Td>
            <Table.Td>{c.text}</Table.Td>
            <Table.Td>
              {manages ? (
                <CuecMapping org={org} vendor={vendor} cuec={c} />
              ) : c.controls.length === 0 ? (
                <Text c="red.8">Unmapped</Text>
              ) : (
                c.controls.join(", ")
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CuecMapping({ org, vendor, cuec }: { org: string; vendor: string; cuec: Cuec }) {
  const controls = useAllControls(org);
  const map = useMapCuec(org, vendor);
  const [chosen, setChosen] = useState<string[]>(cuec.controls);
  const changed = chosen.join() !== cuec.controls.join();
  return (
    <Stack gap={4}>
      <MultiSelect
        aria-label={`Controls that address ${cuec.ref}`}
        placeholder={cuec.controls.length === 0 ? "Unmapped: choose controls" : undefined}
        searchable
        data={(controls.data ?? []).map((c) => ({ value: c.ref, label: `${c.ref} ${c.title}` }))}
        value={chosen}
        onChange={setChosen}
        error={cuec.controls.length === 0 && !changed ? "Unmapped: a readiness gap" : undefined}
      />
      {changed ? (
        <Group gap="xs">
          <Button
            size="xs"
            loading={map.isPending}
            onClick={() => map.mutate({ cuec: cuec.ref, controls: [...chosen].sort() })}
          >
            Save mapping of {cuec.ref}
          </Button>
        </Group>
      ) : null}
      <ProblemAlert error={map.error} title="Could not map the CUEC" />
    </Stack>
  );
}
