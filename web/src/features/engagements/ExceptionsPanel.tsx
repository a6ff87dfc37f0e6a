import { Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { Engagement, EngagementResults, ItemResult } from "../../api/types.ts";
import { EmptyBlock, ProblemAlert } from "../../lib/feedback.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { applyServerErrors, required } from "../../lib/forms.ts";
import { useRespond } from "./api.ts";

/** Exceptions the auditor found, each with management's response (in the report's section IV). */
export function ExceptionsPanel({
  org,
  engagement,
  results,
  canRespond,
}: {
  org: string;
  engagement: Engagement;
  results: EngagementResults;
  canRespond: boolean;
}) {
  const exceptions = results.controls.flatMap((outcome) => outcome.exceptions);
  if (exceptions.length === 0) {
    return (
      <EmptyBlock title="No exceptions">
        <Text>No sampled item has been recorded as an exception.</Text>
      </EmptyBlock>
    );
  }
  const open = engagement.status === "fieldwork" || engagement.status === "draft-report";
  return (
    <Stack>
      {exceptions.map((exception) => (
        <Paper key={`${exception.controlRef}-${exception.itemKey}`} withBorder p="lg" radius="md">
          <Title order={2} size="h5">
            {exception.controlRef} · {exception.itemKey}
          </Title>
          <Text mt="xs">{exception.description}</Text>
          <Text size="sm" mt={4}>
            Recorded by {exception.recordedBy}
            {exception.enteredBy === null ? "" : ` (entered by ${exception.enteredBy})`},{" "}
            {formatDateTime(exception.recordedAt)}
          </Text>
          {exception.managementResponse === null ? null : (
            <Paper bg="gray.0" p="sm" mt="sm" radius="sm">
              <Text fw={600} size="sm">
                Management's response ({exception.respondedBy},{" "}
                {formatDateTime(exception.respondedAt)})
              </Text>
              <Text>{exception.managementResponse}</Text>
            </Paper>
          )}
          {canRespond && open ? (
            <ResponseForm org={org} engagementId={engagement.id} exception={exception} />
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}

function ResponseForm({
  org,
  engagementId,
  exception,
}: {
  org: string;
  engagementId: string;
  exception: ItemResult;
}) {
  const respond = useRespond(org, engagementId);
  const form = useForm({
    mode: "controlled",
    initialValues: { response: exception.managementResponse ?? "" },
    validate: { response: required("management's response") },
    validateInputOnChange: true,
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ response }) =>
        respond.mutate(
          { control: exception.controlRef, item: exception.itemKey, response: response.trim() },
          { onError: (error) => applyServerErrors(form, error) },
        ),
      )}
    >
      <Stack mt="sm" gap="xs">
        <Textarea
          label={`Management's response to ${exception.controlRef} ${exception.itemKey}`}
          autosize
          minRows={2}
          {...form.getInputProps("response")}
        />
        <ProblemAlert error={respond.error} />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={respond.isPending}>
            {exception.managementResponse === null ? "Record response" : "Update response"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
