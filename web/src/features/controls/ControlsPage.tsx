import { Anchor, Button, Group, Select, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { Link } from "react-router";
import { CONTROL_STATUSES } from "../../api/types.ts";
import type { Control } from "../../api/types.ts";
import { ControlStatusBadge } from "../../lib/badges.tsx";
import { EmptyBlock, LoadingBlock, ProblemAlert } from "../../lib/feedback.tsx";
import { humanize } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useSearchParam } from "../../lib/search-params.ts";
import { useOrgCriteria } from "../criteria/api.ts";
import { useReadiness } from "../dashboard/api.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useMemberNames } from "../members/api.ts";
import { useControls } from "./api.ts";
import { NewControlModal } from "./NewControlModal.tsx";
import { BulkOwnersModal } from "./BulkOwnersModal.tsx";
import { ownerLabel, ownerOptions, ownerRoleLabel } from "./owners.ts";

export function ControlsPage() {
  const org = useCurrentOrg();
  const [params, setParam] = useSearchParam();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [creating, create] = useDisclosure(false);
  const [assigning, assignOwners] = useDisclosure(false);
  const filters = {
    status: params.get("status") ?? undefined,
    criterion: params.get("criterion") ?? undefined,
    owner: params.get("owner") ?? undefined,
    q: q === "" ? undefined : q,
  };
  const controls = useControls(org.slug, filters);
  // The criteria in scope, from readiness; an auditor, who reads no readiness, has the catalog's.
  const readsReadiness = org.can("readiness:read");
  const readiness = useReadiness(org.slug, readsReadiness);
  const catalog = useOrgCriteria(org.slug, !readsReadiness);
  const criteria = readsReadiness ? readiness.data?.criteria : catalog.data;
  const names = useMemberNames(org.slug, org.can("member:read"));
  const ownerName = (owner: string | null) =>
    owner === null ? "—" : ownerLabel(owner, org.session.user, names);

  return (
    <>
      <PageHeader
        title="Controls"
        description="What your company does to meet the criteria, who owns it, and how far along it is."
        actions={
          <Group>
            {org.can("control:assign-owners") ? (
              <Button variant="default" onClick={assignOwners.open}>
                Assign owners
              </Button>
            ) : null}
            {org.can("control:create") ? <Button onClick={create.open}>New control</Button> : null}
          </Group>
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Id or title"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={220}
        />
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={CONTROL_STATUSES.map((value) => ({ value, label: humanize(value) }))}
          value={filters.status ?? null}
          onChange={(value) => setParam("status", value)}
          w={180}
        />
        <Select
          label="Criterion"
          placeholder="Any criterion"
          clearable
          searchable
          data={(criteria ?? []).map((c) => ({
            value: c.id,
            label: `${c.id} ${c.label}`,
          }))}
          value={filters.criterion ?? null}
          onChange={(value) => setParam("criterion", value)}
          w={260}
        />
        <Select
          label="Owner"
          placeholder="Anyone"
          clearable
          data={ownerOptions(org.session.user, names, filters.owner ?? null)}
          value={filters.owner ?? null}
          onChange={(value) => setParam("owner", value)}
          w={180}
        />
      </Group>
      {controls.isPending ? <LoadingBlock lines={8} /> : null}
      <ProblemAlert error={controls.error} />
      {controls.items?.length === 0 ? (
        <EmptyBlock title="No controls match">
          <Text>Clear a filter, or add a control of your own.</Text>
        </EmptyBlock>
      ) : null}
      {controls.items !== undefined && controls.items.length > 0 ? (
        <ControlsTable org={org.slug} controls={controls.items} ownerName={ownerName} />
      ) : null}
      {controls.hasNextPage ? (
        <Button
          variant="default"
          mt="md"
          loading={controls.isFetchingNextPage}
          onClick={() => void controls.fetchNextPage()}
        >
          Load more
        </Button>
      ) : null}
      <NewControlModal org={org.slug} opened={creating} onClose={create.close} />
      <BulkOwnersModal org={org.slug} opened={assigning} onClose={assignOwners.close} />
    </>
  );
}

function ControlsTable({
  org,
  controls,
  ownerName,
}: {
  org: string;
  controls: Control[];
  ownerName: (owner: string | null) => string;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Control</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Frequency</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">Suggested role</Table.Th>
            <Table.Th scope="col">Criteria</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {controls.map((control) => (
            <Table.Tr key={control.id}>
              <Table.Td>
                <Anchor component={Link} to={`/orgs/${org}/controls/${control.ref}`} fw={600}>
                  {control.ref}
                </Anchor>{" "}
                {control.title}
              </Table.Td>
              <Table.Td>
                <ControlStatusBadge status={control.status} />
              </Table.Td>
              <Table.Td>{humanize(control.frequency)}</Table.Td>
              <Table.Td>{ownerName(control.owner)}</Table.Td>
              <Table.Td>
                {control.ownerRole === null ? "—" : ownerRoleLabel(control.ownerRole)}
              </Table.Td>
              <Table.Td>{control.criteria.join(", ") || "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
