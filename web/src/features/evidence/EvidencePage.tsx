import { Button, Group, Select, Text } from "@mantine/core";
import { EVIDENCE_KINDS } from "../../api/types.ts";
import { EmptyBlock, LoadingBlock, ProblemAlert } from "../../lib/feedback.tsx";
import { humanize } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useSearchParam } from "../../lib/search-params.ts";
import { useAllControls } from "../controls/api.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { AddEvidenceModal } from "./AddEvidenceModal.tsx";
import { useEvidenceList } from "./api.ts";
import { EvidenceTable } from "./EvidenceTable.tsx";

export function EvidencePage() {
  const org = useCurrentOrg();
  const [params, setParam] = useSearchParam(["add"]);
  const control = params.get("control");
  const kind = params.get("kind");
  const adding = params.get("add") === "1";
  const evidence = useEvidenceList(org.slug, {
    ...(control === null ? {} : { control }),
    ...(kind === null ? {} : { kind }),
  });
  const controls = useAllControls(org.slug);

  return (
    <>
      <PageHeader
        title="Evidence"
        description="Files, links and records that show your controls operate, each for a date or period."
        actions={
          org.can("evidence:create") ? (
            <Button onClick={() => setParam("add", "1")}>Add evidence</Button>
          ) : undefined
        }
      />
      <Group mb="md" align="flex-end">
        <Select
          label="Control"
          placeholder="Any control"
          clearable
          searchable
          data={(controls.data ?? []).map((c) => ({ value: c.ref, label: `${c.ref} ${c.title}` }))}
          value={control}
          onChange={(value) => setParam("control", value)}
          w={300}
        />
        <Select
          label="Kind"
          placeholder="Any kind"
          clearable
          data={EVIDENCE_KINDS.map((value) => ({ value, label: humanize(value) }))}
          value={kind}
          onChange={(value) => setParam("kind", value)}
          w={180}
        />
      </Group>
      {evidence.isPending ? <LoadingBlock lines={8} /> : null}
      <ProblemAlert error={evidence.error} />
      {evidence.items?.length === 0 ? (
        <EmptyBlock title="No evidence yet">
          <Text>Add a screenshot, an export or a link that shows a control at work.</Text>
        </EmptyBlock>
      ) : null}
      {evidence.items !== undefined && evidence.items.length > 0 ? (
        <EvidenceTable org={org.slug} items={evidence.items} />
      ) : null}
      {evidence.hasNextPage ? (
        <Button
          variant="default"
          mt="md"
          loading={evidence.isFetchingNextPage}
          onClick={() => void evidence.fetchNextPage()}
        >
          Load more
        </Button>
      ) : null}
      {org.can("evidence:create") ? (
        <AddEvidenceModal
          key={control ?? ""}
          opened={adding}
          presetControl={control}
          onClose={() => setParam("add", null)}
        />
      ) : null}
    </>
  );
}
