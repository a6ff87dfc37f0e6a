import { Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { CategoryId } from "../../api/types.ts";
import { EmptyBlock, ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { PageHeader } from "../../lib/page.tsx";
import { useExclusion, useScope } from "../criteria/api.ts";
import { CATEGORY_INFO } from "../onboarding/categories.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useOrganization, useScopeCategory } from "./api.ts";
import { JobsSection } from "./JobsSection.tsx";
import { ConnectorsSection } from "../checks/ConnectorsSection.tsx";
import { NotificationsSection } from "../notifications/NotificationsSection.tsx";
import { OrganizationForm } from "./OrganizationForm.tsx";

export function SettingsPage() {
  const org = useCurrentOrg();
  const organization = useOrganization(org.slug);
  return (
    <>
      <PageHeader
        title="Settings"
        description={`The organization, its system and what its SOC 2 covers.`}
      />
      <Stack gap="lg">
        <Paper withBorder p="lg" radius="md">
          <Title order={2} size="h4" mb="sm">
            Organization
          </Title>
          <QueryView query={organization}>
            {(loaded) => (
              <OrganizationForm
                key={loaded.name}
                org={org.slug}
                organization={loaded}
                canEdit={org.can("organization:update")}
              />
            )}
          </QueryView>
        </Paper>
        <ScopeSettings org={org.slug} canEdit={org.can("scope:update")} />
        {org.can("notification:read") ? (
          <NotificationsSection org={org.slug} canManage={org.can("notification:manage")} />
        ) : null}
        {org.can("connector:manage") ? (
          <ConnectorsSection org={org.slug} canManage={org.can("connector:manage")} />
        ) : null}
        {org.can("job:read") ? <JobsSection org={org.slug} /> : null}
      </Stack>
    </>
  );
}

function ScopeSettings({ org, canEdit }: { org: string; canEdit: boolean }) {
  const scope = useScope(org);
  const category = useScopeCategory(org);
  const exclusion = useExclusion(org);
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        Scope
      </Title>
      <QueryView query={scope}>
        {(loaded) => (
          <Stack>
            <Stack gap="sm">
              {CATEGORY_INFO.map((info) => (
                <Checkbox
                  key={info.id}
                  label={info.name}
                  description={info.summary}
                  checked={loaded.categories.includes(info.id)}
                  disabled={!canEdit || info.id === "security" || category.isPending}
                  onChange={(event) =>
                    category.mutate({
                      category: info.id as CategoryId,
                      inScope: event.currentTarget.checked,
                    })
                  }
                />
              ))}
            </Stack>
            <ProblemAlert error={category.error} title="Could not change the scope" />
            <Title order={3} size="h5">
              Criteria marked not relevant
            </Title>
            {loaded.exclusions.length === 0 ? (
              <EmptyBlock title="None">
                <Text>Mark a criterion not relevant from the Criteria page, with the reason.</Text>
              </EmptyBlock>
            ) : (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Criterion</Table.Th>
                    <Table.Th scope="col">Reason</Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {loaded.exclusions.map((e) => (
                    <Table.Tr key={e.criterionId}>
                      <Table.Td>{e.criterionId}</Table.Td>
                      <Table.Td>{e.reason}</Table.Td>
                      <Table.Td>
                        {canEdit ? (
                          <Group justify="flex-end">
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={`Mark relevant: ${e.criterionId}`}
                              onClick={() =>
                                exclusion.mutate({ criterion: e.criterionId, reason: null })
                              }
                            >
                              Mark relevant
                            </Button>
                          </Group>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <ProblemAlert error={exclusion.error} />
          </Stack>
        )}
      </QueryView>
    </Paper>
  );
}
