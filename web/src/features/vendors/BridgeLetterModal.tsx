import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { formatDay, isCalendarDate, todayLocal } from "../../lib/format.ts";
import { applyServerErrors } from "../../lib/forms.ts";
import { FileDropZone } from "../evidence/FileDropZone.tsx";
import { useAddBridgeLetter } from "./api.ts";

/** The calendar day after `day` (YYYY-MM-DD), counted in UTC so no time zone shifts it. */
function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const dateRule = (value: string) => (isCalendarDate(value) ? null : "Enter a date as YYYY-MM-DD");

/**
 * A bridge letter for one SOC report: the vendor's statement covering the days after the
 * report's period. It starts by the day after the period; it replaces an earlier letter.
 */
export function BridgeLetterModal({
  org,
  vendor,
  report,
  opened,
  onClose,
}: {
  org: string;
  vendor: string;
  report: { ref: string; periodTo: string };
  opened: boolean;
  onClose: () => void;
}) {
  const add = useAddBridgeLetter(org, vendor);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { from: dayAfter(report.periodTo), to: todayLocal() },
    validate: { from: dateRule, to: dateRule },
  });
  const close = () => {
    form.reset();
    add.reset();
    setFile(null);
    setFileError(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={`Bridge letter for ${report.ref}`} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          if (file === null) {
            setFileError("Choose the letter's file");
            return;
          }
          add.mutate(
            { report: report.ref, metadata: values, file },
            { onSuccess: close, onError: (error) => applyServerErrors(form, error) },
          );
        })}
      >
        <Stack>
          <Text size="sm">
            The report&apos;s period ended on {formatDay(report.periodTo)}. The letter covers the
            days after it, so it starts by {formatDay(dayAfter(report.periodTo))}; it is filed as
            evidence on RM-07 and replaces any earlier letter for this report.
          </Text>
          <FileDropZone
            file={file}
            disabled={add.isPending}
            error={fileError}
            onFile={(chosen) => {
              setFile(chosen);
              setFileError(null);
            }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Covers from"
              placeholder="YYYY-MM-DD"
              withAsterisk
              {...form.getInputProps("from")}
            />
            <TextInput
              label="Covers to"
              placeholder="YYYY-MM-DD"
              withAsterisk
              {...form.getInputProps("to")}
            />
          </SimpleGrid>
          <ProblemAlert error={add.error} title="Could not file the bridge letter" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              File bridge letter
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
