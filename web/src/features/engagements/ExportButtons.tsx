import { Button, Group, Tooltip } from "@mantine/core";
import { orgPath } from "../../api/client.ts";
import type { Engagement } from "../../api/types.ts";
import type { CurrentOrg } from "../session/useCurrentOrg.ts";

function exportUrl(org: string, id: string, rest: string): string {
  return orgPath(org, `/engagements/${encodeURIComponent(id)}${rest}`);
}

/**
 * Downloads of the engagement: the control matrix for whoever may take it, and the signed
 * workpapers for the assigned auditor alone (they hold the auditor's notes and own files).
 */
export function ExportButtons({ org, engagement }: { org: CurrentOrg; engagement: Engagement }) {
  const matrix = org.can("engagement:export");
  const workpapers = org.can("engagement:workpapers") && org.role === "auditor";
  if (!matrix && !workpapers) return null;
  const link = (rest: string) => exportUrl(org.slug, engagement.id, rest);
  return (
    <Group gap="xs">
      {matrix ? (
        <>
          <Button component="a" variant="default" href={link("/matrix?format=csv")} download>
            Control matrix (CSV)
          </Button>
          <Button component="a" variant="default" href={link("/matrix?format=xlsx")} download>
            Control matrix (XLSX)
          </Button>
        </>
      ) : null}
      {workpapers ? (
        <Tooltip label="A ZIP signed like the evidence bundle: check it with attest bundle verify">
          <Button component="a" variant="default" href={link("/workpapers.zip")} download>
            Workpapers (signed ZIP)
          </Button>
        </Tooltip>
      ) : null}
    </Group>
  );
}
