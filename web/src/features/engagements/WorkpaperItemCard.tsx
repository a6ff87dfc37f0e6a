import { Anchor, Badge, Button, FileButton, Group, Paper, Stack, Text } from "@mantine/core";
import type { ControlWorkpaper, WorkpaperItem } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { formatPeriod } from "../../lib/format.ts";
import { AttributesForm } from "./AttributesForm.tsx";
import { ItemResultForm } from "./ItemResultForm.tsx";
import { attachmentUrl, useAttach } from "./workpapers-api.ts";

export function itemDomId(controlRef: string, key: string): string {
  return `item-${controlRef}-${key}`.replace(/[^A-Za-z0-9_-]/g, "-");
}

export function statusOf(item: WorkpaperItem): string {
  if (item.result === null) return "to test";
  return item.result === "pass" ? "passed" : "exception";
}

/**
 * One sampled item: its label in words, its evidence (opened in place), its result. The
 * selected item (by click or j/k) shows its forms; the others stay one line, which keeps a
 * screen of some 500 items quick.
 */
export function WorkpaperItemCard({
  org,
  engagementId,
  control,
  item,
  selected,
  editable,
  isAuditor,
  forAuditor,
  onSelect,
  onOpenEvidence,
}: {
  org: string;
  engagementId: string;
  control: ControlWorkpaper;
  item: WorkpaperItem;
  selected: boolean;
  editable: boolean;
  isAuditor: boolean;
  forAuditor: string | null;
  onSelect: () => void;
  onOpenEvidence: () => void;
}) {
  const status = statusOf(item);
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      id={itemDomId(control.controlRef, item.key)}
      tabIndex={0}
      data-item={`${control.controlRef}/${item.key}`}
      aria-label={`${control.controlRef}, ${item.label}: ${status}`}
      aria-current={selected ? "true" : undefined}
      className="workpaper-item"
      onFocus={(event) => {
        if (event.target === event.currentTarget && !selected) onSelect();
      }}
      onClick={() => (selected ? undefined : onSelect())}
      style={selected ? { borderColor: "var(--mantine-color-blue-7)", borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>
            {item.label}{" "}
            <Text span size="sm">
              ({formatPeriod(item.from, item.to)})
            </Text>
          </Text>
          <Group gap="xs" wrap="nowrap">
            {item.evidence.length > 0 ? (
              <Button
                size="compact-xs"
                variant="light"
                onClick={(event) => {
                  event.stopPropagation();
                  onOpenEvidence();
                }}
              >
                {item.evidence.length === 1
                  ? `Evidence: ${item.evidence[0]?.title ?? ""}`
                  : `${item.evidence.length} evidence items`}
              </Button>
            ) : (
              <Badge variant="light" color="orange">
                No evidence
              </Badge>
            )}
            <Badge
              variant="light"
              color={item.result === null ? "gray" : item.result === "pass" ? "green" : "red"}
            >
              {status}
            </Badge>
            {item.attachments > 0 ? (
              <Badge variant="outline" color="gray">
                {item.attachments} own file{item.attachments === 1 ? "" : "s"}
              </Badge>
            ) : null}
          </Group>
        </Group>
        {item.result === "exception" && item.description !== null ? (
          <Text size="sm">{item.description}</Text>
        ) : null}
        {item.note !== null && item.result !== "exception" ? (
          <Text size="sm">Note: {item.note}</Text>
        ) : null}
        {selected && editable ? (
          control.steps.length > 0 ? (
            <AttributesForm
              org={org}
              engagementId={engagementId}
              controlRef={control.controlRef}
              steps={control.steps}
              item={item}
              forAuditor={forAuditor}
            />
          ) : (
            <ItemResultForm
              org={org}
              engagementId={engagementId}
              controlRef={control.controlRef}
              item={item}
              forAuditor={forAuditor}
            />
          )
        ) : null}
        {selected && isAuditor ? (
          <OwnFiles org={org} engagementId={engagementId} control={control} item={item} />
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The auditor's own files on the item: listed, downloadable, and one more attached. */
function OwnFiles({
  org,
  engagementId,
  control,
  item,
}: {
  org: string;
  engagementId: string;
  control: ControlWorkpaper;
  item: WorkpaperItem;
}) {
  const attach = useAttach(org, engagementId, control.controlRef, item.key);
  const files = control.attachments.filter((a) => a.itemKey === item.key);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Your files (never shown to the company)
        </Text>
        <FileButton onChange={(file) => (file === null ? undefined : attach.mutate(file))}>
          {(props) => (
            <Button {...props} size="compact-xs" variant="default" loading={attach.isPending}>
              Attach a file
            </Button>
          )}
        </FileButton>
      </Group>
      {files.map((f) => (
        <Anchor key={f.id} size="sm" href={attachmentUrl(org, engagementId, f.id)} download>
          {f.fileName}
        </Anchor>
      ))}
      <ProblemAlert error={attach.error} />
    </Stack>
  );
}
