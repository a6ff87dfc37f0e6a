import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import type { ItemResult, PopulationItem } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { formatPeriod } from "../../lib/format.ts";
import { applyServerErrors } from "../../lib/forms.ts";
import { useRecordItem } from "./api.ts";

/** The result for one sampled occurrence: it passed, or an exception with what was found. */
export function ItemResultForm({
  org,
  engagementId,
  controlRef,
  itemKey,
  occurrence,
  recorded,
  forAuditor,
  canTest,
}: {
  org: string;
  engagementId: string;
  controlRef: string;
  itemKey: string;
  occurrence: PopulationItem | undefined;
  recorded: ItemResult | undefined;
  /** The assigned auditor the owner enters the result for; null when the auditor records it. */
  forAuditor: string | null;
  canTest: boolean;
}) {
  const record = useRecordItem(org, engagementId);
  const hasEvidence = (occurrence?.evidence.length ?? 0) > 0;
  const form = useForm({
    mode: "controlled",
    initialValues: {
      result: recorded?.result ?? (hasEvidence ? "pass" : "exception"),
      description: recorded?.description ?? "",
    },
    validate: {
      description: (value, values) =>
        values.result === "exception" && value.trim() === "" ? "Describe what was found" : null,
    },
    validateInputOnChange: true,
  });
  return (
    <Paper withBorder p="sm" radius="sm">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          record.mutate(
            {
              control: controlRef,
              item: itemKey,
              result: values.result,
              ...(forAuditor === null ? {} : { auditor: forAuditor }),
              ...(values.description.trim() === ""
                ? {}
                : { description: values.description.trim() }),
            },
            { onError: (error) => applyServerErrors(form, error) },
          ),
        )}
      >
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>
              {occurrence?.label ?? itemKey}{" "}
              <Text span size="sm">
                ({itemKey}
                {occurrence === undefined
                  ? ""
                  : `, ${formatPeriod(occurrence.from, occurrence.to)}`}
                )
              </Text>
            </Text>
            <Group gap="xs">
              <Badge variant="light" color={hasEvidence ? "blue" : "orange"}>
                {hasEvidence ? `${occurrence?.evidence.length ?? 0} evidence` : "No evidence"}
              </Badge>
              {recorded === undefined ? null : (
                <Badge variant="light" color={recorded.result === "pass" ? "green" : "red"}>
                  Recorded: {recorded.result}
                </Badge>
              )}
              {recorded?.enteredBy ? (
                <Badge variant="light" color="gray">
                  Entered by {recorded.enteredBy} for {recorded.recordedBy}
                </Badge>
              ) : null}
            </Group>
          </Group>
          {canTest ? (
            <>
              <SegmentedControl
                aria-label={`Result for ${itemKey}`}
                data={[
                  { value: "pass", label: "Pass", disabled: !hasEvidence },
                  { value: "exception", label: "Exception" },
                ]}
                {...form.getInputProps("result")}
              />
              {form.values.result === "exception" ? (
                <Textarea
                  label={`What was found (${itemKey})`}
                  autosize
                  minRows={2}
                  required
                  {...form.getInputProps("description")}
                />
              ) : null}
              <ProblemAlert error={record.error} />
              <Group justify="flex-end">
                <Button type="submit" size="xs" loading={record.isPending}>
                  Save result
                </Button>
              </Group>
            </>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
