import { Anchor, Badge, Button, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { PolicySummary, PolicyTemplate } from "../../api/types.ts";
import { EmptyBlock, QueryView } from "../../lib/feedback.tsx";
import { formatDay } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { AdoptPolicyModal } from "./AdoptPolicyModal.tsx";
import { usePolicies, usePolicyTemplates } from "./api.ts";
import { PolicyStateBadge } from "./labels.tsx";

export function PoliciesPage() {
  const org = useCurrentOrg();
  const editor = org.can("policy:edit");
  const policies = usePolicies(org.slug);
  return (
    <>
      <PageHeader
        title="Policies"
        description={
          editor
            ? `${org.name}'s policies: adopt a template, edit it, have an owner approve it and publish it.`
            : `The policies of ${org.name} in force. Read each one and acknowledge it.`
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="lg" radius="md">
          <Title order={2} size="h4" mb="sm">
            {editor ? "Our policies" : "Policies in force"}
          </Title>
          <QueryView query={policies}>
            {(items) => <PolicyTable org={org.slug} policies={items} editor={editor} />}
          </QueryView>
        </Paper>
        {editor ? <TemplateLibrary org={org.slug} adopted={policies.data ?? []} /> : null}
      </Stack>
    </>
  );
}

function PolicyTable({
  org,
  policies,
  editor,
}: {
  org: string;
  policies: PolicySummary[];
  editor: boolean;
}) {
  if (policies.length === 0) {
    return (
      <EmptyBlock title="No policies yet">
        <Text>
          {editor ? "Adopt one from the template library below." : "None is published yet."}
        </Text>
      </EmptyBlock>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Policy</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">In force</Table.Th>
            {editor ? <Table.Th scope="col">Owner</Table.Th> : null}
            <Table.Th scope="col">{editor ? "Review due" : "Acknowledged"}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {policies.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/orgs/${org}/policies/${p.label}`}>
                  {p.label} {p.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <PolicyStateBadge state={p.state} />
              </Table.Td>
              <Table.Td>
                {p.current === null ? "Not published" : `Version ${p.current.version}`}
              </Table.Td>
              {editor ? <Table.Td>{p.owner}</Table.Td> : null}
              <Table.Td>
                {editor ? (
                  formatDay(p.reviewDueBy)
                ) : p.acknowledgedByMe === null ? (
                  "Not asked"
                ) : p.acknowledgedByMe ? (
                  <Badge color="green" variant="light">
                    acknowledged
                  </Badge>
                ) : (
                  <Badge color="orange" variant="light">
                    to acknowledge
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TemplateLibrary({ org, adopted }: { org: string; adopted: PolicySummary[] }) {
  const templates = usePolicyTemplates(org, true);
  const [chosen, setChosen] = useState<PolicyTemplate | null>(null);
  const taken = new Set(adopted.filter((p) => p.state !== "retired").map((p) => p.templateId));
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        Template library
      </Title>
      <QueryView query={templates}>
        {(items) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Template</Table.Th>
                  <Table.Th scope="col">Supports</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Adopt</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>
                      <Text fw={600}>{t.title}</Text>
                      <Text size="sm">{t.summary}</Text>
                    </Table.Td>
                    <Table.Td>{t.controls.join(", ")}</Table.Td>
                    <Table.Td>
                      {taken.has(t.id) ? (
                        <Text size="sm">Adopted</Text>
                      ) : (
                        <Button size="xs" variant="light" onClick={() => setChosen(t)}>
                          Adopt {t.title}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      <AdoptPolicyModal org={org} template={chosen} onClose={() => setChosen(null)} />
    </Paper>
  );
}
