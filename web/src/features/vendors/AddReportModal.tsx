import {
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { REPORT_OPINIONS, REPORT_TYPES, REPORT_TYPE_LABELS } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { humanize, isCalendarDate } from "../../lib/format.ts";
import { applyServerErrors } from "../../lib/forms.ts";
import { FileDropZone } from "../evidence/FileDropZone.tsx";
import { useAddReport } from "./api.ts";

interface ReportValues {
  type: string;
  from: string;
  to: string;
  opinion: string;
  cuecs: string;
}

const dateRule = (value: string) => (isCalendarDate(value) ? null : "Enter a date as YYYY-MM-DD");

/** A vendor's SOC or ISO report: the file, what it covers, the opinion as read and its CUECs. */
export function AddReportModal({
  org,
  vendor,
  opened,
  onClose,
}: {
  org: string;
  vendor: string;
  opened: boolean;
  onClose: () => void;
}) {
  const add = useAddReport(org, vendor);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const form = useForm<ReportValues>({
    mode: "controlled",
    initialValues: { type: "soc2-type2", from: "", to: "", opinion: "unmodified", cuecs: "" },
    validate: { from: dateRule, to: dateRule },
  });
  const close = () => {
    form.reset();
    add.reset();
    setFile(null);
    setFileError(null);
    onClose();
  };
  const iso = form.getValues().type === "iso27001";
  return (
    <Modal opened={opened} onClose={close} title="Add an assurance report" size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          if (file === null) {
            setFileError("Choose the report's file");
            return;
          }
          add.mutate(
            {
              file,
              metadata: {
                type: values.type,
                from: values.from,
                to: values.to,
                opinion: values.type === "iso27001" ? null : values.opinion,
                cuecs: values.cuecs
                  .split("\n")
                  .map((line) => line.trim())
                  .filter((line) => line !== ""),
              },
            },
            { onSuccess: close, onError: (error) => applyServerErrors(form, error) },
          );
        })}
      >
        <Stack>
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
            <Select
              label="Type"
              allowDeselect={false}
              data={REPORT_TYPES.map((value) => ({ value, label: REPORT_TYPE_LABELS[value] }))}
              {...form.getInputProps("type")}
            />
            {iso ? null : (
              <Select
                label="Opinion, as read"
                allowDeselect={false}
                data={REPORT_OPINIONS.map((value) => ({ value, label: humanize(value) }))}
                {...form.getInputProps("opinion")}
              />
            )}
            <TextInput
              label={iso ? "Valid from" : "Period from"}
              placeholder="YYYY-MM-DD"
              withAsterisk
              {...form.getInputProps("from")}
            />
            <TextInput
              label={iso ? "Valid to" : "Period to"}
              placeholder="YYYY-MM-DD"
              withAsterisk
              {...form.getInputProps("to")}
            />
          </SimpleGrid>
          <Textarea
            label="Complementary user entity controls"
            description="One per line, as the report lists them; map each to our controls afterwards"
            autosize
            minRows={3}
            {...form.getInputProps("cuecs")}
          />
          <ProblemAlert error={add.error} title="Could not add the report" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add report
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
