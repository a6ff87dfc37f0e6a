import { Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { ReactNode } from "react";
import { ProblemAlert } from "./feedback.tsx";
import { MIN_REASON_LENGTH, applyServerErrors, reasonRule } from "./forms.ts";

/**
 * Asks for the written reason that some actions need (removing evidence, going back a step):
 * an auditor reads it later, so it must say something.
 */
export function ReasonModal({
  opened,
  onClose,
  title,
  description,
  confirmLabel,
  danger = false,
  pending,
  error,
  onConfirm,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string, onError: (error: unknown) => void) => void;
}) {
  const form = useForm({
    mode: "controlled",
    initialValues: { reason: "" },
    validate: { reason: reasonRule },
    validateInputOnChange: true,
  });
  const close = () => {
    form.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <form
        noValidate
        onSubmit={form.onSubmit(({ reason }) =>
          onConfirm(reason.trim(), (failure) => applyServerErrors(form, failure)),
        )}
      >
        <Stack>
          {description}
          <Textarea
            label="Reason"
            description={`At least ${MIN_REASON_LENGTH} characters; it is kept in the audit log.`}
            autosize
            minRows={3}
            required
            data-autofocus
            {...form.getInputProps("reason")}
          />
          <ProblemAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color={danger ? "red" : undefined} loading={pending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
