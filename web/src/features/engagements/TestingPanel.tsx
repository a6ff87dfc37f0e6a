import {
  Accordion,
  Alert,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useEffect, useMemo, useState } from "react";
import type {
  ControlWorkpaper,
  Engagement,
  EngagementResults,
  EngagementSample,
  WorkpaperItem,
} from "../../api/types.ts";
import { ConclusionBadge } from "../../lib/badges.tsx";
import { EmptyBlock, QueryView } from "../../lib/feedback.tsx";
import { ControlTestForm } from "./ControlTestForm.tsx";
import { EvidenceDrawer } from "./EvidenceDrawer.tsx";
import { StepsEditor } from "./StepsEditor.tsx";
import { WorkpaperItemCard, itemDomId, statusOf } from "./WorkpaperItemCard.tsx";
import { ItemRequests } from "../requests/ItemRequests.tsx";
import { useRequests } from "../requests/api.ts";
import { useAuditors } from "./api.ts";
import { useWorkpapers } from "./workpapers-api.ts";

/** What the auditor can narrow the controls to. */
const FILTERS = [
  { value: "all", label: "All" },
  { value: "to-test", label: "To test" },
  { value: "exceptions", label: "Exceptions" },
  { value: "requests-open", label: "Requests open" },
] as const;
type Filter = (typeof FILTERS)[number]["value"];

function matches(
  filter: Filter,
  control: ControlWorkpaper,
  withOpenRequests: ReadonlySet<string>,
): boolean {
  // A request still waits on someone until the auditor accepts it.
  if (filter === "requests-open") return withOpenRequests.has(control.controlRef);
  if (filter === "to-test") {
    return (
      control.items.some((i) => i.result === null) ||
      control.conclusion === "not-tested" ||
      control.conclusion === "not-evaluated"
    );
  }
  if (filter === "exceptions") {
    return (
      control.conclusion === "exception-noted" ||
      control.conclusion === "design-deficiency" ||
      control.items.some((i) => i.result === "exception")
    );
  }
  return true;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) ||
    target.getAttribute("role") === "radio"
  );
}

/** Test entry: per control the steps, test and conclusion, per sampled item the result. */
export function TestingPanel(props: {
  org: string;
  engagement: Engagement;
  results: EngagementResults;
  sample: EngagementSample | null;
  canTest: boolean;
  /** An auditor records as themselves; anyone else enters results for an assigned auditor. */
  isAuditor: boolean;
}) {
  const workpapers = useWorkpapers(props.org, props.engagement.id);
  if (props.engagement.snapshot === null)
    return <Text>Tests are recorded in fieldwork, once the scope is frozen.</Text>;
  return (
    <QueryView query={workpapers}>
      {(loaded) => (
        <Testing {...props} controls={loaded.controls} progress={loaded.progress.sentence} />
      )}
    </QueryView>
  );
}

function Testing({
  org,
  engagement,
  results,
  sample,
  canTest,
  isAuditor,
  controls,
  progress,
}: {
  org: string;
  engagement: Engagement;
  results: EngagementResults;
  sample: EngagementSample | null;
  canTest: boolean;
  isAuditor: boolean;
  controls: ControlWorkpaper[];
  progress: string;
}) {
  const auditors = useAuditors(org, engagement.id, canTest && !isAuditor);
  const [chosen, setChosen] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>("all");
  const [open, setOpen] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [focusWanted, setFocusWanted] = useState(false);
  const [evidenceOf, setEvidenceOf] = useState<{ control: string; item: WorkpaperItem } | null>(
    null,
  );
  const requests = useRequests(org, engagement.id);
  const withOpenRequests = useMemo(
    () =>
      new Set(
        (requests.data?.items ?? [])
          .filter((r) => r.status !== "accepted" && r.control !== null)
          .map((r) => r.control ?? ""),
      ),
    [requests.data],
  );
  const shown = useMemo(
    () => controls.filter((c) => matches(filter, c, withOpenRequests)),
    [controls, filter, withOpenRequests],
  );
  // Every item of the controls shown, in order: what j and k walk through.
  const order = useMemo(
    () =>
      shown.flatMap((c) =>
        c.items.map((item) => ({ id: `${c.controlRef}/${item.key}`, control: c, item })),
      ),
    [shown],
  );
  const position = order.findIndex((o) => o.id === selected);
  const current = position < 0 ? undefined : order[position];

  useEffect(() => {
    if (!focusWanted || current === undefined) return;
    document.getElementById(itemDomId(current.control.controlRef, current.item.key))?.focus();
    setFocusWanted(false);
  }, [focusWanted, current]);

  /** From a control's header, the first move lands on that control's first item. */
  const move = (step: 1 | -1, fromControl: string | null) => {
    if (order.length === 0) return;
    const start =
      fromControl === null ? -1 : order.findIndex((o) => o.control.controlRef === fromControl);
    const next =
      start >= 0
        ? order[start]
        : order[position < 0 ? 0 : Math.min(order.length - 1, Math.max(0, position + step))];
    if (next === undefined) return;
    setSelected(next.id);
    setOpen((now) =>
      now.includes(next.control.controlRef) ? now : [...now, next.control.controlRef],
    );
    setFocusWanted(true);
  };

  const assigned = auditors.data ?? [];
  const forAuditor = isAuditor ? null : (chosen ?? assigned[0]?.email ?? null);
  const editable =
    canTest && engagement.status === "fieldwork" && (isAuditor || forAuditor !== null);
  const needsSample = engagement.type === 2 && sample === null;
  const snapshot = engagement.snapshot;
  if (controls.length === 0) {
    return (
      <EmptyBlock title="No controls to test">
        <Text>No applicable control was in scope when fieldwork began.</Text>
      </EmptyBlock>
    );
  }
  return (
    <Stack
      onKeyDown={(event) => {
        if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
        const target = event.target instanceof HTMLElement ? event.target : null;
        const onItem = target?.closest("[data-item]") != null;
        const header = onItem ? null : (target?.closest("[data-control]") ?? null);
        const fromControl = header?.getAttribute("data-control") ?? null;
        if (event.key === "j" || (onItem && event.key === "ArrowDown")) {
          event.preventDefault();
          move(1, fromControl);
        } else if (event.key === "k" || (onItem && event.key === "ArrowUp")) {
          event.preventDefault();
          move(-1, fromControl);
        }
      }}
    >
      <Group justify="space-between" align="flex-end">
        <Text fw={600} role="status" data-testid="testing-progress">
          {progress}
        </Text>
        <SegmentedControl
          aria-label="Show controls"
          data={FILTERS.map((f) => ({ ...f }))}
          value={filter}
          onChange={(value) => setFilter(FILTERS.find((f) => f.value === value)?.value ?? "all")}
        />
      </Group>
      <Text size="sm">
        Move between sampled items with j and k (or the arrow keys on an item); each item opens its
        result form when selected.
      </Text>
      <VisuallyHidden aria-live="polite" data-testid="item-announcement">
        {current === undefined
          ? ""
          : `Item ${position + 1} of ${order.length}: ${current.control.controlRef}, ` +
            `${current.item.label}, ${statusOf(current.item)}`}
      </VisuallyHidden>
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
      {shown.length === 0 ? <Text>No control matches this filter.</Text> : null}
      <Accordion
        variant="separated"
        multiple
        value={open}
        onChange={setOpen}
        // Panels mount their forms when opened; no height animation to measure them against.
        transitionDuration={0}
      >
        {shown.map((paper) => {
          const control = snapshot?.controls.find((c) => c.ref === paper.controlRef);
          const outcome = results.controls.find((o) => o.controlRef === paper.controlRef);
          const isOpen = open.includes(paper.controlRef);
          const drawn = sample?.controls.find((c) => c.controlRef === paper.controlRef);
          const toTest = paper.items.filter((i) => i.result === null).length;
          return (
            <Accordion.Item
              key={paper.controlRef}
              value={paper.controlRef}
              data-control={paper.controlRef}
            >
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap" pr="sm">
                  <Text fw={600}>
                    {paper.controlRef} {paper.title}
                  </Text>
                  <Group gap="xs" wrap="nowrap">
                    {paper.items.length > 0 ? (
                      <Text size="sm">
                        {paper.items.length - toTest} of {paper.items.length} tested
                      </Text>
                    ) : null}
                    <ConclusionBadge conclusion={paper.conclusion} />
                  </Group>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {/* Only open controls render their forms: 87 of them at once would crawl. */}
                {!isOpen || control === undefined ? null : (
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
                    {engagement.type === 2 ? (
                      <StepsEditor
                        key={paper.steps.map((s) => s.id).join(",")}
                        org={org}
                        engagementId={engagement.id}
                        controlRef={paper.controlRef}
                        steps={paper.steps}
                        editable={editable}
                        forAuditor={forAuditor}
                      />
                    ) : null}
                    {paper.items.length === 0 ? null : (
                      <Stack gap="xs">
                        <Title order={2} size="h6">
                          Sampled items ({paper.items.length})
                        </Title>
                        {paper.summary ? <Text size="sm">{paper.summary}</Text> : null}
                        {paper.items.map((item) => {
                          const id = `${paper.controlRef}/${item.key}`;
                          return (
                            <WorkpaperItemCard
                              key={`${id}:${item.result ?? ""}:${item.attributes.join(",")}`}
                              org={org}
                              engagementId={engagement.id}
                              control={paper}
                              item={item}
                              selected={selected === id}
                              editable={editable}
                              isAuditor={isAuditor}
                              forAuditor={forAuditor}
                              onSelect={() => setSelected(id)}
                              onOpenEvidence={() =>
                                setEvidenceOf({ control: paper.controlRef, item })
                              }
                            />
                          );
                        })}
                        {drawn === undefined || sample === null ? null : (
                          <ItemRequests
                            engagement={engagement}
                            sample={sample}
                            drawn={drawn}
                            labels={new Map(paper.items.map((i) => [i.key, i.label]))}
                          />
                        )}
                      </Stack>
                    )}
                  </Stack>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      <EvidenceDrawer
        org={org}
        controlRef={evidenceOf?.control ?? ""}
        item={evidenceOf?.item ?? null}
        onClose={() => setEvidenceOf(null)}
      />
    </Stack>
  );
}
