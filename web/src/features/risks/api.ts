import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client.ts";
import type {
  LibraryAddition,
  Risk,
  RiskAssessment,
  RiskAssessmentDetail,
  RiskDetail,
  RiskRegister,
  RiskTemplate,
} from "../../api/types.ts";

export interface RiskFilters {
  category?: string;
  treatment?: string;
  q?: string;
  overdue?: "true";
}

export const risksKey = (org: string) => ["orgs", org, "risks"] as const;

export function useRiskRegister(org: string, filters: RiskFilters = {}) {
  return useQuery({
    queryKey: [...risksKey(org), "register", filters],
    // A new filter keeps the last answer on screen until its own arrives.
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api<RiskRegister>(orgPath(org, "/risks"), { query: { ...filters }, signal }),
  });
}

export function useRiskLibrary(org: string) {
  return useQuery({
    queryKey: [...risksKey(org), "library"],
    queryFn: ({ signal }) =>
      api<{ items: RiskTemplate[] }>(orgPath(org, "/risks/library"), { signal }),
  });
}

export function useRisk(org: string, ref: string) {
  return useQuery({
    queryKey: [...risksKey(org), "risk", ref],
    queryFn: ({ signal }) =>
      api<RiskDetail>(orgPath(org, `/risks/${encodeURIComponent(ref)}`), { signal }),
  });
}

export function useRiskAssessments(org: string) {
  return useQuery({
    queryKey: [...risksKey(org), "assessments"],
    queryFn: ({ signal }) =>
      api<{ items: RiskAssessment[] }>(orgPath(org, "/risk-assessments"), { signal }),
  });
}

export function useRiskAssessment(org: string, ref: string | null) {
  return useQuery({
    queryKey: [...risksKey(org), "assessments", ref],
    enabled: ref !== null,
    queryFn: ({ signal }) =>
      api<RiskAssessmentDetail>(
        orgPath(org, `/risk-assessments/${encodeURIComponent(ref ?? "")}`),
        { signal },
      ),
  });
}

/** A risk change moves readiness and the register: refresh everything of the org. */
function useInvalidateOrg(org: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["orgs", org] });
}

export interface RiskInput {
  title: string;
  description: string;
  category: string;
  owner: string | null;
  likelihood: number;
  impact: number;
  treatment: string;
  controls: string[];
  residualLikelihood: number;
  residualImpact: number;
  reviewDate?: string;
  acceptanceNote: string | null;
}

export function useCreateRisk(org: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: (input: RiskInput) =>
      api<Risk>(orgPath(org, "/risks"), { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateRisk(org: string, ref: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: (patch: Partial<RiskInput>) =>
      api<Risk>(orgPath(org, `/risks/${encodeURIComponent(ref)}`), {
        method: "PATCH",
        body: patch,
      }),
    onSuccess: invalidate,
  });
}

export function useAddFromLibrary(org: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: (templates: string[]) =>
      api<LibraryAddition>(orgPath(org, "/risks/from-library"), {
        method: "POST",
        body: { templates },
      }),
    onSuccess: invalidate,
  });
}

export function useRecordAssessment(org: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: (input: { participants: string[]; heldOn?: string }) =>
      api<RiskAssessment>(orgPath(org, "/risk-assessments"), { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}
