import { Button, Group, Select, Stack, Switch, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMemo } from "react";
import type { Organization } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { applyServerErrors, required } from "../../lib/forms.ts";
import { useUpdateOrganization } from "./api.ts";
import type { OrganizationPatch } from "./api.ts";

export function OrganizationForm({
  org,
  organization,
  canEdit,
}: {
  org: string;
  organization: Organization;
  canEdit: boolean;
}) {
  const update = useUpdateOrganization(org);
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf("timeZone");
    return all.includes(organization.timeZone) ? all : [organization.timeZone, ...all];
  }, [organization.timeZone]);
  const form = useForm({
    mode: "controlled",
    initialValues: {
      name: organization.name,
      systemName: organization.systemName,
      timeZone: organization.timeZone,
      requireTotp: organization.requireTotp,
    },
    validate: { name: required("the company's name"), systemName: required("the system's name") },
    validateInputOnChange: true,
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        const patch: OrganizationPatch = {};
        if (values.name.trim() !== organization.name) patch.name = values.name.trim();
        if (values.systemName.trim() !== organization.systemName)
          patch.systemName = values.systemName.trim();
        if (values.timeZone !== organization.timeZone) patch.timeZone = values.timeZone;
        if (values.requireTotp !== organization.requireTotp) patch.requireTotp = values.requireTotp;
        if (Object.keys(patch).length > 0) {
          update.mutate(patch, { onError: (error) => applyServerErrors(form, error) });
        }
      })}
    >
      <Stack>
        <TextInput
          label="Company name"
          required
          disabled={!canEdit}
          {...form.getInputProps("name")}
        />
        <TextInput
          label="System name"
          required
          disabled={!canEdit}
          {...form.getInputProps("systemName")}
        />
        <Select
          label="Time zone"
          searchable
          allowDeselect={false}
          disabled={!canEdit}
          data={zones}
          {...form.getInputProps("timeZone")}
        />
        <Switch
          label="Require two-factor sign-in for every member"
          disabled={!canEdit}
          {...form.getInputProps("requireTotp", { type: "checkbox" })}
        />
        <ProblemAlert error={update.error} title="Could not save" />
        {canEdit ? (
          <Group>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
            {update.isSuccess ? <span role="status">Saved.</span> : null}
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
