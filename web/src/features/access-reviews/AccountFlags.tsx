import { Badge, Group } from "@mantine/core";
import type { ReviewAccount } from "../../api/types.ts";

const FLAG_COLOR: Record<ReviewAccount["flags"][number], string> = {
  leaver: "red",
  unknown: "orange",
  privileged: "grape",
};

/** An account's flags as badges (leaver, unknown, privileged); nothing when none. */
export function AccountFlags({ flags }: { flags: ReviewAccount["flags"] }) {
  if (flags.length === 0) return null;
  return (
    <Group gap={4}>
      {flags.map((flag) => (
        <Badge key={flag} color={FLAG_COLOR[flag]} variant="light">
          {flag}
        </Badge>
      ))}
    </Group>
  );
}
