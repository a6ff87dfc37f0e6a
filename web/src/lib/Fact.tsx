import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A labelled value in a detail card. */
export function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text component="div">{value}</Text>
    </div>
  );
}
