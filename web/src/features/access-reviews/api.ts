import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client.ts";
import type { AccessReviewDetail, AccessReviewSummary, AccountsImported } from "../../api/types.ts";

export const accessReviewsKey = (org: string) => ["orgs", org, "access-reviews"] as const;

const reviewPath = (org: string, review: string, rest = "") =>
  orgPath(org, `/access-reviews/${encodeURIComponent(review)}${rest}`);

export function useAccessReviews(org: string) {
  return useQuery({
    queryKey: [...accessReviewsKey(org), "list"],
    queryFn: ({ signal }) =>
      api<{ items: AccessReviewSummary[] }>(orgPath(org, "/access-reviews"), { signal }),
  });
}

export function useAccessReview(org: string, review: string) {
  return useQuery({
    queryKey: [...accessReviewsKey(org), "review", review],
    queryFn: ({ signal }) => api<AccessReviewDetail>(reviewPath(org, review), { signal }),
  });
}

/** A decision moves tasks and readiness too: refresh everything of the organization. */
function useInvalidateOrg(org: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["orgs", org] });
}

export interface StartInput {
  name: string;
  systems: string[];
  reviewers: string[];
  periodFrom?: string;
  periodTo?: string;
  dueOn?: string;
}

export function useStartAccessReview(org: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: (input: StartInput) =>
      api<AccessReviewDetail>(orgPath(org, "/access-reviews"), { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

export function useImportAccounts(org: string, review: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: (input: { system: string; csv: string }) =>
      api<AccountsImported>(reviewPath(org, review, "/accounts"), { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

export interface DecisionInput {
  account: string;
  decision: "keep" | "change" | "remove";
  comment: string | null;
}

export function useDecide(org: string, review: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: (decisions: DecisionInput[]) =>
      api<AccessReviewDetail>(reviewPath(org, review, "/decisions"), {
        method: "POST",
        body: { decisions },
      }),
    onSuccess: invalidate,
  });
}

export function useRecordDone(org: string, review: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: (input: { account: string; evidenceId: string; note: string | null }) =>
      api<AccessReviewDetail>(
        reviewPath(org, review, `/accounts/${encodeURIComponent(input.account)}/done`),
        { method: "POST", body: { evidenceId: input.evidenceId, note: input.note } },
      ),
    onSuccess: invalidate,
  });
}

export function useCompleteAccessReview(org: string, review: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: () =>
      api<AccessReviewSummary>(reviewPath(org, review, "/complete"), { method: "POST" }),
    onSuccess: invalidate,
  });
}
