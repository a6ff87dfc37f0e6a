import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Radio,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useParams } from "react-router";
import type { QuizResult, TrainingModuleView } from "../../api/types.ts";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDay, shortHash } from "../../lib/format.ts";
import { MarkdownView } from "../../lib/markdown.tsx";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useTakeQuiz, useTrainingModule } from "./api.ts";
import { TrainingStateBadge } from "./labels.tsx";

export function TrainingModulePage() {
  const org = useCurrentOrg();
  const { module = "" } = useParams();
  const view = useTrainingModule(org.slug, module);
  return (
    <QueryView query={view} lines={8}>
      {(m) => <ModulePage org={org.slug} module={m} />}
    </QueryView>
  );
}

function ModulePage({ org, module }: { org: string; module: TrainingModuleView }) {
  const { can } = useCurrentOrg();
  return (
    <>
      <PageHeader
        title={module.title}
        description={
          <Group gap="xs">
            {module.standing === null ? null : <TrainingStateBadge state={module.standing.state} />}
            <Text span size="sm">
              About {module.minutes} minutes. Version {module.version} (
              <code title={module.sha256}>{shortHash(module.sha256)}</code>)
              {module.standing === null
                ? ""
                : module.standing.state === "current"
                  ? `; passed on ${formatDay(module.standing.lastPassedOn)}, next due by ${formatDay(module.standing.dueBy)}`
                  : `; due by ${formatDay(module.standing.dueBy)}`}
            </Text>
          </Group>
        }
      />
      <Anchor component={Link} to={`/orgs/${org}/training`} size="sm" mb="md" display="block">
        All training
      </Anchor>
      <Stack gap="lg">
        <Paper withBorder p="lg" radius="md">
          <MarkdownView text={module.body} headingBase={2} />
        </Paper>
        {module.standing !== null && can("training:take") ? (
          <Quiz org={org} module={module} />
        ) : (
          <Alert color="gray" title="Not part of your training">
            You may read this module; its quiz is for the people it is assigned to.
          </Alert>
        )}
        {module.attempts.length === 0 ? null : (
          <Paper withBorder p="lg" radius="md">
            <Title order={2} size="h5" mb="xs">
              Your attempts
            </Title>
            <List size="sm">
              {module.attempts.map((a) => (
                <List.Item key={a.id}>
                  {formatDay(a.completedOn)}: {a.passed ? "passed" : "not passed"}
                  {a.score === null ? "" : ` with ${a.score}%`} (version {a.moduleVersion}
                  {a.source === "external" ? ", from the training provider" : ""})
                </List.Item>
              ))}
            </List>
          </Paper>
        )}
      </Stack>
    </>
  );
}

function Quiz({ org, module }: { org: string; module: TrainingModuleView }) {
  const [answers, setAnswers] = useState<(string | null)[]>(() => module.quiz.map(() => null));
  const take = useTakeQuiz(org, module.id);
  const complete = answers.every((a) => a !== null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!complete) return;
    take.mutate({ answers: answers.map((a) => Number(a)), version: module.sha256 });
  };
  const result = take.data;
  return (
    <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit}>
      <Stack gap="md">
        <Title order={2} size="h4">
          Quiz
        </Title>
        <Text size="sm">
          {module.questions} questions; {Math.round(module.passMark * 100)}% right to pass. Your
          answers are marked by the server.
        </Text>
        {module.quiz.map((question, index) => (
          <Radio.Group
            key={question.prompt}
            label={`${index + 1}. ${question.prompt}`}
            value={answers[index] ?? null}
            onChange={(value) =>
              setAnswers((previous) => previous.map((a, i) => (i === index ? value : a)))
            }
          >
            <Stack gap={6} mt="xs">
              {question.choices.map((choice, choiceIndex) => (
                <Radio key={choice} value={String(choiceIndex)} label={choice} />
              ))}
            </Stack>
            {result === undefined ? null : <Review result={result} index={index} module={module} />}
          </Radio.Group>
        ))}
        <Group>
          <Button type="submit" disabled={!complete} loading={take.isPending}>
            Submit answers
          </Button>
        </Group>
        {result === undefined ? null : result.completion.passed ? (
          <Alert color="green" title="Passed">
            {result.correct} of {result.questions} right ({result.completion.score}%). Recorded on{" "}
            {formatDay(result.completion.completedOn)} for version {result.completion.moduleVersion}
            .
          </Alert>
        ) : (
          <Alert color="red" title="Not passed yet">
            {result.correct} of {result.questions} right ({result.completion.score}%). Read the
            lesson again and retake the quiz: the questions marked wrong are shown.
          </Alert>
        )}
        {take.error ? <ProblemAlert error={take.error} title="Not recorded" /> : null}
      </Stack>
    </Paper>
  );
}

function Review({
  result,
  index,
  module,
}: {
  result: QuizResult;
  index: number;
  module: TrainingModuleView;
}) {
  const review = result.review[index];
  if (review === undefined) return null;
  const answer = review.answer === null ? null : module.quiz[index]?.choices[review.answer];
  return (
    <Stack gap={4} mt="xs">
      <Badge color={review.right ? "green" : "red"} variant="light">
        {review.right ? "right" : "wrong"}
      </Badge>
      {review.right || answer === null ? null : <Text size="sm">Right answer: {answer}</Text>}
      {review.explanation === null ? null : <Text size="sm">{review.explanation}</Text>}
    </Stack>
  );
}
