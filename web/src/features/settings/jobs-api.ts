import { useQuery } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client.ts";
import type { JobStatus } from "../../api/types.ts";

export function useJobs(org: string) {
  return useQuery({
    queryKey: ["orgs", org, "jobs"],
    queryFn: ({ signal }) => api<JobStatus[]>(orgPath(org, "/jobs"), { signal }),
  });
}
