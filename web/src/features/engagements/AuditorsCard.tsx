import { Button, CloseButton, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { useMembers } from "../members/api.ts";
import { useAssignAuditor, useAuditors } from "./api.ts";

/** Which of the organization's auditor accounts may see and test this engagement. */
export function AuditorsCard({
  org,
  engagementId,
  canManage,
}: {
  org: string;
  engagementId: string;
  canManage: boolean;
}) {
  const auditors = useAuditors(org, engagementId);
  const members = useMembers(org, canManage);
  const assign = useAssignAuditor(org, engagementId);
  const [choice, setChoice] = useState<string | null>(null);
  const assigned = new Set((auditors.data ?? []).map((a) => a.userId));
  const candidates = (members.data ?? [])
    .filter((m) => m.role === "auditor" && !assigned.has(m.userId))
    .map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }));
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        Auditor accounts
      </Title>
      <QueryView query={auditors} lines={2}>
        {(items) => (
          <Stack gap="xs">
            {items.length === 0 ? <Text>No auditor account is assigned.</Text> : null}
            {items.map((auditor) => (
              <Group key={auditor.userId} justify="space-between" wrap="nowrap">
                <Text>
                  {auditor.name}{" "}
                  <Text span size="sm">
                    ({auditor.email})
                  </Text>
                </Text>
                {canManage ? (
                  <CloseButton
                    aria-label={`Unassign ${auditor.name}`}
                    onClick={() => assign.mutate({ userId: auditor.userId, assigned: false })}
                  />
                ) : null}
              </Group>
            ))}
            {canManage ? (
              <Group align="flex-end" wrap="nowrap" mt="xs">
                <Select
                  label="Assign an auditor"
                  placeholder={
                    candidates.length === 0
                      ? "Invite someone with the auditor role first"
                      : "Choose"
                  }
                  data={candidates}
                  value={choice}
                  onChange={setChoice}
                  style={{ flex: 1 }}
                />
                <Button
                  disabled={choice === null}
                  loading={assign.isPending}
                  onClick={() =>
                    choice !== null &&
                    assign.mutate(
                      { userId: choice, assigned: true },
                      { onSuccess: () => setChoice(null) },
                    )
                  }
                >
                  Assign
                </Button>
              </Group>
            ) : null}
            <ProblemAlert error={assign.error} />
          </Stack>
        )}
      </QueryView>
    </Paper>
  );
}
