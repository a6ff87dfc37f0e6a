import { Select } from "@mantine/core";
import { useNavigate } from "react-router";
import type { Session } from "../../api/types.ts";

/** Switching keeps the user on the same kind of page when it exists in every organization. */
export function OrgSwitcher({ session, current }: { session: Session; current: string }) {
  const navigate = useNavigate();
  if (session.memberships.length < 2) return null;
  return (
    <Select
      aria-label="Organization"
      size="sm"
      w={220}
      allowDeselect={false}
      value={current}
      data={session.memberships.map((m) => ({
        value: m.organization.slug,
        label: m.organization.name,
      }))}
      onChange={(slug) => {
        if (slug !== null && slug !== current) void navigate(`/orgs/${slug}`);
      }}
    />
  );
}
