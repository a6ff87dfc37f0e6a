import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { ControlSample, Engagement, EngagementSample } from "../../api/types.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useRequests } from "./api.ts";
import { OpenRequestModal } from "./OpenRequestModal.tsx";
import { RequestStatusBadge } from "./RequestStatusBadge.tsx";

/**
 * On the testing tab, beside a control's sampled items: each item's request with the evidence
 * given for it, and for the auditor a way to ask for an item that has none.
 */
export function ItemRequests({
  engagement,
  sample,
  drawn,
  labels,
}: {
  engagement: Engagement;
  sample: EngagementSample;
  drawn: ControlSample;
  /** Each item in words, as the workpaper names it; the stored label otherwise. */
  labels?: ReadonlyMap<string, string>;
}) {
  const org = useCurrentOrg();
  const requests = useRequests(org.slug, engagement.id, undefined, org.can("request:read"));
  const [asking, setAsking] = useState<string | null>(null);
  if (!org.can("request:read")) return null;
  const mayOpen = org.can("request:open") && engagement.status === "fieldwork";
  const mine = (requests.data?.items ?? []).filter((r) => r.control === drawn.controlRef);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Requests for these items
      </Text>
      {drawn.items.map((key) => {
        const label = labels?.get(key) ?? drawn.population.find((p) => p.key === key)?.label ?? key;
        const request = mine.filter((r) => r.item === key).at(-1);
        return (
          <Group key={key} gap="xs" wrap="wrap">
            <Text size="sm">{label}:</Text>
            {request === undefined ? (
              <Text size="sm">no request</Text>
            ) : (
              <>
                <Anchor
                  size="sm"
                  component={Link}
                  to={`/orgs/${org.slug}/engagements/${engagement.id}?tab=requests`}
                >
                  {request.ref}
                </Anchor>
                <RequestStatusBadge status={request.status} />
                {request.evidence.map((e) => (
                  <Anchor
                    key={e.id}
                    size="sm"
                    component={Link}
                    to={`/orgs/${org.slug}/evidence/${e.id}`}
                  >
                    {e.title}
                  </Anchor>
                ))}
              </>
            )}
            {mayOpen && (request === undefined || request.status === "accepted") ? (
              <Button size="compact-sm" variant="default" onClick={() => setAsking(key)}>
                Request evidence for {label}
              </Button>
            ) : null}
          </Group>
        );
      })}
      {asking === null ? null : (
        <OpenRequestModal
          org={org.slug}
          engagement={engagement}
          sample={sample}
          opened
          onClose={() => setAsking(null)}
          preset={{ control: drawn.controlRef, item: asking }}
        />
      )}
    </Stack>
  );
}
