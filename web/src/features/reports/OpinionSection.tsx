/**
 * Section I of the draft: the auditor's opinion as recorded, and the form the assigned auditor
 * fills it in with. Attest supplies the template words (scope, responsibilities, limitations,
 * restricted use); the auditor gives the form, the firm, city and date, and for a modified
 * opinion the criteria not met and the basis. The date becomes the issue date.
 */
import {
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { OPINION_TYPES } from "../../api/types.ts";
import type { AuditorOpinion, OpinionType } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { formatDateTime, isCalendarDate, todayLocal } from "../../lib/format.ts";
import { applyServerErrors } from "../../lib/forms.ts";
import { useRecordOpinion } from "./api.ts";
import { dayInWords } from "./dates.ts";
import { OPINION_COLOR, OPINION_LABELS, SECTION_NAMES } from "./labels.ts";

const MIN_BASIS = 50;

export function OpinionSection({
  org,
  engagementId,
  opinion,
  contentSha256,
  criteria,
  coverageEnd,
  canRecord,
  afterFieldwork,
}: {
  org: string;
  engagementId: string;
  opinion: AuditorOpinion | null;
  contentSha256: string;
  /** The criteria in scope, which a modified opinion names from. */
  criteria: string[];
  coverageEnd: string;
  canRecord: boolean;
  afterFieldwork: boolean;
}) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={3} size="h4" mb="sm">
        Section I · {SECTION_NAMES.I}
      </Title>
      <Stack>
        {opinion === null ? (
          <Text>
            No opinion recorded yet: until the auditor records one, the package is a readiness
            report.
          </Text>
        ) : (
          <RecordedOpinion opinion={opinion} />
        )}
        {canRecord && afterFieldwork ? (
          <OpinionForm
            key={opinion?.recordedAt ?? "none"}
            org={org}
            engagementId={engagementId}
            opinion={opinion}
            contentSha256={contentSha256}
            criteria={criteria}
            coverageEnd={coverageEnd}
          />
        ) : null}
        {canRecord && !afterFieldwork ? (
          <Text size="sm">The opinion is recorded on the draft report, after fieldwork.</Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function RecordedOpinion({ opinion }: { opinion: AuditorOpinion }) {
  const notMet = opinion.criteriaNotMet ?? [];
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Badge color={OPINION_COLOR[opinion.type]} variant="light">
          {OPINION_LABELS[opinion.type]}
        </Badge>
        <Text size="sm">
          Recorded by {opinion.recordedByName}, {formatDateTime(opinion.recordedAt)}
        </Text>
      </Group>
      {opinion.date === undefined ? null : (
        <Text size="sm">
          Signed {opinion.firm}, {opinion.city}, dated {dayInWords(opinion.date)}: the report is
          issued on that date.
        </Text>
      )}
      {notMet.length === 0 ? null : <Text size="sm">Criteria not met: {notMet.join(", ")}</Text>}
      {opinion.basisForModification ? (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          Basis: {opinion.basisForModification}
        </Text>
      ) : null}
      {opinion.text.trim() === "" ? null : (
        <Text style={{ whiteSpace: "pre-wrap" }}>{opinion.text}</Text>
      )}
    </Stack>
  );
}

interface OpinionValues {
  type: string;
  firm: string;
  city: string;
  date: string;
  criteriaNotMet: string[];
  basis: string;
  text: string;
}

function OpinionForm({
  org,
  engagementId,
  opinion,
  contentSha256,
  criteria,
  coverageEnd,
}: {
  org: string;
  engagementId: string;
  opinion: AuditorOpinion | null;
  contentSha256: string;
  criteria: string[];
  coverageEnd: string;
}) {
  const record = useRecordOpinion(org, engagementId);
  const today = todayLocal();
  const form = useForm<OpinionValues>({
    mode: "controlled",
    initialValues: {
      type: opinion?.type ?? "",
      firm: opinion?.firm ?? "",
      city: opinion?.city ?? "",
      date: opinion?.date ?? today,
      criteriaNotMet: opinion?.criteriaNotMet ?? [],
      basis: opinion?.basisForModification ?? "",
      text: opinion?.text ?? "",
    },
    validate: {
      type: (value) => (value === "" ? "Choose the opinion's form" : null),
      city: (value) => (value.trim() === "" ? "Enter the city the report is signed in" : null),
      date: (value) =>
        !isCalendarDate(value)
          ? "Enter a date"
          : value > today
            ? "Cannot be in the future"
            : value < coverageEnd
              ? `Cannot be before the report's coverage ends (${dayInWords(coverageEnd)})`
              : null,
      criteriaNotMet: (value, values) =>
        (values.type === "qualified" || values.type === "adverse") && value.length === 0
          ? "Name the criteria not met"
          : null,
      basis: (value, values) =>
        values.type !== "" && values.type !== "unmodified" && value.trim().length < MIN_BASIS
          ? `Give the basis in at least ${MIN_BASIS} characters`
          : null,
    },
    validateInputOnChange: true,
  });
  const modified = form.values.type !== "" && form.values.type !== "unmodified";
  return (
    <form
      noValidate
      aria-label="Auditor's opinion"
      onSubmit={form.onSubmit((values) =>
        record.mutate(
          {
            type: values.type as OpinionType,
            city: values.city.trim(),
            date: values.date,
            ...(values.firm.trim() === "" ? {} : { firm: values.firm.trim() }),
            criteriaNotMet: modified ? values.criteriaNotMet : [],
            basisForModification: modified ? values.basis.trim() : "",
            text: values.text.trim(),
            contentSha256,
          },
          {
            onError: (error) => applyServerErrors(form, error, { basisForModification: "basis" }),
          },
        ),
      )}
    >
      <Stack gap="sm">
        <Select
          label="Opinion"
          placeholder="Choose"
          w={{ base: "100%", sm: 320 }}
          data={OPINION_TYPES.map((value) => ({ value, label: OPINION_LABELS[value] }))}
          required
          {...form.getInputProps("type")}
        />
        {modified ? (
          <>
            <MultiSelect
              label="Criteria not met"
              description="From the criteria in scope; named in the basis for modification."
              data={criteria}
              searchable
              {...form.getInputProps("criteriaNotMet")}
            />
            <Textarea
              label="Basis for modification"
              autosize
              minRows={4}
              maxRows={16}
              required
              {...form.getInputProps("basis")}
            />
          </>
        ) : null}
        <Group grow align="flex-start">
          <TextInput
            label="Audit firm"
            description="Empty means the engagement's firm."
            {...form.getInputProps("firm")}
          />
          <TextInput label="City" required {...form.getInputProps("city")} />
          <TextInput
            type="date"
            label="Report date"
            description="The report is issued on this date."
            min={coverageEnd}
            max={today}
            required
            {...form.getInputProps("date")}
          />
        </Group>
        <Textarea
          label="Other matters (optional)"
          description="Paragraphs of your own after the opinion, such as an emphasis of matter."
          autosize
          minRows={2}
          maxRows={16}
          {...form.getInputProps("text")}
        />
        <ProblemAlert error={record.error} title="Could not record the opinion" />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            {opinion === null ? "Record opinion" : "Replace opinion"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
