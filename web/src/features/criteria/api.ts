import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, itemsOf, orgPath } from "../../api/client.ts";
import type { Criterion, ListResponse, Scope } from "../../api/types.ts";

/** The catalog's criteria with their summaries (and the official text, where imported). */
export function useOrgCriteria(org: string, enabled = true) {
  return useQuery({
    queryKey: ["orgs", org, "criteria"],
    queryFn: async ({ signal }) =>
      itemsOf(
        await api<Criterion[] | ListResponse<Criterion>>(orgPath(org, "/criteria"), {
          query: { limit: 500 },
          signal,
        }),
      ),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useScope(org: string) {
  return useQuery({
    queryKey: ["orgs", org, "scope"],
    queryFn: ({ signal }) => api<Scope>(orgPath(org, "/scope"), { signal }),
  });
}

/** Mark a criterion not relevant (with the reason an auditor reads) or relevant again. */
export function useExclusion(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ criterion, reason }: { criterion: string; reason: string | null }) =>
      api<unknown>(orgPath(org, `/scope/exclusions/${encodeURIComponent(criterion)}`), {
        method: reason === null ? "DELETE" : "PUT",
        ...(reason === null ? {} : { body: { reason } }),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["orgs", org] }),
  });
}
