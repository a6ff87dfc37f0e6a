import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { Link, useNavigate } from "react-router";
import {
  DATA_CATEGORIES,
  REPORT_TYPE_LABELS,
  SUBSERVICE_LABELS,
  TIER_LABELS,
} from "../../api/types.ts";
import type { VendorSummary } from "../../api/types.ts";
import { EmptyBlock, ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDay, humanize } from "../../lib/format.ts";
import { applyServerErrors, required } from "../../lib/forms.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useCreateVendor, useVendors } from "./api.ts";

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
      <NewVendorModal org={org.slug} opened={creating} onClose={create.close} />
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

interface NewVendorValues {
  name: string;
  service: string;
  tier: string;
  owner: string;
  dataShared: string[];
  subservice: string;
  reliedControls: string;
  website: string;
}

function NewVendorModal({
  org,
  opened,
  onClose,
}: {
  org: string;
  opened: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const create = useCreateVendor(org);
  const form = useForm<NewVendorValues>({
    mode: "controlled",
    initialValues: {
      name: "",
      service: "",
      tier: "2",
      owner: "",
      dataShared: [],
      subservice: "no",
      reliedControls: "",
      website: "",
    },
    validate: { name: required("the vendor's name"), service: required("what it provides") },
  });
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  const subservice = form.getValues().subservice;
  return (
    <Modal opened={opened} onClose={close} title="New vendor" size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          create.mutate(
            {
              name: values.name,
              service: values.service,
              tier: Number(values.tier),
              owner: values.owner.trim() === "" ? null : values.owner.trim(),
              dataShared: values.dataShared,
              subservice: values.subservice === "no" ? null : values.subservice,
              reliedControls:
                values.subservice === "no"
                  ? []
                  : values.reliedControls
                      .split("\n")
                      .map((line) => line.trim())
                      .filter((line) => line !== "")
                      .map((text) => ({ text, criteria: [] })),
              website: values.website.trim(),
            },
            {
              onSuccess: (vendor) => {
                close();
                void navigate(`/orgs/${org}/vendors/${vendor.ref}`);
              },
              onError: (error) => applyServerErrors(form, error),
            },
          ),
        )}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Name" withAsterisk {...form.getInputProps("name")} />
            <Select
              label="Tier"
              allowDeselect={false}
              data={([1, 2, 3] as const).map((t) => ({ value: String(t), label: TIER_LABELS[t] }))}
              {...form.getInputProps("tier")}
            />
          </SimpleGrid>
          <TextInput label="Service provided" withAsterisk {...form.getInputProps("service")} />
          <MultiSelect
            label="Data shared"
            data={DATA_CATEGORIES.map((value) => ({ value, label: humanize(value) }))}
            {...form.getInputProps("dataShared")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Owner"
              description="A member's email"
              {...form.getInputProps("owner")}
            />
            <TextInput label="Website" {...form.getInputProps("website")} />
          </SimpleGrid>
          <Select
            label="Subservice organization for the system"
            allowDeselect={false}
            data={[
              { value: "no", label: "No" },
              { value: "carve-out", label: "Yes, carve-out" },
              { value: "inclusive", label: "Yes, inclusive" },
            ]}
            {...form.getInputProps("subservice")}
          />
          {subservice !== "no" ? (
            <Textarea
              label="Their controls the system relies on"
              description="One per line; they appear in the system description (DC7)"
              autosize
              minRows={2}
              {...form.getInputProps("reliedControls")}
            />
          ) : null}
          <ProblemAlert error={create.error} title="Could not add the vendor" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add vendor
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
