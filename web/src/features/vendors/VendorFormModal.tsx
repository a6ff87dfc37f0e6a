import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "react-router";
import { DATA_CATEGORIES, TIER_LABELS } from "../../api/types.ts";
import type { Vendor } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { humanize, isCalendarDate } from "../../lib/format.ts";
import { applyServerErrors, required } from "../../lib/forms.ts";
import { useCreateVendor, useUpdateVendor } from "./api.ts";
import type { VendorInput } from "./api.ts";

interface VendorValues {
  name: string;
  service: string;
  tier: string;
  owner: string;
  dataShared: string[];
  subservice: string;
  reliedControls: string;
  website: string;
  contractStart: string;
  contractEnd: string;
  notes: string;
}

const EMPTY: VendorValues = {
  name: "",
  service: "",
  tier: "2",
  owner: "",
  dataShared: [],
  subservice: "no",
  reliedControls: "",
  website: "",
  contractStart: "",
  contractEnd: "",
  notes: "",
};

function valuesOf(vendor: Vendor): VendorValues {
  return {
    name: vendor.name,
    service: vendor.service,
    tier: String(vendor.tier),
    owner: vendor.owner ?? "",
    dataShared: vendor.dataShared,
    subservice: vendor.subservice ?? "no",
    reliedControls: vendor.reliedControls.map((c) => c.text).join("\n"),
    website: vendor.website,
    contractStart: vendor.contractStart ?? "",
    contractEnd: vendor.contractEnd ?? "",
    notes: vendor.notes,
  };
}

const optionalDate = (value: string) =>
  value.trim() === "" || isCalendarDate(value.trim()) ? null : "Enter a date as YYYY-MM-DD";

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

/**
 * What the form sends. A relied-on control keeps the criteria it was mapped to (through the
 * API) while its text is unchanged, so editing other fields here never drops them.
 */
function inputOf(values: VendorValues, vendor: Vendor | undefined): VendorInput {
  const criteriaOf = new Map((vendor?.reliedControls ?? []).map((c) => [c.text, c.criteria]));
  return {
    name: values.name,
    service: values.service,
    tier: Number(values.tier),
    owner: orNull(values.owner),
    dataShared: values.dataShared,
    subservice: values.subservice === "no" ? null : values.subservice,
    reliedControls:
      values.subservice === "no"
        ? []
        : values.reliedControls
            .split("\n")
            .map((line) => line.trim())
            .filter((line) => line !== "")
            .map((text) => ({ text, criteria: criteriaOf.get(text) ?? [] })),
    website: values.website.trim(),
    contractStart: orNull(values.contractStart),
    contractEnd: orNull(values.contractEnd),
    notes: values.notes.trim(),
  };
}

/**
 * A new vendor, or (given `vendor`) the changes to one, recorded in its history. The form
 * starts from the vendor as given: key the modal by its `updatedAt` so a saved change shows.
 */
export function VendorFormModal({
  org,
  vendor,
  opened,
  onClose,
}: {
  org: string;
  vendor?: Vendor;
  opened: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const create = useCreateVendor(org);
  const update = useUpdateVendor(org, vendor?.ref ?? "");
  const save = vendor === undefined ? create : update;
  const form = useForm<VendorValues>({
    mode: "controlled",
    initialValues: vendor === undefined ? EMPTY : valuesOf(vendor),
    validate: {
      name: required("the vendor's name"),
      service: required("what it provides"),
      contractStart: optionalDate,
      contractEnd: optionalDate,
    },
  });
  const close = () => {
    form.reset();
    create.reset();
    update.reset();
    onClose();
  };
  const title = vendor === undefined ? "New vendor" : `Edit ${vendor.ref}`;
  const subservice = form.getValues().subservice;
  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          const input = inputOf(values, vendor);
          const onError = (error: unknown) => applyServerErrors(form, error);
          if (vendor === undefined) {
            create.mutate(input, {
              onSuccess: (created) => {
                close();
                void navigate(`/orgs/${org}/vendors/${created.ref}`);
              },
              onError,
            });
          } else {
            update.mutate(input, { onSuccess: close, onError });
          }
        })}
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
              description="A member's email; they review the vendor yearly"
              {...form.getInputProps("owner")}
            />
            <TextInput label="Website" {...form.getInputProps("website")} />
            <TextInput
              label="Contract start"
              placeholder="YYYY-MM-DD"
              {...form.getInputProps("contractStart")}
            />
            <TextInput
              label="Contract end"
              placeholder="YYYY-MM-DD"
              {...form.getInputProps("contractEnd")}
            />
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
          <Textarea label="Notes" autosize minRows={2} {...form.getInputProps("notes")} />
          <ProblemAlert
            error={save.error}
            title={vendor === undefined ? "Could not add the vendor" : "Could not save the vendor"}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {vendor === undefined ? "Add vendor" : "Save vendor"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
