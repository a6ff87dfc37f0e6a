import { Drawer, Stack, Text, Title } from "@mantine/core";
import type { WorkpaperItem } from "../../api/types.ts";
import { QueryView } from "../../lib/feedback.tsx";
import { formatPeriod } from "../../lib/format.ts";
import { EvidenceContent } from "../evidence/EvidenceDetailPage.tsx";
import { useEvidence } from "../evidence/api.ts";

/** A sampled item's evidence, opened in place beside the testing screen. */
export function EvidenceDrawer({
  org,
  controlRef,
  item,
  onClose,
}: {
  org: string;
  controlRef: string;
  item: WorkpaperItem | null;
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={item !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={item === null ? "" : `Evidence for ${controlRef}, ${item.label}`}
    >
      {item === null ? null : (
        <Stack>
          {item.evidence.length === 0 ? (
            <Text>No evidence was found for this item.</Text>
          ) : (
            item.evidence.map((e) => <EvidencePreview key={e.id} org={org} id={e.id} />)
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function EvidencePreview({ org, id }: { org: string; id: string }) {
  const evidence = useEvidence(org, id);
  return (
    <QueryView query={evidence}>
      {({ evidence: loaded }) => (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {loaded.title}
          </Title>
          <Text size="sm">
            For {formatPeriod(loaded.forFrom, loaded.forTo)}, added by {loaded.addedBy}
          </Text>
          <EvidenceContent org={org} evidence={loaded} />
        </Stack>
      )}
    </QueryView>
  );
}
