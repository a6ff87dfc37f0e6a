import { useQuery } from "@tanstack/react-query";
import { api, itemsOf, orgPath } from "../../api/client.ts";
import type { ListResponse, OverdueControl, ReadinessReport } from "../../api/types.ts";

export function useReadiness(org: string, enabled = true) {
  return useQuery({
    queryKey: ["orgs", org, "readiness"],
    queryFn: ({ signal }) => api<ReadinessReport>(orgPath(org, "/readiness"), { signal }),
    enabled,
  });
}

export function useOverdue(org: string, enabled = true) {
  return useQuery({
    queryKey: ["orgs", org, "readiness", "overdue"],
    queryFn: async ({ signal }) =>
      itemsOf(
        await api<ListResponse<OverdueControl>>(orgPath(org, "/readiness/overdue"), { signal }),
      ),
    enabled,
  });
}
