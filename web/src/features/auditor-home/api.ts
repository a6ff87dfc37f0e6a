import { useQuery } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client.ts";
import type { AuditorHome } from "../../api/types.ts";

export function useAuditorHome(org: string) {
  return useQuery({
    // Under the engagements' key, so whatever refreshes an engagement refreshes this too.
    queryKey: ["orgs", org, "engagements", "home"],
    queryFn: ({ signal }) => api<AuditorHome>(orgPath(org, "/auditor-home"), { signal }),
  });
}
