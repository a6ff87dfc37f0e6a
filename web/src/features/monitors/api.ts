import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, orgPath, send } from "../../api/client.ts";
import type { Monitor, MonitorList, MonitorProbeOutcome } from "../../api/types.ts";

export const monitorsKey = (org: string) => ["orgs", org, "monitors"] as const;

export function useMonitors(org: string) {
  return useQuery({
    queryKey: [...monitorsKey(org), "list"],
    queryFn: ({ signal }) => api<MonitorList>(orgPath(org, "/monitors"), { signal }),
  });
}

export interface NewMonitor {
  name: string;
  url: string;
  expectedStatus: number;
  intervalMinutes: number;
  timeoutSeconds: number;
  targetPercent: number;
}

export function useAddMonitor(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewMonitor) =>
      api<Monitor>(orgPath(org, "/monitors"), { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: monitorsKey(org) }),
  });
}

export function useProbeMonitor(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ref: string) =>
      api<MonitorProbeOutcome>(orgPath(org, `/monitors/${encodeURIComponent(ref)}/probe`), {
        method: "POST",
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: monitorsKey(org) }),
  });
}

export function useRemoveMonitor(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ref: string) =>
      send(orgPath(org, `/monitors/${encodeURIComponent(ref)}`), { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: monitorsKey(org) }),
  });
}
