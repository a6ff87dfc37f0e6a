import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client.ts";
import type {
  Finding,
  FindingDetail,
  FindingImport,
  FindingImportOutcome,
  FindingList,
} from "../../api/types.ts";
import { uploadMultipart } from "../../api/upload.ts";

export interface FindingFilters {
  source?: string;
  status?: string;
  severity?: string;
  overdue?: "true";
  cursor?: string;
}

export const findingsKey = (org: string) => ["orgs", org, "findings"] as const;

export function useFindings(org: string, filters: FindingFilters = {}) {
  return useQuery({
    queryKey: [...findingsKey(org), "list", filters],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api<FindingList>(orgPath(org, "/findings"), {
        query: { ...filters, limit: "100" },
        signal,
      }),
  });
}

export function useFinding(org: string, key: string) {
  return useQuery({
    queryKey: [...findingsKey(org), "finding", key],
    queryFn: ({ signal }) =>
      api<FindingDetail>(orgPath(org, `/findings/${encodeURIComponent(key)}`), { signal }),
  });
}

export function useFindingImports(org: string) {
  return useQuery({
    queryKey: [...findingsKey(org), "imports"],
    queryFn: ({ signal }) =>
      api<{ items: FindingImport[] }>(orgPath(org, "/findings/imports"), { signal }),
  });
}

export function useTriageFinding(org: string, key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { decision: string; reason: string }) =>
      api<Finding>(orgPath(org, `/findings/${encodeURIComponent(key)}/triage`), {
        method: "POST",
        body: input,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: findingsKey(org) }),
  });
}

export function useImportFindings(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ source, file }: { source: string; file: File }) =>
      uploadMultipart<FindingImportOutcome>(
        orgPath(org, `/findings/imports/${source}`),
        {},
        file,
        () => undefined,
      ).done,
    onSuccess: () => client.invalidateQueries({ queryKey: findingsKey(org) }),
  });
}
