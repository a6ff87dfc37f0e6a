import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, itemsOf, orgPath } from "../../api/client.ts";
import type {
  EvidenceItem,
  ListResponse,
  MyTrainingModule,
  QuizResult,
  TrainingImportResult,
  TrainingModuleView,
  TrainingRoster,
  TrainingStatus,
} from "../../api/types.ts";
import { tasksKey } from "../tasks/api.ts";

const trainingKey = (org: string) => ["orgs", org, "training"] as const;

export function useMyTraining(org: string) {
  return useQuery({
    queryKey: [...trainingKey(org), "modules"],
    queryFn: async ({ signal }) =>
      itemsOf(
        await api<ListResponse<MyTrainingModule>>(orgPath(org, "/training/modules"), {
          query: { limit: 100 },
          signal,
        }),
      ),
  });
}

export function useTrainingModule(org: string, id: string) {
  return useQuery({
    queryKey: [...trainingKey(org), "modules", id],
    queryFn: ({ signal }) =>
      api<TrainingModuleView>(orgPath(org, `/training/modules/${encodeURIComponent(id)}`), {
        signal,
      }),
  });
}

export function useTrainingStatus(org: string, enabled: boolean) {
  return useQuery({
    queryKey: [...trainingKey(org), "status"],
    queryFn: ({ signal }) => api<TrainingStatus>(orgPath(org, "/training/status"), { signal }),
    enabled,
  });
}

/** After a quiz or an import: the modules, the status and the tasks they close. */
function useRefresh(org: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trainingKey(org) }),
      queryClient.invalidateQueries({ queryKey: tasksKey(org) }),
      queryClient.invalidateQueries({ queryKey: ["orgs", org, "evidence"] }),
    ]);
}

export function useTakeQuiz(org: string, id: string) {
  const refresh = useRefresh(org);
  return useMutation({
    mutationFn: (input: { answers: number[]; version: string }) =>
      api<QuizResult>(orgPath(org, `/training/modules/${encodeURIComponent(id)}/attempts`), {
        method: "POST",
        body: input,
      }),
    onSuccess: refresh,
  });
}

export function useImportCompletions(org: string) {
  const refresh = useRefresh(org);
  return useMutation({
    mutationFn: (input: { fileName: string; csv: string }) =>
      api<TrainingImportResult>(orgPath(org, "/training/imports"), {
        method: "POST",
        body: input,
      }),
    onSuccess: refresh,
  });
}

export function useFileRoster(org: string) {
  const refresh = useRefresh(org);
  return useMutation({
    mutationFn: (period: { from: string; to: string }) =>
      api<{ roster: TrainingRoster; evidence: EvidenceItem }>(
        orgPath(org, "/training/roster/evidence"),
        { method: "POST", body: period },
      ),
    onSuccess: refresh,
  });
}
