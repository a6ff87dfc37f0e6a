import { Anchor, Button, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Link } from "react-router";
import { EngagementStatusBadge } from "../../lib/badges.tsx";
import { EmptyBlock, QueryView } from "../../lib/feedback.tsx";
import { PageHeader } from "../../lib/page.tsx";
import { categoryName } from "../onboarding/categories.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useEngagements } from "./api.ts";
import { engagementLabel, engagementWhen } from "./labels.ts";
import { NewEngagementModal } from "./NewEngagementModal.tsx";

export function EngagementsPage() {
  const org = useCurrentOrg();
  const engagements = useEngagements(org.slug);
  const [creating, create] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title="Engagements"
        description="Audits with their firm, period and progress through the steps."
        actions={
          org.can("engagement:manage") ? (
            <Button onClick={create.open}>New engagement</Button>
          ) : undefined
        }
      />
      <QueryView query={engagements}>
        {(items) =>
          items.length === 0 ? (
            <EmptyBlock title="No engagements yet">
              <Text>Start one when you have chosen an audit firm and a period.</Text>
            </EmptyBlock>
          ) : (
            <Table.ScrollContainer minWidth={680}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Engagement</Table.Th>
                    <Table.Th scope="col">Type</Table.Th>
                    <Table.Th scope="col">When</Table.Th>
                    <Table.Th scope="col">Categories</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((engagement) => (
                    <Table.Tr key={engagement.id}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/orgs/${org.slug}/engagements/${engagement.id}`}
                          fw={600}
                        >
                          {engagementLabel(engagement)}
                        </Anchor>{" "}
                        {engagement.auditFirm}
                      </Table.Td>
                      <Table.Td>Type {engagement.type}</Table.Td>
                      <Table.Td>{engagementWhen(engagement)}</Table.Td>
                      <Table.Td>{engagement.categories.map(categoryName).join(", ")}</Table.Td>
                      <Table.Td>
                        <EngagementStatusBadge status={engagement.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
      {org.can("engagement:manage") ? (
        <NewEngagementModal org={org.slug} opened={creating} onClose={create.close} />
      ) : null}
    </>
  );
}
