import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import type { BridgeLetterView } from "../../api/types.ts";
import { EmptyBlock, ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime, formatDay, isCalendarDate, todayLocal } from "../../lib/format.ts";
import { applyServerErrors } from "../../lib/forms.ts";
import {
  useApproveBridgeLetter,
  useBridgeLetters,
  useDraftBridgeLetter,
  useEditBridgeLetter,
} from "./api.ts";

/**
 * Management's letter for the gap between a report's coverage end and today: drafted from the
 * template, edited, approved by an owner, and then never changed.
 */
export function BridgeLetters({
  org,
  engagementId,
  hasFinal,
  coverageEnd,
  canEdit,
  canApprove,
}: {
  org: string;
  engagementId: string;
  hasFinal: boolean;
  coverageEnd: string;
  canEdit: boolean;
  canApprove: boolean;
}) {
  const letters = useBridgeLetters(org, engagementId);
  return (
    <Stack>
      {canEdit && hasFinal ? (
        <DraftLetterForm org={org} engagementId={engagementId} coverageEnd={coverageEnd} />
      ) : null}
      <QueryView query={letters}>
        {(items) =>
          items.length === 0 ? (
            <EmptyBlock title="No bridge letters">
              <Text>
                {hasFinal
                  ? "A bridge letter covers the time from the report's end to today."
                  : "A bridge letter follows a final report: finalize the draft first."}
              </Text>
            </EmptyBlock>
          ) : (
            items
              .toSorted((a, b) => b.number - a.number)
              .map((letter) => (
                <LetterCard
                  key={`${letter.id}-${letter.approval?.at ?? ""}`}
                  org={org}
                  engagementId={engagementId}
                  letter={letter}
                  canEdit={canEdit}
                  canApprove={canApprove}
                />
              ))
          )
        }
      </QueryView>
    </Stack>
  );
}

const throughRule = (coverageEnd: string) => (value: string) =>
  !isCalendarDate(value)
    ? "Enter a date"
    : value <= coverageEnd
      ? `Must be after the report's coverage ends (${formatDay(coverageEnd)})`
      : null;

function DraftLetterForm({
  org,
  engagementId,
  coverageEnd,
}: {
  org: string;
  engagementId: string;
  coverageEnd: string;
}) {
  const draft = useDraftBridgeLetter(org, engagementId);
  const form = useForm({
    mode: "controlled",
    initialValues: { through: todayLocal() },
    validate: { through: throughRule(coverageEnd) },
    validateInputOnChange: true,
  });
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={3} size="h4" mb="sm">
        Draft a bridge letter
      </Title>
      <form
        noValidate
        aria-label="Draft a bridge letter"
        onSubmit={form.onSubmit((values) =>
          draft.mutate(values, { onError: (error) => applyServerErrors(form, error) }),
        )}
      >
        <Group align="flex-end">
          <TextInput
            type="date"
            label="Through"
            description={`After ${formatDay(coverageEnd)}, when the report's coverage ends`}
            {...form.getInputProps("through")}
          />
          <Button type="submit" loading={draft.isPending}>
            Draft from the template
          </Button>
        </Group>
        <ProblemAlert error={draft.error} title="Could not draft the letter" />
      </form>
    </Paper>
  );
}

function LetterCard({
  org,
  engagementId,
  letter,
  canEdit,
  canApprove,
}: {
  org: string;
  engagementId: string;
  letter: BridgeLetterView;
  canEdit: boolean;
  canApprove: boolean;
}) {
  const approved = letter.approval !== null;
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="article"
      aria-label={`Bridge letter ${letter.number}`}
    >
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={3} size="h5">
            Bridge letter {letter.number} · through {formatDay(letter.through)}
          </Title>
          <Text size="sm" c="dimmed">
            Follows version {letter.version} (coverage ended {formatDay(letter.coverageEnd)}) ·
            speaks from {formatDay(letter.gapFrom)} · drafted by {letter.createdBy},{" "}
            {formatDateTime(letter.createdAt)}
          </Text>
        </div>
        <Badge variant="light" color={approved ? "green" : "yellow"}>
          {approved ? "Approved" : "Draft"}
        </Badge>
      </Group>
      {letter.warnings.map((warning) => (
        <Alert key={warning} color="yellow" mb="sm" title="A new report is due">
          {warning}
        </Alert>
      ))}
      {letter.approval !== null ? (
        <Stack gap="xs">
          <Text fw={600}>
            Approved by {letter.approval.name} on {formatDateTime(letter.approval.at)}
          </Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{letter.text}</Text>
        </Stack>
      ) : canEdit ? (
        <LetterForm
          key={letter.text + letter.through}
          org={org}
          engagementId={engagementId}
          letter={letter}
          canApprove={canApprove}
        />
      ) : (
        <Text style={{ whiteSpace: "pre-wrap" }}>{letter.text}</Text>
      )}
    </Paper>
  );
}

function LetterForm({
  org,
  engagementId,
  letter,
  canApprove,
}: {
  org: string;
  engagementId: string;
  letter: BridgeLetterView;
  canApprove: boolean;
}) {
  const edit = useEditBridgeLetter(org, engagementId, letter.number);
  const approve = useApproveBridgeLetter(org, engagementId, letter.number);
  const form = useForm({
    mode: "controlled",
    initialValues: { text: letter.text, through: letter.through },
    validate: {
      text: (value) => {
        const count = value.trim().length;
        return count < 50 ? `Write the letter in at least 50 characters (${count} so far)` : null;
      },
      through: throughRule(letter.coverageEnd),
    },
    validateInputOnChange: true,
  });
  const dirty = form.isDirty();
  return (
    <form
      noValidate
      aria-label={`Edit bridge letter ${letter.number}`}
      onSubmit={form.onSubmit((values) =>
        edit.mutate(
          { text: values.text.trim(), through: values.through },
          { onError: (error) => applyServerErrors(form, error) },
        ),
      )}
    >
      <Stack gap="sm">
        <TextInput
          type="date"
          label="Through"
          w={{ base: "100%", xs: 220 }}
          {...form.getInputProps("through")}
        />
        <Textarea
          label="Letter text"
          autosize
          minRows={6}
          maxRows={24}
          {...form.getInputProps("text")}
        />
        <ProblemAlert error={edit.error} title="Could not save the letter" />
        <ProblemAlert error={approve.error} title="Could not approve the letter" />
        <Group justify="flex-end">
          <Button
            type="submit"
            variant={canApprove ? "default" : "filled"}
            disabled={!dirty}
            loading={edit.isPending}
          >
            Save letter
          </Button>
          {canApprove ? (
            <Button
              color="green"
              disabled={dirty}
              title={dirty ? "Save the changes first" : undefined}
              loading={approve.isPending}
              onClick={() => approve.mutate()}
            >
              Approve letter
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
