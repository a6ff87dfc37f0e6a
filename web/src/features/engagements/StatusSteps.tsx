import { Button, Group, Modal, Select, Stack, Stepper, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { ENGAGEMENT_STATUSES } from "../../api/types.ts";
import type { Engagement, EngagementStatus } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { humanize } from "../../lib/format.ts";
import { applyServerErrors, reasonRule } from "../../lib/forms.ts";
import { useAdvance } from "./api.ts";

/** The audit's seven steps; forward one at a time, back to any earlier one with a reason. */
export function StatusSteps({
  org,
  engagement,
  canManage,
}: {
  org: string;
  engagement: Engagement;
  canManage: boolean;
}) {
  const index = ENGAGEMENT_STATUSES.indexOf(engagement.status);
  const next = ENGAGEMENT_STATUSES[index + 1];
  const advance = useAdvance(org, engagement.id);
  const [goingBack, setGoingBack] = useState(false);
  return (
    <Stack>
      <Stepper active={index} size="xs" aria-label="Engagement steps" allowNextStepsSelect={false}>
        {ENGAGEMENT_STATUSES.map((status) => (
          <Stepper.Step key={status} label={humanize(status)} />
        ))}
      </Stepper>
      {canManage ? (
        <Group>
          {next === undefined ? null : (
            <Button
              loading={advance.isPending && !goingBack}
              onClick={() => advance.mutate({ to: next })}
            >
              Advance to {humanize(next).toLowerCase()}
            </Button>
          )}
          {index > 0 ? (
            <Button variant="default" onClick={() => setGoingBack(true)}>
              Go back…
            </Button>
          ) : null}
        </Group>
      ) : null}
      {goingBack ? null : <ProblemAlert error={advance.error} title="Could not change the step" />}
      {next === "fieldwork" ? (
        <Text size="sm">
          Entering fieldwork freezes the controls and mappings this engagement tests.
        </Text>
      ) : null}
      <GoBackModal
        opened={goingBack}
        onClose={() => {
          setGoingBack(false);
          advance.reset();
        }}
        current={index}
        advance={advance}
      />
    </Stack>
  );
}

function GoBackModal({
  opened,
  onClose,
  current,
  advance,
}: {
  opened: boolean;
  onClose: () => void;
  current: number;
  advance: ReturnType<typeof useAdvance>;
}) {
  const earlier = ENGAGEMENT_STATUSES.slice(0, current);
  const form = useForm({
    mode: "controlled",
    initialValues: { to: earlier[earlier.length - 1] ?? "planning", reason: "" },
    validate: { reason: reasonRule },
    validateInputOnChange: true,
  });
  const fieldwork = ENGAGEMENT_STATUSES.indexOf("fieldwork");
  const discards =
    current >= fieldwork &&
    ENGAGEMENT_STATUSES.indexOf(form.values.to as EngagementStatus) < fieldwork;
  return (
    <Modal opened={opened} onClose={onClose} title="Go back to an earlier step">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          advance.mutate(
            { to: values.to as EngagementStatus, reason: values.reason.trim() },
            { onSuccess: onClose, onError: (error) => applyServerErrors(form, error) },
          ),
        )}
      >
        <Stack>
          <Select
            label="Step"
            allowDeselect={false}
            data={earlier.map((status) => ({ value: status, label: humanize(status) }))}
            {...form.getInputProps("to")}
          />
          {discards ? (
            <Text size="sm" c="red.9">
              Going back before fieldwork discards the frozen scope, the sample and the recorded
              tests.
            </Text>
          ) : null}
          <Textarea
            label="Reason"
            autosize
            minRows={3}
            required
            {...form.getInputProps("reason")}
          />
          <ProblemAlert error={advance.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={advance.isPending}>
              Go back
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
