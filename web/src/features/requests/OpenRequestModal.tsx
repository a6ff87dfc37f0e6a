import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { Engagement, EngagementSample } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { applyServerErrors, emailRule, required } from "../../lib/forms.ts";
import { useOpenRequest } from "./api.ts";

interface Values {
  control: string | null;
  item: string | null;
  description: string;
  to: string;
  dueOn: string;
}

/** The auditor asks for something: a control's evidence, a sampled item's, or in words. */
export function OpenRequestModal({
  org,
  engagement,
  sample,
  opened,
  onClose,
  preset,
}: {
  org: string;
  engagement: Engagement;
  sample: EngagementSample | null;
  opened: boolean;
  onClose: () => void;
  /** Opened from a sampled item on the testing tab. */
  preset?: { control: string; item: string };
}) {
  const open = useOpenRequest(org, engagement.id);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      control: preset?.control ?? null,
      item: preset?.item ?? null,
      description: "",
      to: "",
      dueOn: "",
    },
    validate: {
      to: emailRule,
      dueOn: required("the due date"),
      description: (value, values) =>
        values.control === null && value.trim() === ""
          ? "Say what you ask for, or choose a control"
          : null,
    },
  });
  const controls = (engagement.snapshot?.controls ?? []).map((c) => ({
    value: c.ref,
    label: `${c.ref} ${c.title}`,
  }));
  const drawn = sample?.controls.find((c) => c.controlRef === form.values.control);
  // Each item in words ("March 2026", "Pull request #4105 (2 March)"), as the server names it.
  const items = (drawn?.items ?? []).map((key, index) => ({
    value: key,
    label: drawn?.itemLabels[index] ?? key,
  }));
  const close = () => {
    form.reset();
    open.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Open a request" size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          open.mutate(
            {
              ...(values.control === null ? {} : { control: values.control }),
              ...(values.item === null ? {} : { item: values.item }),
              ...(values.description.trim() === "" ? {} : { description: values.description }),
              to: values.to,
              dueOn: values.dueOn,
            },
            { onSuccess: close, onError: (error) => applyServerErrors(form, error) },
          ),
        )}
      >
        <Stack>
          <Select
            label="Control"
            description="Leave empty to ask in words"
            data={controls}
            searchable
            clearable
            {...form.getInputProps("control")}
            onChange={(value) => {
              form.setFieldValue("control", value);
              form.setFieldValue("item", null);
            }}
          />
          {items.length === 0 ? null : (
            <Select label="Sampled item" data={items} clearable {...form.getInputProps("item")} />
          )}
          <Textarea
            label="What you ask for"
            autosize
            minRows={2}
            {...form.getInputProps("description")}
          />
          <TextInput label="Send to (email)" required {...form.getInputProps("to")} />
          <TextInput type="date" label="Due" required {...form.getInputProps("dueOn")} />
          <ProblemAlert error={open.error} title="Could not open the request" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={open.isPending}>
              Open request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
