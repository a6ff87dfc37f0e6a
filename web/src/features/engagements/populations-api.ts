import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client.ts";
import type { PopulationView } from "../../api/types.ts";
import { uploadMultipart } from "../../api/upload.ts";

const populationPath = (org: string, id: string, control: string, rest = "") =>
  orgPath(
    org,
    `/engagements/${encodeURIComponent(id)}/populations/${encodeURIComponent(control)}${rest}`,
  );

/** Imports and reviews change the control's population, the populations table and the log. */
function useRefresh(org: string, id: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ["orgs", org, "engagements", id] });
    await queryClient.invalidateQueries({ queryKey: ["orgs", org, "audit-log"] });
  };
}

export function usePopulation(org: string, id: string, control: string | null) {
  return useQuery({
    queryKey: ["orgs", org, "engagements", id, "population", control],
    queryFn: ({ signal }) =>
      api<PopulationView>(populationPath(org, id, control ?? ""), { signal }),
    enabled: control !== null,
  });
}

export interface PopulationImportFields {
  source: string;
  query?: string;
  ranBy?: string;
  ranAt?: string;
  completeness: string;
  reason?: string;
}

export function useImportPopulation(org: string, id: string, control: string) {
  const refresh = useRefresh(org, id);
  return useMutation({
    mutationFn: ({ file, fields }: { file: File; fields: PopulationImportFields }) =>
      uploadMultipart<PopulationView>(
        populationPath(org, id, control, "/imports"),
        fields,
        file,
        () => undefined,
      ).done,
    onSuccess: refresh,
  });
}

export function useReviewPopulation(org: string, id: string, control: string) {
  const refresh = useRefresh(org, id);
  return useMutation({
    mutationFn: ({ decision, reason }: { decision: "accept" | "return"; reason?: string }) =>
      api<PopulationView>(populationPath(org, id, control, `/${decision}`), {
        method: "POST",
        body: reason === undefined ? {} : { reason },
      }),
    onSuccess: refresh,
  });
}
