import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { REVIEW_OUTCOMES } from "../../api/types.ts";
import type { VendorDetail } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { formatDay, humanize } from "../../lib/format.ts";
import { useRecordReview } from "./api.ts";

/**
 * The yearly review: the tier's checklist, the outcome, and the reviews done so far. Owners
 * and admins record it for any vendor, a control owner for the vendors they own.
 */
export function VendorReviewPanel({
  org,
  shown,
  canReview,
}: {
  org: string;
  shown: VendorDetail;
  canReview: boolean;
}) {
  const record = useRecordReview(org, shown.vendor.ref);
  const [checked, setChecked] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<string>("approved");
  const [notes, setNotes] = useState("");
  const overdue = shown.vendor.reviewDueBy < shown.today;
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="xs">
        Yearly review
      </Title>
      <Text size="sm" mb="sm" c={overdue ? "red.8" : undefined}>
        {overdue ? "Overdue: it was due by " : "Due by "}
        {formatDay(shown.vendor.reviewDueBy)}
        {shown.vendor.lastReviewedOn === null
          ? "; never reviewed."
          : `; last reviewed ${formatDay(shown.vendor.lastReviewedOn)}.`}
      </Text>
      {canReview ? (
        <Stack gap="xs" mb="md">
          <Checkbox.Group
            label={`Checklist for a tier ${shown.vendor.tier} vendor`}
            value={checked}
            onChange={setChecked}
          >
            <Stack gap={6} mt={6}>
              {shown.checklist.map((item) => (
                <Checkbox key={item.id} value={item.id} label={item.label} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Select
            label="Outcome"
            allowDeselect={false}
            data={REVIEW_OUTCOMES.map((value) => ({ value, label: humanize(value) }))}
            value={outcome}
            onChange={(value) => setOutcome(value ?? "approved")}
            w={260}
          />
          <Textarea
            label="Notes"
            description="What follows from the review (needed unless approved)"
            autosize
            minRows={2}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
          />
          <ProblemAlert error={record.error} title="Could not record the review" />
          <Group>
            <Button
              loading={record.isPending}
              onClick={() =>
                record.mutate(
                  { checked, outcome, notes },
                  {
                    onSuccess: () => {
                      setChecked([]);
                      setNotes("");
                    },
                  },
                )
              }
            >
              Record review
            </Button>
          </Group>
        </Stack>
      ) : null}
      {shown.reviews.length === 0 ? (
        <Text size="sm" c="dimmed">
          No review recorded yet.
        </Text>
      ) : (
        <Table aria-label="Reviews" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Review</Table.Th>
              <Table.Th scope="col">On</Table.Th>
              <Table.Th scope="col">Outcome</Table.Th>
              <Table.Th scope="col">By</Table.Th>
              <Table.Th scope="col">Evidence</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.reviews.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.ref}</Table.Td>
                <Table.Td>{formatDay(r.reviewedOn)}</Table.Td>
                <Table.Td>{humanize(r.outcome)}</Table.Td>
                <Table.Td>{r.reviewedBy}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/orgs/${org}/evidence/${r.evidenceId}`}>
                    Record
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
