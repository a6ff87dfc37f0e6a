import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { REPORT_SECTIONS } from "../../api/types.ts";
import type { CommentAction, ReportSection, ReviewComment, ReviewThread } from "../../api/types.ts";
import { EmptyBlock, ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime, humanize } from "../../lib/format.ts";
import { applyServerErrors, required } from "../../lib/forms.ts";
import { useOpenThread, useReply, useThreads } from "./api.ts";
import { THREAD_STATUS_COLOR, sectionLabel } from "./labels.ts";

/** The auditor and the company discuss the draft; every thread is resolved before finalizing. */
export function ReviewThreads({
  org,
  engagementId,
  canReview,
}: {
  org: string;
  engagementId: string;
  canReview: boolean;
}) {
  const threads = useThreads(org, engagementId);
  const [show, setShow] = useState<"unresolved" | "all">("all");
  return (
    <Stack>
      {canReview ? <OpenThreadForm org={org} engagementId={engagementId} /> : null}
      <QueryView query={threads}>
        {(items) => {
          const unresolved = items.filter((t) => t.status !== "resolved");
          // What still needs an answer first, then the newest.
          const shown = (show === "all" ? items : unresolved).toSorted(
            (a, b) =>
              Number(a.status === "resolved") - Number(b.status === "resolved") ||
              b.number - a.number,
          );
          return (
            <Stack>
              <Group justify="space-between">
                <Text>
                  {items.length === 0
                    ? "No review threads yet."
                    : `${unresolved.length} of ${items.length} ${items.length === 1 ? "thread" : "threads"} not resolved.`}
                </Text>
                {items.length === 0 ? null : (
                  <SegmentedControl
                    aria-label="Threads shown"
                    value={show}
                    onChange={(value) => setShow(value as "unresolved" | "all")}
                    data={[
                      { value: "all", label: "All" },
                      { value: "unresolved", label: "Not resolved" },
                    ]}
                  />
                )}
              </Group>
              {shown.length === 0 && items.length > 0 ? (
                <EmptyBlock title="Every thread is resolved">
                  <Text>Nothing in review holds the report back.</Text>
                </EmptyBlock>
              ) : null}
              {shown.map((thread) => (
                <ThreadCard
                  key={thread.id}
                  org={org}
                  engagementId={engagementId}
                  thread={thread}
                  canReview={canReview}
                />
              ))}
            </Stack>
          );
        }}
      </QueryView>
    </Stack>
  );
}

function OpenThreadForm({ org, engagementId }: { org: string; engagementId: string }) {
  const open = useOpenThread(org, engagementId);
  const form = useForm({
    mode: "controlled",
    initialValues: { section: "", item: "", body: "" },
    validate: {
      section: (value) => (value === "" ? "Choose the section" : null),
      item: (value) => (value.trim().length > 100 ? "Keep it under 100 characters" : null),
      body: required("the comment"),
    },
    validateInputOnChange: true,
  });
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={3} size="h4" mb="sm">
        Open a review thread
      </Title>
      <form
        noValidate
        aria-label="Open a review thread"
        onSubmit={form.onSubmit((values) =>
          open.mutate(
            {
              section: values.section as ReportSection,
              ...(values.item.trim() === "" ? {} : { item: values.item.trim() }),
              body: values.body.trim(),
            },
            {
              onSuccess: () => form.reset(),
              onError: (error) => applyServerErrors(form, error),
            },
          ),
        )}
      >
        <Stack gap="sm">
          <Group grow align="flex-start">
            <Select
              label="Section"
              placeholder="Choose"
              required
              data={REPORT_SECTIONS.map((value) => ({ value, label: sectionLabel(value) }))}
              {...form.getInputProps("section")}
            />
            <TextInput
              label="Item"
              description="Optional: CC8.1, GOV-01, DC4…"
              {...form.getInputProps("item")}
            />
          </Group>
          <Textarea label="Comment" autosize minRows={2} required {...form.getInputProps("body")} />
          <ProblemAlert error={open.error} title="Could not open the thread" />
          <Group justify="flex-end">
            <Button type="submit" loading={open.isPending}>
              Open thread
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const ACTION_WORDS: Record<CommentAction, string> = {
  comment: "",
  resolved: "resolved the thread",
  disputed: "disputed the thread",
  reopened: "reopened the thread",
};

function ThreadCard({
  org,
  engagementId,
  thread,
  canReview,
}: {
  org: string;
  engagementId: string;
  thread: ReviewThread;
  canReview: boolean;
}) {
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="article"
      aria-label={`Thread T-${thread.number}`}
    >
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={3} size="h5">
            T-{thread.number} · Section {sectionLabel(thread.section)}
            {thread.item === null ? "" : ` · ${thread.item}`}
          </Title>
          <Text size="sm" c="dimmed">
            Opened {formatDateTime(thread.createdAt)} on draft version {thread.draftVersion}
          </Text>
        </div>
        <Badge color={THREAD_STATUS_COLOR[thread.status]} variant="light">
          {humanize(thread.status)}
        </Badge>
      </Group>
      <Stack gap="xs">
        {thread.comments.map((comment) => (
          <Comment key={comment.id} comment={comment} />
        ))}
      </Stack>
      {canReview ? <ReplyForm org={org} engagementId={engagementId} thread={thread} /> : null}
    </Paper>
  );
}

function Comment({ comment }: { comment: ReviewComment }) {
  const auditor = comment.authorRole === "auditor";
  return (
    <Paper
      p="sm"
      radius="sm"
      bg={auditor ? "blue.0" : "gray.0"}
      ml={auditor ? 0 : "xl"}
      mr={auditor ? "xl" : 0}
    >
      <Text size="sm">
        <strong>{comment.authorName}</strong> ({humanize(comment.authorRole)}) ·{" "}
        {formatDateTime(comment.createdAt)}
        {comment.action === "comment" ? "" : ` · ${ACTION_WORDS[comment.action]}`}
      </Text>
      <Text style={{ whiteSpace: "pre-wrap" }}>{comment.body}</Text>
    </Paper>
  );
}

function ReplyForm({
  org,
  engagementId,
  thread,
}: {
  org: string;
  engagementId: string;
  thread: ReviewThread;
}) {
  const reply = useReply(org, engagementId, thread.number);
  const form = useForm({
    mode: "controlled",
    initialValues: { body: "" },
    validate: { body: required("a comment") },
    validateInputOnChange: true,
  });
  const send = (action: CommentAction) =>
    form.onSubmit(({ body }) =>
      reply.mutate(
        { action, body: body.trim() },
        {
          onSuccess: () => form.reset(),
          onError: (error) => applyServerErrors(form, error),
        },
      ),
    )();
  const actions: { action: CommentAction; label: string; color?: string }[] = [
    ...(thread.status !== "resolved"
      ? [{ action: "resolved" as const, label: "Resolve", color: "green" }]
      : []),
    ...(thread.status !== "disputed"
      ? [{ action: "disputed" as const, label: "Dispute", color: "red" }]
      : []),
    ...(thread.status !== "open" ? [{ action: "reopened" as const, label: "Reopen" }] : []),
  ];
  const pending = (action: CommentAction) => reply.isPending && reply.variables?.action === action;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send("comment");
      }}
    >
      <Stack gap="xs" mt="sm">
        <Textarea
          label={`Reply to T-${thread.number}`}
          description="A status change is sent with this comment, which says why."
          autosize
          minRows={2}
          {...form.getInputProps("body")}
        />
        <ProblemAlert error={reply.error} />
        <Group justify="flex-end" gap="xs">
          {actions.map(({ action, label, color }) => (
            <Button
              key={action}
              variant="light"
              color={color}
              size="xs"
              loading={pending(action)}
              onClick={() => send(action)}
            >
              {label}
            </Button>
          ))}
          <Button type="submit" size="xs" loading={pending("comment")}>
            Reply
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
