import { Button, Group, SegmentedControl, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { WorkpaperItem } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { applyServerErrors } from "../../lib/forms.ts";
import { useRecordItem } from "./api.ts";

/**
 * The result for a sampled item of a control without test steps: it passed (with a note if
 * the auditor wants one), or an exception with what was found.
 */
export function ItemResultForm({
  org,
  engagementId,
  controlRef,
  item,
  forAuditor,
}: {
  org: string;
  engagementId: string;
  controlRef: string;
  item: WorkpaperItem;
  /** The assigned auditor the owner enters the result for; null when the auditor records it. */
  forAuditor: string | null;
}) {
  const record = useRecordItem(org, engagementId);
  const hasEvidence = item.evidence.length > 0;
  const form = useForm({
    mode: "controlled",
    initialValues: {
      result: item.result ?? (hasEvidence ? "pass" : "exception"),
      description: item.description ?? "",
    },
    validate: {
      description: (value, values) =>
        values.result === "exception" && value.trim() === "" ? "Describe what was found" : null,
    },
    validateInputOnChange: true,
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        record.mutate(
          {
            control: controlRef,
            item: item.key,
            result: values.result,
            ...(forAuditor === null ? {} : { auditor: forAuditor }),
            ...(values.description.trim() === "" ? {} : { description: values.description.trim() }),
          },
          { onError: (error) => applyServerErrors(form, error) },
        ),
      )}
    >
      <Stack gap="xs">
        <SegmentedControl
          aria-label={`Result for ${item.label}`}
          data={[
            { value: "pass", label: "Pass", disabled: !hasEvidence },
            { value: "exception", label: "Exception" },
          ]}
          {...form.getInputProps("result")}
        />
        <Textarea
          label={form.values.result === "exception" ? "What was found" : "Note (optional)"}
          autosize
          minRows={2}
          required={form.values.result === "exception"}
          {...form.getInputProps("description")}
        />
        <ProblemAlert error={record.error} />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={record.isPending}>
            Save result
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
