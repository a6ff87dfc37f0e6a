import { Button, Group, SegmentedControl, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import type { AttributeResult, WorkpaperItem, WorkpaperStep } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { useRecordAttributes } from "./workpapers-api.ts";

const CHOICES = [
  { value: "met", label: "Met" },
  { value: "not-met", label: "Not met" },
  { value: "not-applicable", label: "N/A" },
];

/**
 * One result per attribute tested, and a note. The item's result follows on the server: an
 * attribute not met makes it an exception naming that attribute.
 */
export function AttributesForm({
  org,
  engagementId,
  controlRef,
  steps,
  item,
  forAuditor,
}: {
  org: string;
  engagementId: string;
  controlRef: string;
  steps: WorkpaperStep[];
  item: WorkpaperItem;
  forAuditor: string | null;
}) {
  const record = useRecordAttributes(org, engagementId, controlRef, item.key);
  const [values, setValues] = useState<(AttributeResult | null)[]>(item.attributes);
  const [note, setNote] = useState(item.note ?? "");
  const complete = values.every((v) => v !== null);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!complete) return;
        record.mutate({
          attributes: values.filter((v): v is AttributeResult => v !== null),
          note: note.trim() === "" ? null : note.trim(),
          ...(forAuditor === null ? {} : { auditor: forAuditor }),
        });
      }}
    >
      <Stack gap="xs">
        {steps.map((step, index) => (
          <Group key={step.id} justify="space-between" wrap="nowrap">
            <Text size="sm" id={`attr-${controlRef}-${item.key}-${step.id}`}>
              {index + 1}. {step.text}
            </Text>
            <SegmentedControl
              size="xs"
              aria-label={`Attribute ${index + 1} for ${item.label}: ${step.text}`}
              data={CHOICES}
              value={values[index] ?? ""}
              onChange={(value) =>
                setValues((current) =>
                  current.map((v, i) => (i === index ? (value as AttributeResult) : v)),
                )
              }
            />
          </Group>
        ))}
        <Textarea
          label="Note"
          description="Kept with the item, passed or not; added to an exception's description."
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <ProblemAlert error={record.error} />
        <Group justify="flex-end">
          {!complete ? <Text size="sm">Give every attribute a result to save.</Text> : null}
          <Button type="submit" size="xs" loading={record.isPending} disabled={!complete}>
            Save attributes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
