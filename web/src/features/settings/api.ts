import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client.ts";
import type { CategoryId, Organization } from "../../api/types.ts";
import { SESSION_KEY } from "../session/api.ts";

export function useOrganization(org: string) {
  return useQuery({
    queryKey: ["orgs", org, "details"],
    queryFn: ({ signal }) => api<Organization>(orgPath(org), { signal }),
  });
}

export interface OrganizationPatch {
  name?: string;
  systemName?: string;
  timeZone?: string;
  requireTotp?: boolean;
}

export function useUpdateOrganization(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: OrganizationPatch) =>
      api<Organization>(orgPath(org), { method: "PATCH", body: patch }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["orgs", org] });
      // The organization's name shows in the header, which reads it from the session.
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

/** Adding a category adopts its controls; removing one takes its criteria out of readiness. */
export function useScopeCategory(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ category, inScope }: { category: CategoryId; inScope: boolean }) =>
      inScope
        ? api<unknown>(orgPath(org, "/scope/categories"), { method: "POST", body: { category } })
        : api<unknown>(orgPath(org, `/scope/categories/${category}`), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["orgs", org] }),
  });
}
