import { Paper, SegmentedControl, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { QueryView } from "../../lib/feedback.tsx";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useTasks } from "./api.ts";
import { TaskTable } from "./TaskTable.tsx";

/** Every member's home for what they have to do; owners and admins may see everyone's. */
export function TasksPage() {
  const org = useCurrentOrg();
  const everyone = org.can("task:read-all");
  const [scope, setScope] = useState<"mine" | "all">("mine");
  const tasks = useTasks(org.slug, scope === "mine");
  return (
    <>
      <PageHeader
        title="My tasks"
        description={`What ${org.name} needs from you: overdue first.`}
        actions={
          everyone ? (
            <SegmentedControl
              aria-label="Whose tasks"
              value={scope}
              onChange={(value) => setScope(value === "all" ? "all" : "mine")}
              data={[
                { value: "mine", label: "Mine" },
                { value: "all", label: "Everyone's" },
              ]}
            />
          ) : undefined
        }
      />
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {scope === "mine" ? "Assigned to me" : "Everyone's tasks"}
          </Title>
          <QueryView query={tasks}>
            {(items) => <TaskTable org={org.slug} tasks={items} showAssignee={scope === "all"} />}
          </QueryView>
        </Stack>
      </Paper>
    </>
  );
}
