import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { AccessReviewDetail, ReviewAccount } from "../../api/types.ts";
import { EmptyBlock, ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDay, humanize } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { AccountFlags } from "./AccountFlags.tsx";
import { useAccessReview, useDecide } from "./api.ts";
import type { DecisionInput } from "./api.ts";

type Filter = "flagged" | "undecided" | "all";

/**
 * The reviewer's screen: flagged accounts first (and by default only them), one small form per
 * account. Everything is reachable by keyboard: Tab moves between accounts, the arrow keys
 * choose the decision, and Enter in the comment saves it.
 */
export function DecisionPage() {
  const org = useCurrentOrg();
  const { review = "" } = useParams();
  const campaign = useAccessReview(org.slug, review);
  return (
    <QueryView query={campaign} lines={6}>
      {(c) => <Decisions campaign={c} />}
    </QueryView>
  );
}

function Decisions({ campaign: c }: { campaign: AccessReviewDetail }) {
  const org = useCurrentOrg();
  const [filter, setFilter] = useState<Filter>("flagged");
  const decide = useDecide(org.slug, c.ref);
  const shown = c.accountViews.filter((a) =>
    filter === "flagged" ? a.flags.length > 0 : filter === "undecided" ? a.decision === null : true,
  );
  const plain = c.accountViews.filter((a) => a.flags.length === 0 && a.decision === null);
  const editable = c.status === "open" && c.reviewer;
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={`/orgs/${org.slug}/access-reviews`}>
          Access reviews
        </Anchor>
        <Anchor component={Link} to={`/orgs/${org.slug}/access-reviews/${c.ref}`}>
          {c.ref}
        </Anchor>
        <Text>Decide</Text>
      </Breadcrumbs>
      <PageHeader
        title={`Decide: ${c.ref} ${c.name}`}
        description={`${c.decided} of ${c.accounts} accounts decided, ${c.flagged} flagged; due ${formatDay(c.dueOn)}. Keeping a flagged account needs a comment saying why.`}
      />
      {editable ? null : (
        <Text mb="md">
          {c.status === "open"
            ? "Only the campaign's reviewers decide its accounts."
            : "The campaign is completed and frozen."}
        </Text>
      )}
      <Group justify="space-between" mb="md" wrap="wrap">
        <SegmentedControl
          aria-label="Show accounts"
          value={filter}
          onChange={(value) => setFilter(value as Filter)}
          data={[
            { value: "flagged", label: `Flagged (${c.flagged})` },
            { value: "undecided", label: `Undecided (${c.accounts - c.decided})` },
            { value: "all", label: `All (${c.accounts})` },
          ]}
        />
        {editable && plain.length > 0 ? (
          <Button
            variant="default"
            loading={decide.isPending}
            onClick={() =>
              decide.mutate(
                plain.map((a) => ({ account: a.id, decision: "keep" as const, comment: null })),
              )
            }
          >
            Keep the {plain.length} unflagged undecided accounts
          </Button>
        ) : null}
      </Group>
      <ProblemAlert error={decide.error} title="The decisions were not saved" />
      {shown.length === 0 ? (
        <EmptyBlock title="Nothing to show">
          <Text>No account matches this filter.</Text>
        </EmptyBlock>
      ) : (
        <Stack gap="sm">
          {shown.map((a) => (
            <DecisionRow key={a.id} review={c.ref} account={a} editable={editable} />
          ))}
        </Stack>
      )}
    </>
  );
}

function DecisionRow({
  review,
  account: a,
  editable,
}: {
  review: string;
  account: ReviewAccount;
  editable: boolean;
}) {
  const org = useCurrentOrg();
  const decide = useDecide(org.slug, review);
  const [decision, setDecision] = useState<DecisionInput["decision"] | null>(a.decision);
  const [comment, setComment] = useState(a.comment ?? "");
  const name = `${a.account} on ${a.system}`;
  const changed = decision !== a.decision || (comment.trim() || null) !== a.comment;
  return (
    <Paper withBorder p="sm" radius="md">
      <form
        aria-label={`Decide ${name}`}
        onSubmit={(event) => {
          event.preventDefault();
          if (decision === null) return;
          decide.mutate([{ account: a.id, decision, comment: comment.trim() || null }]);
        }}
      >
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={2} miw={220}>
            <Text fw={600}>{a.account}</Text>
            <Text size="sm">
              {a.system} · {a.email}
            </Text>
            <Text size="sm">{a.personName ?? "Not in the people register"}</Text>
            <AccountFlags flags={a.flags} />
            {a.reason === null ? null : <Text size="sm">{a.reason}</Text>}
          </Stack>
          <Radio.Group
            label={`Decision for ${name}`}
            value={decision}
            onChange={(value) => setDecision(value as DecisionInput["decision"])}
          >
            <Group gap="md" mt={6}>
              <Radio value="keep" label="Keep" disabled={!editable} />
              <Radio value="change" label="Change" disabled={!editable} />
              <Radio value="remove" label="Remove" disabled={!editable} />
            </Group>
          </Radio.Group>
          <TextInput
            label="Comment"
            aria-label={`Comment on ${name}`}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            disabled={!editable}
            w={260}
          />
          <Stack gap={4} align="flex-start">
            <Button
              type="submit"
              mt={22}
              disabled={!editable || decision === null || !changed}
              loading={decide.isPending}
            >
              Save
            </Button>
            <Text size="xs" role="status">
              {a.decision === null
                ? "Undecided"
                : `Decided: ${humanize(a.decision)} by ${a.decidedBy ?? ""}`}
            </Text>
          </Stack>
        </Group>
        <ProblemAlert error={decide.error} title={`${a.account} was not saved`} />
      </form>
    </Paper>
  );
}
