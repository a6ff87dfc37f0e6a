import { Group, Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import type { ReactNode } from "react";

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title === "" ? "Attest" : `${title} · Attest`;
  }, [title]);
}

/** Every page's heading: sets the document title too, so the two never disagree. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  usePageTitle(title);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {description === undefined ? null : (
          // A badge is a div, which a paragraph cannot hold.
          <Text c="dimmed" component={typeof description === "string" ? "p" : "div"}>
            {description}
          </Text>
        )}
      </Stack>
      {actions === undefined ? null : <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
