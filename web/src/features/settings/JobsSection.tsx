import { Badge, Paper, Table, Text, Title } from "@mantine/core";
import type { JobStatus } from "../../api/types.ts";
import { QueryView } from "../../lib/feedback.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useJobs } from "./jobs-api.ts";

const RESULT_COLOR: Record<NonNullable<JobStatus["lastResult"]>, string> = {
  ok: "green",
  failed: "red",
  running: "blue",
};

/**
 * What the server does on its own: clearing expired sign-ins and links, and the daily notice
 * to owners. Schedules are cron expressions in UTC, as `attest jobs` shows them.
 */
export function JobsSection({ org }: { org: string }) {
  const jobs = useJobs(org);
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        Background jobs
      </Title>
      <QueryView query={jobs} lines={3}>
        {(loaded) => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Job</Table.Th>
                <Table.Th>Schedule (UTC)</Table.Th>
                <Table.Th>Last run</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Next run</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {loaded.map((job) => (
                <Table.Tr key={job.name}>
                  <Table.Td>{job.name}</Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {job.schedule ?? "when queued"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {job.lastRunAt === null ? "Never" : formatDateTime(job.lastRunAt)}
                  </Table.Td>
                  <Table.Td>
                    {job.lastResult === null ? null : (
                      <Badge variant="light" color={RESULT_COLOR[job.lastResult]} tt="none">
                        {job.lastResult}
                        {job.lastAttempt !== null && job.lastAttempt > 1
                          ? ` (attempt ${job.lastAttempt})`
                          : ""}
                      </Badge>
                    )}
                    {job.lastError === null ? null : (
                      <Text size="xs" c="dimmed">
                        {job.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{job.nextRunAt === null ? "" : formatDateTime(job.nextRunAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Paper>
  );
}
