import { Anchor, Badge, Button, Group, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Link } from "react-router";
import { REPORT_TYPE_LABELS, SUBSERVICE_LABELS, TIER_LABELS } from "../../api/types.ts";
import type { VendorSummary } from "../../api/types.ts";
import { EmptyBlock, QueryView } from "../../lib/feedback.tsx";
import { formatDay, humanize } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useVendors } from "./api.ts";
import { VendorFormModal } from "./VendorFormModal.tsx";

export function VendorsPage() {
  const org = useCurrentOrg();
  const inventory = useVendors(org.slug);
  const [creating, create] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title="Vendors"
        description="Every third party that holds our data or that the service depends on: its tier, its assurance report and what that report asks of us."
        actions={
          org.can("vendor:manage") ? <Button onClick={create.open}>New vendor</Button> : undefined
        }
      />
      <QueryView query={inventory} lines={8}>
        {({ items, today }) =>
          items.length === 0 ? (
            <EmptyBlock title="No vendors yet">
              <Text>Add the vendors that hold customer data or that the service runs on.</Text>
            </EmptyBlock>
          ) : (
            <VendorTable org={org.slug} vendors={items} today={today} />
          )
        }
      </QueryView>
      <VendorFormModal org={org.slug} opened={creating} onClose={create.close} />
    </>
  );
}

/** What needs attention, as short badges; the vendor page gives the reasons. */
export function VendorFlags({ vendor, today }: { vendor: VendorSummary; today: string }) {
  const badges = [
    ...vendor.flags.map((f) => humanize(f.kind)),
    ...(vendor.unmappedCuecs > 0
      ? [`${vendor.unmappedCuecs} unmapped CUEC${vendor.unmappedCuecs === 1 ? "" : "s"}`]
      : []),
    ...(vendor.reviewDueBy < today ? ["Review overdue"] : []),
  ];
  if (badges.length === 0) return <Text c="dimmed">None</Text>;
  return (
    <Group gap={4}>
      {badges.map((b) => (
        <Badge key={b} color="red" variant="light">
          {b}
        </Badge>
      ))}
    </Group>
  );
}

function VendorTable({
  org,
  vendors,
  today,
}: {
  org: string;
  vendors: VendorSummary[];
  today: string;
}) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label="Vendor inventory">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Vendor</Table.Th>
            <Table.Th scope="col">Tier</Table.Th>
            <Table.Th scope="col">Subservice</Table.Th>
            <Table.Th scope="col">Current report</Table.Th>
            <Table.Th scope="col">Flags</Table.Th>
            <Table.Th scope="col">Review by</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {vendors.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>
                <Anchor component={Link} to={`/orgs/${org}/vendors/${v.ref}`} fw={600}>
                  {v.ref}
                </Anchor>{" "}
                {v.name}
                <Text size="xs" c="dimmed">
                  {v.service}
                </Text>
              </Table.Td>
              <Table.Td>{TIER_LABELS[v.tier]}</Table.Td>
              <Table.Td>
                {v.subservice === null ? "No" : `Yes, ${SUBSERVICE_LABELS[v.subservice]}`}
              </Table.Td>
              <Table.Td>
                {v.currentReport === null
                  ? "None"
                  : `${REPORT_TYPE_LABELS[v.currentReport.type]} to ${formatDay(v.currentReport.periodTo)}`}
              </Table.Td>
              <Table.Td>
                <VendorFlags vendor={v} today={today} />
              </Table.Td>
              <Table.Td>{formatDay(v.reviewDueBy)}</Table.Td>
              <Table.Td>{v.owner ?? "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
