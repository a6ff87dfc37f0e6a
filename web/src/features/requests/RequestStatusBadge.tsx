import { Badge } from "@mantine/core";
import type { RequestStatus } from "../../api/types.ts";

const COLORS: Record<RequestStatus, string> = {
  open: "blue",
  submitted: "violet",
  returned: "orange",
  accepted: "green",
  withdrawn: "gray",
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  // Dark text on the light variant keeps the contrast the axe scan asks for.
  return (
    <Badge color={COLORS[status]} variant="light" c={`${COLORS[status]}.9`}>
      {status}
    </Badge>
  );
}
