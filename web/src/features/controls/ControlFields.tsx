import { Select, SimpleGrid, Stack, TextInput, Textarea } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { ReactNode } from "react";
import { CONTROL_AUTOMATIONS, CONTROL_FREQUENCIES, CONTROL_KINDS } from "../../api/types.ts";
import { humanize } from "../../lib/format.ts";
import { required } from "../../lib/forms.ts";

/** What a control is, as both the new-control form and the edit form hold it. */
export interface ControlFieldValues {
  title: string;
  description: string;
  kind: string;
  automation: string;
  frequency: string;
}

/** The rules the server applies to these fields, for a form's `validate`. */
export const controlFieldRules = {
  title: required("a title"),
  description: required("what the control is"),
};

const options = (values: readonly string[]) =>
  values.map((value) => ({ value, label: humanize(value) }));

/**
 * The fields that describe a control, shared by creating and editing so that both ask the
 * same questions in the same words. `extra` adds selects to the same row (status, owner).
 */
export function ControlFields<T extends ControlFieldValues>({
  form,
  extra,
}: {
  form: UseFormReturnType<T>;
  extra?: ReactNode;
}) {
  return (
    <Stack>
      <TextInput label="Title" required {...form.getInputProps("title")} />
      <Textarea
        label="Description"
        autosize
        minRows={3}
        required
        {...form.getInputProps("description")}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="Kind"
          allowDeselect={false}
          data={options(CONTROL_KINDS)}
          {...form.getInputProps("kind")}
        />
        <Select
          label="Automation"
          allowDeselect={false}
          data={options(CONTROL_AUTOMATIONS)}
          {...form.getInputProps("automation")}
        />
        <Select
          label="Frequency"
          allowDeselect={false}
          data={options(CONTROL_FREQUENCIES)}
          {...form.getInputProps("frequency")}
        />
        {extra}
      </SimpleGrid>
    </Stack>
  );
}
