import {
  Button,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "react-router";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { isCalendarDate } from "../../lib/format.ts";
import { MIN_REASON_LENGTH, applyServerErrors, required } from "../../lib/forms.ts";
import { useScope } from "../criteria/api.ts";
import { categoryName } from "../onboarding/categories.ts";
import { useCreateEngagement } from "./api.ts";
import type { NewEngagement } from "./api.ts";
import { MIN_TYPE2_MONTHS, monthsBetween } from "./labels.ts";

interface Values {
  type: "1" | "2";
  asOf: string;
  from: string;
  to: string;
  categories: string[];
  auditFirm: string;
  auditors: string[];
  shortPeriodReason: string;
}

const dateRule = (value: string) => (isCalendarDate(value) ? null : "Enter a date");

export function NewEngagementModal({
  org,
  opened,
  onClose,
}: {
  org: string;
  opened: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const scope = useScope(org);
  const create = useCreateEngagement(org);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      type: "2",
      asOf: "",
      from: "",
      to: "",
      categories: [],
      auditFirm: "",
      auditors: [],
      shortPeriodReason: "",
    },
    validate: {
      auditFirm: required("the audit firm"),
      asOf: (value, values) => (values.type === "1" ? dateRule(value) : null),
      from: (value, values) => (values.type === "2" ? dateRule(value) : null),
      to: (value, values) =>
        values.type !== "2"
          ? null
          : (dateRule(value) ?? (value < values.from ? "Ends before it starts" : null)),
      shortPeriodReason: (value, values) =>
        values.type === "2" && isShort(values) && value.trim().length < MIN_REASON_LENGTH
          ? `A Type 2 covers at least ${MIN_TYPE2_MONTHS} months; say why this first period is shorter`
          : null,
    },
    validateInputOnChange: true,
  });
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  const toBody = (values: Values): NewEngagement => ({
    type: values.type === "1" ? 1 : 2,
    auditFirm: values.auditFirm.trim(),
    auditors: values.auditors,
    ...(values.categories.length > 0 ? { categories: values.categories } : {}),
    ...(values.type === "1" ? { asOf: values.asOf } : { from: values.from, to: values.to }),
    ...(values.type === "2" && isShort(values)
      ? { shortPeriodReason: values.shortPeriodReason.trim() }
      : {}),
  });
  return (
    <Modal opened={opened} onClose={close} title="New engagement" size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          create.mutate(toBody(values), {
            onSuccess: (engagement) => {
              close();
              void navigate(`/orgs/${org}/engagements/${engagement.id}`);
            },
            onError: (error) => applyServerErrors(form, error),
          }),
        )}
      >
        <Stack>
          <SegmentedControl
            aria-label="Report type"
            data={[
              { value: "1", label: "Type 1: design at a date" },
              { value: "2", label: "Type 2: operation over a period" },
            ]}
            {...form.getInputProps("type")}
          />
          {form.values.type === "1" ? (
            <TextInput type="date" label="As of" required {...form.getInputProps("asOf")} />
          ) : (
            <SimpleGrid cols={2}>
              <TextInput type="date" label="Period from" required {...form.getInputProps("from")} />
              <TextInput type="date" label="Period to" required {...form.getInputProps("to")} />
            </SimpleGrid>
          )}
          {form.values.type === "2" && isShort(form.values) ? (
            <Textarea
              label="Why the period is shorter than six months"
              description="Allowed for a first audit, with the reason on record."
              autosize
              minRows={2}
              required
              {...form.getInputProps("shortPeriodReason")}
            />
          ) : null}
          <TextInput label="Audit firm" required {...form.getInputProps("auditFirm")} />
          <TagsInput
            label="Auditors' names"
            description="Press Enter after each name."
            {...form.getInputProps("auditors")}
          />
          <MultiSelect
            label="Categories"
            description="Leave empty for everything in scope. Security is always included."
            data={(scope.data?.categories ?? []).map((id) => ({
              value: id,
              label: categoryName(id),
            }))}
            {...form.getInputProps("categories")}
          />
          <ProblemAlert error={create.error} title="Could not create the engagement" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create engagement
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function isShort(values: Pick<Values, "from" | "to">): boolean {
  return (
    isCalendarDate(values.from) &&
    isCalendarDate(values.to) &&
    values.to >= values.from &&
    monthsBetween(values.from, values.to) < MIN_TYPE2_MONTHS
  );
}
