import { useQuery } from "@tanstack/react-query";
import { api, itemsOf, orgPath } from "../../api/client.ts";
import type { ListResponse, Task } from "../../api/types.ts";

export const tasksKey = (org: string) => ["orgs", org, "tasks"] as const;

/** My tasks, or everyone's (owners and admins). */
export function useTasks(org: string, mine = true) {
  return useQuery({
    queryKey: [...tasksKey(org), mine ? "mine" : "all"],
    queryFn: async ({ signal }) =>
      itemsOf(
        await api<ListResponse<Task>>(orgPath(org, "/tasks"), {
          query: { mine: mine ? "true" : "false", limit: 500 },
          signal,
        }),
      ),
  });
}
