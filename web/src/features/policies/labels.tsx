import { Badge } from "@mantine/core";
import type { PolicySummary } from "../../api/types.ts";

const STATE_COLOR: Record<PolicySummary["state"], string> = {
  draft: "gray",
  "in-review": "yellow",
  approved: "blue",
  published: "green",
  retired: "dark",
};

const STATE_LABEL: Record<PolicySummary["state"], string> = {
  draft: "draft",
  "in-review": "in review",
  approved: "approved",
  published: "published",
  retired: "retired",
};

export function PolicyStateBadge({ state }: { state: PolicySummary["state"] }) {
  return (
    <Badge variant="light" color={STATE_COLOR[state]}>
      {STATE_LABEL[state]}
    </Badge>
  );
}

export function audienceWords(audience: readonly string[]): string {
  return audience.length === 0 ? "every member" : audience.join(", ");
}
