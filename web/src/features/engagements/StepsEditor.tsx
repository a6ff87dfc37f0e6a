import { Button, Group, List, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import type { WorkpaperStep } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { useSetSteps } from "./workpapers-api.ts";

/** The attributes tested for a control, one per line, in the order they are tested. */
export function StepsEditor({
  org,
  engagementId,
  controlRef,
  steps,
  editable,
  forAuditor,
}: {
  org: string;
  engagementId: string;
  controlRef: string;
  steps: WorkpaperStep[];
  editable: boolean;
  forAuditor: string | null;
}) {
  const save = useSetSteps(org, engagementId, controlRef);
  const [text, setText] = useState(steps.map((s) => s.text).join("\n"));
  if (!editable) {
    return steps.length === 0 ? (
      <Text size="sm">No test steps recorded.</Text>
    ) : (
      <List type="ordered" size="sm">
        {steps.map((s) => (
          <List.Item key={s.id}>{s.text}</List.Item>
        ))}
      </List>
    );
  }
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  return (
    <Stack gap="xs">
      <Textarea
        label={`Attributes tested for ${controlRef}`}
        description="One per line, in order. Each sampled item is then marked met, not met or not applicable for each."
        autosize
        minRows={2}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <ProblemAlert error={save.error} />
      <Group justify="flex-end">
        <Button
          size="xs"
          variant="default"
          loading={save.isPending}
          onClick={() =>
            save.mutate({ steps: lines, ...(forAuditor === null ? {} : { auditor: forAuditor }) })
          }
        >
          Save steps
        </Button>
      </Group>
    </Stack>
  );
}
