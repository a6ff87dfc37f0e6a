import { Button, Group, Modal, MultiSelect, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "react-router";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { applyServerErrors } from "../../lib/forms.ts";
import { useReadiness } from "../dashboard/api.ts";
import { useCreateControl } from "./api.ts";
import type { NewControl } from "./api.ts";
import { ControlFields, controlFieldRules } from "./ControlFields.tsx";

/** The same rule the server applies: letters and digits in dash-separated parts. */
const CONTROL_REF = /^[A-Z][A-Z0-9]{0,9}(-[A-Z0-9]{1,10}){1,3}$/;

export function NewControlModal({
  org,
  opened,
  onClose,
}: {
  org: string;
  opened: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const create = useCreateControl(org);
  const readiness = useReadiness(org, opened);
  const form = useForm<NewControl>({
    mode: "controlled",
    initialValues: {
      ref: "",
      title: "",
      description: "",
      kind: "preventive",
      automation: "manual",
      frequency: "annual",
      criteria: [],
    },
    validate: {
      ref: (value) =>
        CONTROL_REF.test(value.trim().toUpperCase())
          ? null
          : "Use letters and digits in dash-separated parts, such as ACME-SEC-12",
      ...controlFieldRules,
    },
    validateInputOnChange: true,
  });
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="New control" size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          create.mutate(
            { ...values, ref: values.ref.trim().toUpperCase(), title: values.title.trim() },
            {
              onSuccess: (control) => {
                close();
                void navigate(`/orgs/${org}/controls/${control.ref}`);
              },
              onError: (error) => applyServerErrors(form, error),
            },
          ),
        )}
      >
        <Stack>
          <TextInput
            label="Control id"
            description="For example ACME-SEC-12"
            required
            data-autofocus
            {...form.getInputProps("ref")}
          />
          <ControlFields form={form} />
          <MultiSelect
            label="Criteria it addresses"
            searchable
            data={(readiness.data?.criteria ?? []).map((c) => ({
              value: c.id,
              label: `${c.id} ${c.label}`,
            }))}
            {...form.getInputProps("criteria")}
          />
          <ProblemAlert error={create.error} title="Could not add the control" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add control
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
