import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, itemsOf, orgPath } from "../../api/client.ts";
import type {
  AcknowledgementRoster,
  EvidenceItem,
  ListResponse,
  PolicyDiff,
  PolicySummary,
  PolicyTemplate,
  PolicyView,
} from "../../api/types.ts";
import { tasksKey } from "../tasks/api.ts";

const policiesKey = (org: string) => ["orgs", org, "policies"] as const;
const policyPath = (org: string, label: string, rest = "") =>
  orgPath(org, `/policies/${encodeURIComponent(label)}${rest}`);

export function usePolicies(org: string) {
  return useQuery({
    queryKey: policiesKey(org),
    queryFn: async ({ signal }) =>
      itemsOf(
        await api<ListResponse<PolicySummary>>(orgPath(org, "/policies"), {
          query: { limit: 500 },
          signal,
        }),
      ),
  });
}

export function usePolicyTemplates(org: string, enabled: boolean) {
  return useQuery({
    queryKey: ["orgs", org, "policy-templates"],
    queryFn: async ({ signal }) =>
      itemsOf(
        await api<ListResponse<PolicyTemplate>>(orgPath(org, "/policy-templates"), {
          query: { limit: 500 },
          signal,
        }),
      ),
    enabled,
  });
}

export function usePolicy(org: string, label: string) {
  return useQuery({
    queryKey: [...policiesKey(org), label],
    queryFn: ({ signal }) => api<PolicyView>(policyPath(org, label), { signal }),
  });
}

export function useRoster(org: string, label: string, enabled: boolean) {
  return useQuery({
    queryKey: [...policiesKey(org), label, "acknowledgements"],
    queryFn: ({ signal }) =>
      api<AcknowledgementRoster>(policyPath(org, label, "/acknowledgements"), { signal }),
    enabled,
  });
}

export function usePolicyDiff(org: string, label: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...policiesKey(org), label, "diff", from, to],
    queryFn: ({ signal }) =>
      api<PolicyDiff>(policyPath(org, label, "/diff"), {
        query: { from: from ?? undefined, to: to ?? undefined },
        signal,
      }),
    enabled: from !== null,
  });
}

/** After any change to a policy: its lists, its page and the tasks it creates. */
function useRefresh(org: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: policiesKey(org) }),
      queryClient.invalidateQueries({ queryKey: tasksKey(org) }),
    ]);
}

export interface AdoptInput {
  template: string;
  values: Record<string, string>;
  owner?: string;
}

export function useAdoptPolicy(org: string) {
  const refresh = useRefresh(org);
  return useMutation({
    mutationFn: (input: AdoptInput) =>
      api<PolicyView>(orgPath(org, "/policies"), { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

export interface PolicyChanges {
  title?: string;
  body?: string;
  owner?: string;
  reviewMonths?: number;
  ackDays?: number;
  audience?: string[];
}

export function useUpdatePolicy(org: string, label: string) {
  const refresh = useRefresh(org);
  return useMutation({
    mutationFn: (changes: PolicyChanges) =>
      api<PolicyView>(policyPath(org, label), { method: "PATCH", body: changes }),
    onSuccess: refresh,
  });
}

export type PolicyStep = "submit" | "approve" | "publish";

export function usePolicyStep(org: string, label: string) {
  const refresh = useRefresh(org);
  return useMutation({
    mutationFn: (step: PolicyStep) =>
      api<PolicyView>(policyPath(org, label, `/${step}`), { method: "POST", body: {} }),
    onSuccess: refresh,
  });
}

export function useAcknowledgePolicy(org: string, label: string) {
  const refresh = useRefresh(org);
  return useMutation({
    mutationFn: (version: number) =>
      api<PolicyView>(policyPath(org, label, "/acknowledge"), {
        method: "POST",
        body: { version },
      }),
    onSuccess: refresh,
  });
}

export function useRosterEvidence(org: string, label: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<EvidenceItem>(policyPath(org, label, "/acknowledgements/evidence"), {
        method: "POST",
        body: {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["orgs", org, "evidence"] }),
  });
}

export function policyPdfUrl(org: string, label: string, version: number): string {
  return `${policyPath(org, label, "/pdf")}?version=${version}`;
}
