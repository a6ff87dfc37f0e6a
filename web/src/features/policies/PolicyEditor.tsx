import { Button, Grid, Group, Paper, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import type { PolicyView } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { MarkdownView } from "../../lib/markdown.tsx";
import { useUpdatePolicy } from "./api.ts";

/** The working text beside its preview. Saving a changed text sends it back to draft. */
export function PolicyEditor({ org, policy }: { org: string; policy: PolicyView }) {
  const update = useUpdatePolicy(org, policy.label);
  const [title, setTitle] = useState(policy.title);
  const [body, setBody] = useState(policy.body ?? "");
  const [owner, setOwner] = useState(policy.owner);
  const changed = title !== policy.title || body !== policy.body || owner !== policy.owner;
  if (policy.state === "retired") {
    return <Text>This policy is retired; its text no longer changes.</Text>;
  }
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({
          ...(title === policy.title ? {} : { title }),
          ...(body === policy.body ? {} : { body }),
          ...(owner === policy.owner ? {} : { owner }),
        });
      }}
    >
      <Stack gap="md">
        {policy.state !== "draft" ? (
          <Text size="sm">
            Saving a new text starts a new draft; the published versions stay as they are.
          </Text>
        ) : null}
        <Group grow align="flex-start">
          <TextInput
            label="Title"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <TextInput
            label="Owner (email)"
            description="Who keeps the policy reviewed"
            value={owner}
            onChange={(e) => setOwner(e.currentTarget.value)}
          />
        </Group>
        <Grid>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Textarea
              label="Text (Markdown)"
              description="Headings (##), paragraphs, lists (-) and **bold**"
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              autosize
              minRows={16}
              maxRows={40}
              styles={{ input: { fontFamily: "monospace", fontSize: 13 } }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Paper withBorder p="md" radius="md" aria-label="Preview">
              <Title order={2} size="h5" mb="xs">
                Preview
              </Title>
              <MarkdownView text={body} headingBase={2} />
            </Paper>
          </Grid.Col>
        </Grid>
        {update.error ? <ProblemAlert error={update.error} title="Not saved" /> : null}
        <Group>
          <Button type="submit" disabled={!changed} loading={update.isPending}>
            Save draft
          </Button>
          {update.isSuccess && !changed ? <Text size="sm">Saved.</Text> : null}
        </Group>
      </Stack>
    </form>
  );
}
