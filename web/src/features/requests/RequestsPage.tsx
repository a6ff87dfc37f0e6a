import { Anchor, Breadcrumbs, Text } from "@mantine/core";
import { Link, useParams } from "react-router";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { RequestsPanel } from "./RequestsPanel.tsx";

/**
 * The requests of one engagement on their own page: where a request's task links, for the
 * company members who answer it without reading the engagement itself (a control owner).
 */
export function RequestsPage() {
  const org = useCurrentOrg();
  const { id = "" } = useParams();
  return (
    <>
      <Breadcrumbs mb="sm">
        {org.can("engagement:read") ? (
          <Anchor component={Link} to={`/orgs/${org.slug}/engagements/${id}?tab=requests`}>
            {id}
          </Anchor>
        ) : (
          <Text>{id}</Text>
        )}
        <Text>Requests</Text>
      </Breadcrumbs>
      <PageHeader
        title={`Auditor requests on ${id}`}
        description="What the auditor asked for: answer with evidence already in Attest or a file."
      />
      {/* Requests are opened from the engagement page; here they are read and answered. */}
      <RequestsPanel org={org} engagementId={id} engagement={null} sample={null} />
    </>
  );
}
