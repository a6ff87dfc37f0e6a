import { Accordion, Alert, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { Engagement, EngagementResults, EngagementSample } from "../../api/types.ts";
import { ConclusionBadge } from "../../lib/badges.tsx";
import { EmptyBlock } from "../../lib/feedback.tsx";
import { ControlTestForm } from "./ControlTestForm.tsx";
import { ItemResultForm } from "./ItemResultForm.tsx";
import { ItemRequests } from "../requests/ItemRequests.tsx";
import { useAuditors } from "./api.ts";

/** Test entry for the auditor: per control the procedure and conclusion, per sampled item the result. */
export function TestingPanel({
  org,
  engagement,
  results,
  sample,
  canTest,
  isAuditor,
}: {
  org: string;
  engagement: Engagement;
  results: EngagementResults;
  sample: EngagementSample | null;
  canTest: boolean;
  /** An auditor records as themselves; anyone else enters results for an assigned auditor. */
  isAuditor: boolean;
}) {
  const auditors = useAuditors(org, engagement.id, canTest && !isAuditor);
  const [chosen, setChosen] = useState<string | null>(null);
  const snapshot = engagement.snapshot;
  if (snapshot === null)
    return <Text>Tests are recorded in fieldwork, once the scope is frozen.</Text>;
  const tested = snapshot.controls.filter((c) => c.status !== "not-applicable");
  if (tested.length === 0) {
    return (
      <EmptyBlock title="No controls to test">
        <Text>No applicable control was in scope when fieldwork began.</Text>
      </EmptyBlock>
    );
  }
  const assigned = auditors.data ?? [];
  // The owner enters what the auditor reports, for one assigned auditor named here.
  const forAuditor = isAuditor ? null : (chosen ?? assigned[0]?.email ?? null);
  const mayEnter = isAuditor || forAuditor !== null;
  const editable = canTest && engagement.status === "fieldwork" && mayEnter;
  const needsSample = engagement.type === 2 && sample === null;
  return (
    <Stack>
      {canTest && !isAuditor ? (
        assigned.length === 0 ? (
          <Alert color="yellow" title="No auditor assigned">
            Results are the auditor&apos;s: assign an auditor account to this engagement before
            entering tests or results on their behalf.
          </Alert>
        ) : (
          <Select
            label="Entering results for"
            description="You enter what this auditor reports; each entry is marked as entered by you."
            data={assigned.map((a) => ({ value: a.email, label: `${a.name} (${a.email})` }))}
            value={forAuditor}
            onChange={setChosen}
            allowDeselect={false}
            maw={420}
          />
        )
      ) : null}
      {needsSample ? (
        <Text>Draw the sample first: item results are recorded against it.</Text>
      ) : null}
      {!editable ? <Text>Tests can be entered while the engagement is in fieldwork.</Text> : null}
      <Accordion variant="separated" multiple>
        {tested.map((control) => {
          const outcome = results.controls.find((o) => o.controlRef === control.ref);
          const drawn = sample?.controls.find((c) => c.controlRef === control.ref);
          return (
            <Accordion.Item key={control.ref} value={control.ref}>
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap" pr="sm">
                  <Text fw={600}>
                    {control.ref} {control.title}
                  </Text>
                  {outcome === undefined ? null : (
                    <ConclusionBadge conclusion={outcome.conclusion} />
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack>
                  {editable ? (
                    <ControlTestForm
                      org={org}
                      engagementId={engagement.id}
                      type={engagement.type}
                      control={control}
                      test={outcome?.test ?? null}
                      forAuditor={forAuditor}
                    />
                  ) : (
                    <Text>
                      {outcome?.test === null || outcome?.test === undefined
                        ? "No test recorded."
                        : outcome.test.procedure}
                    </Text>
                  )}
                  {outcome?.note ? (
                    <Text size="sm" c="dimmed">
                      {outcome.note}
                    </Text>
                  ) : null}
                  {outcome?.test?.enteredBy ? (
                    <Text size="sm">
                      Test by {outcome.test.tester}, entered by {outcome.test.enteredBy} on the
                      auditor&apos;s behalf.
                    </Text>
                  ) : null}
                  {drawn === undefined ? null : (
                    <Stack gap="xs">
                      <Title order={2} size="h6">
                        Sampled items ({drawn.items.length})
                      </Title>
                      {outcome?.summary ? <Text size="sm">{outcome.summary}</Text> : null}
                      {drawn.items.map((key) => (
                        <ItemResultForm
                          key={key}
                          org={org}
                          engagementId={engagement.id}
                          controlRef={control.ref}
                          itemKey={key}
                          occurrence={drawn.population.find((p) => p.key === key)}
                          recorded={outcome?.exceptions.find((e) => e.itemKey === key)}
                          forAuditor={forAuditor}
                          canTest={editable}
                        />
                      ))}
                      {sample === null ? null : (
                        <ItemRequests engagement={engagement} sample={sample} drawn={drawn} />
                      )}
                    </Stack>
                  )}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </Stack>
  );
}
