import { Badge } from "@mantine/core";
import type { ModuleStanding } from "../../api/types.ts";

const STATE: Record<ModuleStanding["state"], { color: string; label: string }> = {
  current: { color: "green", label: "done" },
  due: { color: "orange", label: "to do" },
  overdue: { color: "red", label: "overdue" },
};

export function TrainingStateBadge({ state }: { state: ModuleStanding["state"] }) {
  const { color, label } = STATE[state];
  return (
    <Badge color={color} variant="light" miw="max-content">
      {label}
    </Badge>
  );
}
