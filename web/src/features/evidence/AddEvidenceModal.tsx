import {
  Button,
  Group,
  JsonInput,
  Modal,
  MultiSelect,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { isCalendarDate, todayLocal } from "../../lib/format.ts";
import { applyServerErrors, required } from "../../lib/forms.ts";
import { useAllControls } from "../controls/api.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useAddEvidence } from "./api.ts";
import type { EvidenceContent, EvidenceMetadata } from "./api.ts";
import { FileDropZone } from "./FileDropZone.tsx";

interface AddValues {
  kind: "file" | "link" | "record";
  title: string;
  controls: string[];
  dateMode: "date" | "period";
  forDate: string;
  from: string;
  to: string;
  link: string;
  recordKind: string;
  recordData: string;
}

const dateRule = (value: string) =>
  isCalendarDate(value)
    ? value > todayLocal()
      ? "Evidence cannot be for a future date"
      : null
    : "Enter a date";

export function AddEvidenceModal({
  opened,
  onClose,
  presetControl,
}: {
  opened: boolean;
  onClose: () => void;
  presetControl: string | null;
}) {
  const org = useCurrentOrg();
  const controls = useAllControls(org.slug);
  const add = useAddEvidence(org.slug);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const form = useForm<AddValues>({
    mode: "controlled",
    initialValues: {
      kind: "file",
      title: "",
      controls: presetControl === null ? [] : [presetControl],
      dateMode: "date",
      forDate: todayLocal(),
      from: "",
      to: "",
      link: "",
      recordKind: "",
      recordData: "{}",
    },
    validate: {
      title: required("a title"),
      forDate: (value, values) => (values.dateMode === "date" ? dateRule(value) : null),
      from: (value, values) => (values.dateMode === "period" ? dateRule(value) : null),
      to: (value, values) =>
        values.dateMode !== "period"
          ? null
          : (dateRule(value) ??
            (values.from !== "" && value < values.from ? "Ends before it starts" : null)),
      link: (value, values) =>
        values.kind === "link" && !/^https?:\/\/\S+$/.test(value.trim())
          ? "Enter an http(s) address"
          : null,
      recordKind: (value, values) =>
        values.kind === "record" ? required("what kind of record it is")(value) : null,
      recordData: (value, values) => {
        if (values.kind !== "record") return null;
        try {
          JSON.parse(value);
          return null;
        } catch {
          return "Enter valid JSON";
        }
      },
    },
    validateInputOnChange: true,
  });
  // Only the controls this user may add evidence for.
  const controlOptions = (controls.data ?? [])
    .filter((control) => org.can("evidence:create", control))
    .map((control) => ({ value: control.ref, label: `${control.ref} ${control.title}` }));

  const close = () => {
    if (add.isPending) add.cancel();
    form.reset();
    setFile(null);
    setFileError(null);
    add.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    if (values.kind === "file" && file === null) {
      setFileError("Choose or drop a file");
      return;
    }
    const dates =
      values.dateMode === "date"
        ? { forDate: values.forDate }
        : { from: values.from, to: values.to };
    const metadata: EvidenceMetadata = {
      title: values.title.trim(),
      controls: values.controls,
      ...dates,
    };
    const content: EvidenceContent =
      values.kind === "file" && file !== null
        ? { kind: "file", file }
        : values.kind === "link"
          ? { kind: "link", link: values.link.trim() }
          : {
              kind: "record",
              record: {
                kind: values.recordKind.trim(),
                data: JSON.parse(values.recordData) as unknown,
              },
            };
    add.mutate(
      { metadata, content },
      {
        onSuccess: close,
        onError: (error) =>
          applyServerErrors(form, error, { url: "link", "record.kind": "recordKind" }),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={close} title="Add evidence" size="lg">
      <form noValidate onSubmit={submit}>
        <Stack>
          <SegmentedControl
            aria-label="Kind of evidence"
            data={[
              { value: "file", label: "Upload a file" },
              { value: "link", label: "Link" },
              { value: "record", label: "Record" },
            ]}
            {...form.getInputProps("kind")}
          />
          <TextInput
            label="Title"
            placeholder="Q3 access review"
            required
            data-autofocus
            {...form.getInputProps("title")}
          />
          {form.values.kind === "file" ? (
            <FileDropZone
              file={file}
              disabled={add.isPending}
              error={fileError}
              onFile={(chosen) => {
                setFile(chosen);
                setFileError(null);
                if (chosen !== null && form.values.title.trim() === "")
                  form.setFieldValue("title", chosen.name);
              }}
            />
          ) : null}
          {form.values.kind === "link" ? (
            <TextInput
              label="Address"
              placeholder="https://…"
              required
              {...form.getInputProps("link")}
            />
          ) : null}
          {form.values.kind === "record" ? (
            <>
              <TextInput
                label="Record kind"
                placeholder="mfa-settings"
                required
                {...form.getInputProps("recordKind")}
              />
              <JsonInput
                label="Record data (JSON)"
                autosize
                minRows={4}
                {...form.getInputProps("recordData")}
              />
            </>
          ) : null}
          <MultiSelect
            label="Controls it proves"
            placeholder="Choose controls"
            searchable
            data={controlOptions}
            {...form.getInputProps("controls")}
          />
          <SegmentedControl
            aria-label="What the evidence is for"
            data={[
              { value: "date", label: "One date" },
              { value: "period", label: "A period" },
            ]}
            {...form.getInputProps("dateMode")}
          />
          {form.values.dateMode === "date" ? (
            <TextInput
              type="date"
              label="Evidence is for"
              max={todayLocal()}
              required
              {...form.getInputProps("forDate")}
            />
          ) : (
            <SimpleGrid cols={2}>
              <TextInput
                type="date"
                label="From"
                max={todayLocal()}
                required
                {...form.getInputProps("from")}
              />
              <TextInput
                type="date"
                label="To"
                max={todayLocal()}
                required
                {...form.getInputProps("to")}
              />
            </SimpleGrid>
          )}
          {add.progress === null ? null : (
            <Stack gap={4}>
              <Progress value={add.progress * 100} animated aria-label="Upload progress" />
              <Text size="sm">Uploading… {Math.round(add.progress * 100)}%</Text>
            </Stack>
          )}
          <ProblemAlert error={add.error} title="Could not add the evidence" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {add.isPending ? "Cancel upload" : "Cancel"}
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add evidence
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
