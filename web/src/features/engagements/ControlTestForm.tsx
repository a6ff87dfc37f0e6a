import {
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { DESIGN_CONCLUSIONS, TEST_METHODS } from "../../api/types.ts";
import type { ControlTest, SnapshotControl } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { humanize, isCalendarDate, todayLocal } from "../../lib/format.ts";
import { applyServerErrors, required } from "../../lib/forms.ts";
import { useRecordTest } from "./api.ts";

interface Values {
  methods: string[];
  procedure: string;
  testedOn: string;
  design: string;
  designNotes: string;
}

/** How the auditor tested one control; a Type 1 also concludes on its design here. */
export function ControlTestForm({
  org,
  engagementId,
  type,
  control,
  test,
  forAuditor,
}: {
  org: string;
  engagementId: string;
  type: 1 | 2;
  control: SnapshotControl;
  test: ControlTest | null;
  /** The assigned auditor the owner enters the test for; null when the auditor records it. */
  forAuditor: string | null;
}) {
  const record = useRecordTest(org, engagementId);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      methods: test?.methods ?? ["inspection"],
      procedure: test?.procedure ?? control.testProcedure,
      testedOn: test?.testedOn ?? todayLocal(),
      design: test?.design ?? "",
      designNotes: test?.designNotes ?? "",
    },
    validate: {
      methods: (value) => (value.length === 0 ? "Choose at least one method" : null),
      procedure: required("the procedure followed"),
      testedOn: (value) =>
        !isCalendarDate(value)
          ? "Enter a date"
          : value > todayLocal()
            ? "Cannot be in the future"
            : null,
      design: (value) => (type === 1 && value === "" ? "A Type 1 concludes on design" : null),
    },
    validateInputOnChange: true,
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        record.mutate(
          {
            control: control.ref,
            methods: values.methods,
            procedure: values.procedure.trim(),
            ...(forAuditor === null ? {} : { auditor: forAuditor }),
            testedOn: values.testedOn,
            ...(type === 1 ? { design: values.design } : {}),
            ...(type === 1 && values.designNotes.trim() !== ""
              ? { designNotes: values.designNotes.trim() }
              : {}),
          },
          { onError: (error) => applyServerErrors(form, error) },
        ),
      )}
    >
      <Stack>
        <Checkbox.Group label="Test methods" required {...form.getInputProps("methods")}>
          <Group mt="xs">
            {TEST_METHODS.map((method) => (
              <Checkbox
                key={method}
                value={method}
                label={method === "re-performance" ? "Re-performance" : humanize(method)}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea
          label="Procedure"
          autosize
          minRows={3}
          required
          {...form.getInputProps("procedure")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label="Tested on"
            max={todayLocal()}
            required
            {...form.getInputProps("testedOn")}
          />
        </SimpleGrid>
        {type === 1 ? (
          <>
            <Select
              label="Design conclusion"
              placeholder="Choose"
              data={DESIGN_CONCLUSIONS.map((value) => ({ value, label: humanize(value) }))}
              {...form.getInputProps("design")}
            />
            <Textarea
              label="Design notes"
              autosize
              minRows={2}
              {...form.getInputProps("designNotes")}
            />
          </>
        ) : null}
        <ProblemAlert error={record.error} title="Could not record the test" />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            {test === null ? "Record test" : "Update test"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
