import { Anchor, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { QueryView } from "../../lib/feedback.tsx";
import { useTasks } from "../tasks/api.ts";
import { SOURCE_LABEL, TaskTable } from "../tasks/TaskTable.tsx";

const SHOWN = 5;

/** The dashboard's view of the tasks model: my counts and the most urgent few. */
export function MyTasks({ org }: { org: string }) {
  const tasks = useTasks(org, true);
  return (
    <QueryView query={tasks}>
      {(items) => {
        const overdue = items.filter((t) => t.status === "overdue").length;
        // How many of each kind, in the order the labels are listed.
        const kinds = (Object.keys(SOURCE_LABEL) as (keyof typeof SOURCE_LABEL)[])
          .map((source) => [source, items.filter((t) => t.source === source).length] as const)
          .filter(([, count]) => count > 0);
        return (
          <Stack gap="sm">
            <Group gap="lg">
              <Text fw={600}>{items.length} open</Text>
              <Text fw={600} c={overdue > 0 ? "red.8" : undefined}>
                {overdue} overdue
              </Text>
              {kinds.length === 0 ? null : (
                <Text size="sm" c="dimmed">
                  {kinds.map(([source, count]) => `${SOURCE_LABEL[source]}: ${count}`).join(" · ")}
                </Text>
              )}
              <Anchor component={Link} to={`/orgs/${org}/tasks`}>
                All my tasks
              </Anchor>
            </Group>
            <TaskTable org={org} tasks={items.slice(0, SHOWN)} />
          </Stack>
        );
      }}
    </QueryView>
  );
}
