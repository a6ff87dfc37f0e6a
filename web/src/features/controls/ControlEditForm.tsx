import { Button, Group, Select, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { CONTROL_STATUSES } from "../../api/types.ts";
import type { Control } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { humanize } from "../../lib/format.ts";
import { MIN_REASON_LENGTH, applyServerErrors } from "../../lib/forms.ts";
import { useUpdateControl } from "./api.ts";
import type { ControlPatch } from "./api.ts";
import { ControlFields, controlFieldRules } from "./ControlFields.tsx";
import type { ControlFieldValues } from "./ControlFields.tsx";

interface EditValues extends ControlFieldValues {
  status: string;
  reason: string;
  owner: string;
}

/**
 * Edits what a control owner or admin changes most. Only changed fields are sent, so the
 * history records exactly what moved.
 */
export function ControlEditForm({
  org,
  control,
  owners,
  canAssign,
  onDone,
}: {
  org: string;
  control: Control;
  owners: { value: string; label: string }[];
  canAssign: boolean;
  onDone: () => void;
}) {
  const update = useUpdateControl(org, control.ref);
  const initial: EditValues = {
    title: control.title,
    description: control.description,
    kind: control.kind,
    automation: control.automation,
    status: control.status,
    reason: control.statusReason ?? "",
    owner: control.owner ?? "",
    frequency: control.frequency,
  };
  const form = useForm<EditValues>({
    mode: "controlled",
    initialValues: initial,
    validate: {
      ...controlFieldRules,
      reason: (value, values) =>
        values.status === "not-applicable" && value.trim().length < MIN_REASON_LENGTH
          ? `Say why it does not apply, in at least ${MIN_REASON_LENGTH} characters`
          : null,
    },
    validateInputOnChange: true,
  });

  // The reason's rule depends on the status: check it again whenever the status changes.
  const status = form.values.status;
  useEffect(() => {
    if (status === "not-applicable") form.validateField("reason");
    // Only a status change should trigger this, not every new form object.
  }, [status]);

  const changes = (values: EditValues): ControlPatch => {
    const patch: ControlPatch = {};
    if (values.title.trim() !== initial.title) patch.title = values.title.trim();
    if (values.description.trim() !== initial.description)
      patch.description = values.description.trim();
    if (values.kind !== initial.kind) patch.kind = values.kind;
    if (values.automation !== initial.automation) patch.automation = values.automation;
    if (values.frequency !== initial.frequency) patch.frequency = values.frequency;
    if (values.status !== initial.status) patch.status = values.status;
    if (values.reason.trim() !== initial.reason) patch.reason = values.reason.trim();
    if (values.owner !== initial.owner) patch.owner = values.owner === "" ? null : values.owner;
    return patch;
  };

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        const patch = changes(values);
        if (Object.keys(patch).length === 0) {
          onDone();
          return;
        }
        update.mutate(patch, {
          onSuccess: onDone,
          onError: (error) => applyServerErrors(form, error),
        });
      })}
    >
      <Stack>
        <ControlFields
          form={form}
          extra={
            <>
              <Select
                label="Status"
                allowDeselect={false}
                data={CONTROL_STATUSES.map((value) => ({ value, label: humanize(value) }))}
                {...form.getInputProps("status")}
              />
              <Select
                label="Owner"
                placeholder="No owner"
                clearable
                disabled={!canAssign}
                data={owners}
                value={form.values.owner === "" ? null : form.values.owner}
                onChange={(value) => form.setFieldValue("owner", value ?? "")}
                error={form.errors.owner}
              />
            </>
          }
        />
        <Textarea
          label="Reason for the status"
          description={
            form.values.status === "not-applicable"
              ? "Required: auditors read why a control does not apply."
              : "Optional: what changed, for the history."
          }
          autosize
          minRows={2}
          {...form.getInputProps("reason")}
        />
        <ProblemAlert error={update.error} title="Could not save the control" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
