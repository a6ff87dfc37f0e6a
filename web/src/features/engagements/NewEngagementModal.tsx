import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
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
import { MIN_TYPE2_MONTHS, USUAL_MAX_TYPE2_MONTHS, monthsBetween } from "./labels.ts";

interface Values {
  type: "1" | "2";
  asOf: string;
  from: string;
  to: string;
  categories: string[];
  auditFirm: string;
  periodReason: string;
  confirmGap: boolean;
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
      periodReason: "",
      confirmGap: false,
    },
    validate: {
      auditFirm: required("the audit firm"),
      asOf: (value, values) => (values.type === "1" ? dateRule(value) : null),
      from: (value, values) => (values.type === "2" ? dateRule(value) : null),
      to: (value, values) =>
        values.type !== "2"
          ? null
          : (dateRule(value) ?? (value < values.from ? "Ends before it starts" : null)),
      periodReason: (value, values) =>
        values.type === "2" &&
        unusualLength(values) !== null &&
        value.trim().length < MIN_REASON_LENGTH
          ? unusualLength(values) === "short"
            ? `A Type 2 covers at least ${MIN_TYPE2_MONTHS} months; say why this first period is shorter`
            : `Reports rarely cover more than ${USUAL_MAX_TYPE2_MONTHS} months; say why this one is longer`
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
    ...(values.categories.length > 0 ? { categories: values.categories } : {}),
    ...(values.type === "1" ? { asOf: values.asOf } : { from: values.from, to: values.to }),
    ...(values.type === "2" && unusualLength(values) !== null
      ? { periodReason: values.periodReason.trim() }
      : {}),
    ...(values.type === "2" && values.confirmGap ? { confirmGap: true } : {}),
  });
  // The server knows the previous periods: the box appears once it reports a gap.
  const gapReported = form.errors.confirmGap !== undefined || form.values.confirmGap;
  const length = form.values.type === "2" ? unusualLength(form.values) : null;
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
          {length === null ? null : (
            <Textarea
              label={
                length === "short"
                  ? "Why the period is shorter than six months"
                  : "Why the period is longer than twelve months"
              }
              description={
                length === "short"
                  ? "Allowed for a first audit, with the reason on record."
                  : "Reports rarely cover more than a year; no period may run over two."
              }
              autosize
              minRows={2}
              required
              {...form.getInputProps("periodReason")}
            />
          )}
          {form.values.type === "2" && gapReported ? (
            <Checkbox
              label="Start after a gap: I confirm no report will cover the days in between"
              {...form.getInputProps("confirmGap", { type: "checkbox" })}
            />
          ) : null}
          <TextInput label="Audit firm" required {...form.getInputProps("auditFirm")} />
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

/** "short" under six months, "long" past twelve, null for a usual (or not yet valid) period. */
function unusualLength(values: Pick<Values, "from" | "to">): "short" | "long" | null {
  if (!isCalendarDate(values.from) || !isCalendarDate(values.to) || values.to < values.from) {
    return null;
  }
  const months = monthsBetween(values.from, values.to);
  if (months < MIN_TYPE2_MONTHS) return "short";
  // Twelve whole months and a day more is already longer than a year.
  const longer =
    months > USUAL_MAX_TYPE2_MONTHS ||
    (months === USUAL_MAX_TYPE2_MONTHS &&
      monthsBetween(values.from, dayBefore(values.to)) === USUAL_MAX_TYPE2_MONTHS);
  return longer ? "long" : null;
}

function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
