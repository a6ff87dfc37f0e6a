import { Button, CloseButton, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { Control } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { useOrgCriteria } from "../criteria/api.ts";
import { useReadiness } from "../dashboard/api.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useMapping } from "./api.ts";

/** The criteria a control addresses; mapping or unmapping is recorded in its history. */
export function MappingsCard({
  org,
  control,
  canMap,
}: {
  org: string;
  control: Control;
  canMap: boolean;
}) {
  // An auditor reads no readiness: the labels come from the catalog, and they map nothing.
  const readsReadiness = useCurrentOrg().can("readiness:read");
  const readiness = useReadiness(org, readsReadiness);
  const catalog = useOrgCriteria(org, !readsReadiness);
  const mapping = useMapping(org, control.ref);
  const [adding, setAdding] = useState<string | null>(null);
  const labels = new Map(
    ((readsReadiness ? readiness.data?.criteria : catalog.data) ?? []).map((c) => [c.id, c.label]),
  );
  const available = (readiness.data?.criteria ?? [])
    .filter((c) => !control.criteria.includes(c.id))
    .map((c) => ({ value: c.id, label: `${c.id} ${c.label}` }));

  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        Criteria
      </Title>
      <Stack gap="xs">
        {control.criteria.length === 0 ? <Text>Not mapped to any criterion.</Text> : null}
        {control.criteria.map((id) => (
          <Group key={id} justify="space-between" wrap="nowrap">
            <Text>
              <strong>{id}</strong> {labels.get(id) ?? ""}
            </Text>
            {canMap ? (
              <CloseButton
                aria-label={`Remove mapping to ${id}`}
                disabled={mapping.isPending}
                onClick={() => mapping.mutate({ criterion: id, mapped: false })}
              />
            ) : null}
          </Group>
        ))}
        {canMap ? (
          <Group align="flex-end" mt="sm" wrap="nowrap">
            <Select
              label="Map to another criterion"
              placeholder="Choose a criterion"
              searchable
              data={available}
              value={adding}
              onChange={setAdding}
              style={{ flex: 1 }}
            />
            <Button
              disabled={adding === null}
              loading={mapping.isPending}
              onClick={() => {
                if (adding !== null) {
                  mapping.mutate(
                    { criterion: adding, mapped: true },
                    { onSuccess: () => setAdding(null) },
                  );
                }
              }}
            >
              Map
            </Button>
          </Group>
        ) : null}
        <ProblemAlert error={mapping.error} />
      </Stack>
    </Paper>
  );
}
