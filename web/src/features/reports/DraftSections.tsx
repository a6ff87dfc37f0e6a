/** Sections II and V of the draft: management's assertion and management's other
 * information (Section I, the auditor's opinion, is in OpinionSection.tsx). */
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { READINESS_NOTICE } from "../../api/types.ts";
import type { Assertion } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { applyServerErrors } from "../../lib/forms.ts";
import { useApproveAssertion, useUpdateAssertion } from "./api.ts";
import { useUpdateOtherInformation } from "./api.ts";
import { SECTION_NAMES } from "./labels.ts";

const MIN_ASSERTION = 50;

const atLeast = (length: number, what: string) => (value: string) => {
  const count = value.trim().length;
  return count < length ? `Write ${what} in at least ${length} characters (${count} so far)` : null;
};

/** The banner every package without an auditor's opinion carries, on screen as in print. */
export function ReadinessNotice() {
  return (
    <Alert color="yellow" title={READINESS_NOTICE}>
      No auditor has recorded an opinion on this draft. Until one does, every page of the report
      says so.
    </Alert>
  );
}

export function AssertionSection({
  org,
  engagementId,
  assertion,
  contentSha256,
  canEdit,
  canApprove,
}: {
  org: string;
  engagementId: string;
  assertion: Assertion;
  contentSha256: string;
  canEdit: boolean;
  canApprove: boolean;
}) {
  const approve = useApproveAssertion(org, engagementId);
  return (
    <Paper withBorder p="lg" radius="md">
      <Group justify="space-between" mb="sm" align="flex-start">
        <Title order={3} size="h4">
          Section II · {SECTION_NAMES.II}
        </Title>
        <Group gap="xs">
          {assertion.generated ? (
            <Badge variant="light" color="gray">
              Generated from template
            </Badge>
          ) : (
            <Badge variant="light" color="blue">
              Edited
            </Badge>
          )}
          {assertion.approval === null ? (
            <Badge variant="light" color="yellow">
              Not approved
            </Badge>
          ) : (
            <Badge variant="light" color="green">
              Approved
            </Badge>
          )}
        </Group>
      </Group>
      <Stack>
        {assertion.approval === null ? null : (
          <Text fw={600}>
            Approved by {assertion.approval.name} on {formatDateTime(assertion.approval.at)}
          </Text>
        )}
        {canEdit ? (
          <AssertionForm
            key={assertion.updatedAt + String(assertion.approval?.at)}
            org={org}
            engagementId={engagementId}
            assertion={assertion}
          />
        ) : (
          <Text style={{ whiteSpace: "pre-wrap" }}>{assertion.text}</Text>
        )}
        {canApprove && assertion.approval === null ? (
          <Stack gap="xs">
            <ProblemAlert error={approve.error} title="Could not approve the assertion" />
            <Group>
              <Button
                color="green"
                loading={approve.isPending}
                onClick={() => approve.mutate(contentSha256)}
              >
                Approve the assertion
              </Button>
              <Text size="sm" c="dimmed">
                Approve the saved text: your name and the time go on the report.
              </Text>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

function AssertionForm({
  org,
  engagementId,
  assertion,
}: {
  org: string;
  engagementId: string;
  assertion: Assertion;
}) {
  const update = useUpdateAssertion(org, engagementId);
  const form = useForm({
    mode: "controlled",
    initialValues: { text: assertion.text },
    validate: { text: atLeast(MIN_ASSERTION, "the assertion") },
    validateInputOnChange: true,
  });
  const approved = assertion.approval !== null;
  return (
    <form
      noValidate
      aria-label="Management's assertion"
      onSubmit={form.onSubmit(({ text }) =>
        update.mutate(
          { text: text.trim() },
          { onError: (error) => applyServerErrors(form, error) },
        ),
      )}
    >
      <Stack gap="sm">
        <Textarea
          label="Assertion text"
          description={
            approved
              ? "Saving a changed text withdraws the approval: an owner approves the new words."
              : undefined
          }
          autosize
          minRows={8}
          maxRows={30}
          {...form.getInputProps("text")}
        />
        <ProblemAlert error={update.error} title="Could not save the assertion" />
        <Group justify="flex-end">
          <Button
            variant="default"
            loading={
              update.isPending && update.variables !== undefined && "regenerate" in update.variables
            }
            onClick={() => update.mutate({ regenerate: true })}
          >
            Start again from the template
          </Button>
          <Button
            type="submit"
            disabled={!form.isDirty()}
            loading={
              update.isPending && update.variables !== undefined && "text" in update.variables
            }
          >
            Save assertion
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function OtherInformationSection({
  org,
  engagementId,
  text,
  canEdit,
}: {
  org: string;
  engagementId: string;
  text: string;
  canEdit: boolean;
}) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={3} size="h4" mb="xs">
        Section V · {SECTION_NAMES.V}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Other information provided by management. The auditor's opinion does not cover it.
      </Text>
      {canEdit ? (
        <OtherInformationForm key={text} org={org} engagementId={engagementId} text={text} />
      ) : text.trim() === "" ? (
        <Text c="dimmed">None.</Text>
      ) : (
        <Text style={{ whiteSpace: "pre-wrap" }}>{text}</Text>
      )}
    </Paper>
  );
}

function OtherInformationForm({
  org,
  engagementId,
  text,
}: {
  org: string;
  engagementId: string;
  text: string;
}) {
  const update = useUpdateOtherInformation(org, engagementId);
  const form = useForm({
    mode: "controlled",
    initialValues: { text },
    validate: {
      text: (value) => (value.length > 40000 ? "Keep it under 40000 characters" : null),
    },
    validateInputOnChange: true,
  });
  return (
    <form
      noValidate
      aria-label="Other information"
      onSubmit={form.onSubmit((values) =>
        update.mutate(
          { text: values.text.trim() },
          { onError: (error) => applyServerErrors(form, error) },
        ),
      )}
    >
      <Stack gap="sm">
        <Textarea
          label="Other information"
          description="For example management's plans for the exceptions found, or a note on the services."
          autosize
          minRows={4}
          maxRows={20}
          {...form.getInputProps("text")}
        />
        <ProblemAlert error={update.error} title="Could not save the other information" />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save other information
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
