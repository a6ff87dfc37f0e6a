import { Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client.ts";
import type { Notice } from "../../api/types.ts";
import { formatDay } from "../../lib/format.ts";

const SHOWN = 3;

function useNotices(org: string) {
  return useQuery({
    queryKey: ["orgs", org, "notices"],
    queryFn: ({ signal }) => api<Notice[]>(orgPath(org, "/notices"), { signal }),
  });
}

/**
 * The daily notices the server leaves for owners (also mailed when SMTP is set): evidence due
 * and the report's age. Hidden while there are none.
 */
export function NoticesCard({ org }: { org: string }) {
  const notices = useNotices(org).data ?? [];
  // Nothing to show while loading or failing either: the dashboard's other cards carry on.
  if (notices.length === 0) return null;
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        Notices
      </Title>
      <Stack gap="md">
        {notices.slice(0, SHOWN).map((notice) => (
          <Stack key={notice.id} gap={4}>
            <Text fw={600}>
              {formatDay(notice.day)}: {notice.title}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-line" }}>
              {notice.body}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
