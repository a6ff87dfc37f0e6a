import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client.ts";
import type { PeopleImport, PeopleRegister, PersonDetail } from "../../api/types.ts";

export const peopleKey = (org: string) => ["orgs", org, "people"] as const;

export function usePeople(org: string, enabled = true) {
  return useQuery({
    queryKey: [...peopleKey(org), "register"],
    enabled,
    queryFn: ({ signal }) => api<PeopleRegister>(orgPath(org, "/people"), { signal }),
  });
}

export function usePerson(org: string, key: string) {
  return useQuery({
    queryKey: [...peopleKey(org), "person", key],
    queryFn: ({ signal }) =>
      api<PersonDetail>(orgPath(org, `/people/${encodeURIComponent(key)}`), { signal }),
  });
}

/** A register change moves tasks and readiness too: refresh everything of the org. */
function useInvalidateOrg(org: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["orgs", org] });
}

export function useImportPeople(org: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: (input: { csv: string; invite: boolean }) =>
      api<PeopleImport>(orgPath(org, "/people/import"), { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

export function useCompleteStep(org: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: (input: { step: string; note: string | null }) =>
      api<PersonDetail>(orgPath(org, `/people/steps/${encodeURIComponent(input.step)}/complete`), {
        method: "POST",
        body: { note: input.note },
      }),
    onSuccess: invalidate,
  });
}
