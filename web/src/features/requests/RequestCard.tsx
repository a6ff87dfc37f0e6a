import {
  Anchor,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { AuditRequest } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { formatDateTime, formatDay } from "../../lib/format.ts";
import { ReasonModal } from "../../lib/ReasonModal.tsx";
import { FileDropZone } from "../evidence/FileDropZone.tsx";
import type { CurrentOrg } from "../session/useCurrentOrg.ts";
import { useAnswerRequest, useCommentOnRequest, useDecideRequest } from "./api.ts";
import { RequestStatusBadge } from "./RequestStatusBadge.tsx";

/** What the request asks about: the control, and the sampled item in words. */
function subject(request: AuditRequest): string {
  if (request.control === null) return "Information requested";
  if (request.item === null) return request.control;
  return `${request.control} · ${request.itemLabel ?? request.item}`;
}

/** One request: what is asked, what was given, the thread, and what the caller may do next. */
export function RequestCard({
  org,
  engagementId,
  request,
  today,
}: {
  org: CurrentOrg;
  engagementId: string;
  request: AuditRequest;
  today: string;
}) {
  const record = { owner: request.addressee };
  const awaitsCompany = request.status === "open" || request.status === "returned";
  const mayAnswer = awaitsCompany && org.can("request:answer", record);
  const mayDecide = request.status === "submitted" && org.can("request:decide");
  const overdue = awaitsCompany && request.dueOn < today;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={`Request ${request.ref}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Text fw={700}>{request.ref}</Text>
            <Text fw={600}>{subject(request)}</Text>
            <RequestStatusBadge status={request.status} />
          </Group>
          <Text size="sm" c={overdue ? "red.9" : undefined}>
            To {request.addressee}, due {formatDay(request.dueOn)}
            {overdue ? " (overdue)" : ""}
          </Text>
        </Group>
        <Text>{request.description}</Text>
        {request.returnReason !== null && request.status === "returned" ? (
          <Text size="sm">Returned: {request.returnReason}</Text>
        ) : null}
        {request.status === "withdrawn" ? (
          <Text size="sm">
            Withdrawn by {request.decidedBy ?? "the auditor"} on {formatDateTime(request.decidedAt)}
            : the item left the sample when it was drawn again, so nothing is owed on it.
          </Text>
        ) : null}
        {request.evidence.length === 0 ? null : (
          <div>
            <Text size="sm" fw={600}>
              Evidence given
            </Text>
            <List size="sm">
              {request.evidence.map((e) => (
                <List.Item key={e.id}>
                  <Anchor component={Link} to={`/orgs/${org.slug}/evidence/${e.id}`}>
                    {e.title}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {request.comments.length === 0 ? null : (
          <Stack gap={4}>
            {request.comments.map((c) => (
              <Text key={c.id} size="sm">
                <strong>
                  {c.author} ({c.side === "auditor" ? "auditor" : "company"})
                </strong>
                , {formatDateTime(c.createdAt)}: {c.body}
              </Text>
            ))}
          </Stack>
        )}
        {mayAnswer ? (
          <AnswerForm org={org.slug} engagementId={engagementId} request={request} />
        ) : null}
        {mayDecide ? (
          <DecideButtons org={org.slug} engagementId={engagementId} request={request} />
        ) : null}
        {org.can("request:comment", record) ? (
          <CommentForm org={org.slug} engagementId={engagementId} request={request} />
        ) : null}
      </Stack>
    </Paper>
  );
}

function AnswerForm({
  org,
  engagementId,
  request,
}: {
  org: string;
  engagementId: string;
  request: AuditRequest;
}) {
  const answer = useAnswerRequest(org, engagementId);
  const [file, setFile] = useState<File | null>(null);
  const [ids, setIds] = useState("");
  const [comment, setComment] = useState("");
  const evidence = ids
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id !== "");
  const submit = () =>
    answer.mutate(
      {
        ref: request.ref,
        evidence,
        ...(comment.trim() === "" ? {} : { comment }),
        ...(file === null ? {} : { file }),
      },
      {
        onSuccess: () => {
          setFile(null);
          setIds("");
          setComment("");
        },
      },
    );
  return (
    <Paper withBorder p="sm" radius="sm" bg="gray.0">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          Answer {request.ref}
        </Text>
        <FileDropZone file={file} onFile={setFile} disabled={answer.isPending} />
        <TextInput
          label="Evidence already in Attest"
          description="Evidence ids, separated by commas"
          value={ids}
          onChange={(e) => setIds(e.currentTarget.value)}
        />
        <Textarea
          label={`Comment on ${request.ref}`}
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <ProblemAlert error={answer.error} title="Could not answer the request" />
        <Group>
          <Button
            onClick={submit}
            loading={answer.isPending}
            disabled={file === null && evidence.length === 0}
          >
            Submit answer
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function DecideButtons({
  org,
  engagementId,
  request,
}: {
  org: string;
  engagementId: string;
  request: AuditRequest;
}) {
  const decide = useDecideRequest(org, engagementId);
  const [returning, setReturning] = useState(false);
  return (
    <>
      <Group>
        <Button
          color="green"
          loading={decide.isPending && !returning}
          onClick={() => decide.mutate({ ref: request.ref })}
        >
          Accept {request.ref}
        </Button>
        <Button variant="default" onClick={() => setReturning(true)}>
          Return {request.ref}
        </Button>
      </Group>
      {returning ? null : <ProblemAlert error={decide.error} title="Could not decide" />}
      <ReasonModal
        opened={returning}
        onClose={() => setReturning(false)}
        title={`Return ${request.ref}`}
        description="Say what the answer lacks: the company reads it and answers again."
        confirmLabel="Return to the company"
        pending={decide.isPending}
        error={decide.error}
        onConfirm={(reason, onError) =>
          decide.mutate(
            { ref: request.ref, reason },
            { onSuccess: () => setReturning(false), onError },
          )
        }
      />
    </>
  );
}

function CommentForm({
  org,
  engagementId,
  request,
}: {
  org: string;
  engagementId: string;
  request: AuditRequest;
}) {
  const comment = useCommentOnRequest(org, engagementId);
  const [body, setBody] = useState("");
  return (
    <Group align="flex-end" gap="xs">
      <TextInput
        label={`Add a comment to ${request.ref}`}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        style={{ flex: 1 }}
      />
      <Button
        variant="default"
        loading={comment.isPending}
        disabled={body.trim() === ""}
        onClick={() => comment.mutate({ ref: request.ref, body }, { onSuccess: () => setBody("") })}
      >
        Comment
      </Button>
      <ProblemAlert error={comment.error} title="Could not comment" />
    </Group>
  );
}
