/**
 * The report package of an engagement (draft, review threads, versions, share links, bridge
 * letters), the organization's report standing and signing key, and the public share page.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, itemsOf, orgPath, send, withQuery } from "../../api/client.ts";
import type {
  BridgeLetterView,
  CommentAction,
  CreatedShareLink,
  ListResponse,
  NdaAcceptance,
  OpinionType,
  ReportDraftView,
  ReportFormat,
  ReportSection,
  ReportStanding,
  ReportVersion,
  ReviewThread,
  ShareLinkView,
  SharedReportPreview,
  SigningKeyView,
  SystemDescriptionContent,
} from "../../api/types.ts";

/** Under the engagement's key, so refreshing the engagement refreshes its report too. */
const reportKey = (org: string, id: string) => ["orgs", org, "engagements", id, "report"] as const;
const enc = encodeURIComponent;
const reportPath = (org: string, id: string, rest = "") =>
  orgPath(org, `/engagements/${enc(id)}/report${rest}`);

export function useReportDraft(org: string, id: string) {
  return useQuery({
    queryKey: [...reportKey(org, id), "draft"],
    queryFn: ({ signal }) => api<ReportDraftView>(reportPath(org, id), { signal }),
  });
}

/**
 * Every report write can change what the others show (a finalization moves the engagement on,
 * an edit starts the next draft version): refresh the engagement and all of its report.
 */
function useRefreshReport(org: string, id: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ["orgs", org, "engagements", id] });
    await queryClient.invalidateQueries({ queryKey: ["orgs", org, "engagements"], exact: true });
    await queryClient.invalidateQueries({ queryKey: ["orgs", org, "report-standing"] });
    await queryClient.invalidateQueries({ queryKey: ["orgs", org, "audit-log"] });
  };
}

/** The draft answer of a write is the new draft: show it at once, then refresh the rest. */
function useDraftWrite<I>(
  org: string,
  id: string,
  request: (input: I) => Promise<ReportDraftView>,
) {
  const queryClient = useQueryClient();
  const refresh = useRefreshReport(org, id);
  return useMutation({
    mutationFn: request,
    onSuccess: async (view) => {
      queryClient.setQueryData([...reportKey(org, id), "draft"], view);
      await refresh();
    },
  });
}

export type DescriptionChanges = Partial<
  Omit<SystemDescriptionContent, "components"> & {
    components: Partial<SystemDescriptionContent["components"]>;
  }
>;

export function useUpdateDescription(org: string, id: string) {
  return useDraftWrite(org, id, (changes: DescriptionChanges) =>
    api<ReportDraftView>(reportPath(org, id, "/description"), { method: "PUT", body: changes }),
  );
}

export function useUpdateAssertion(org: string, id: string) {
  return useDraftWrite(org, id, (input: { text: string } | { regenerate: true }) =>
    api<ReportDraftView>(reportPath(org, id, "/assertion"), { method: "PUT", body: input }),
  );
}

export function useApproveAssertion(org: string, id: string) {
  // The digest of the draft the owner read: the server refuses if it changed meanwhile.
  return useDraftWrite(org, id, (contentSha256: string) =>
    api<ReportDraftView>(reportPath(org, id, "/assertion/approve"), {
      method: "POST",
      body: { contentSha256 },
    }),
  );
}

export function useRecordOpinion(org: string, id: string) {
  return useDraftWrite(
    org,
    id,
    (input: {
      type: OpinionType;
      city: string;
      date: string;
      firm?: string;
      criteriaNotMet: string[];
      basisForModification: string;
      text: string;
      contentSha256: string;
    }) => api<ReportDraftView>(reportPath(org, id, "/opinion"), { method: "PUT", body: input }),
  );
}

export function useUpdateOtherInformation(org: string, id: string) {
  return useDraftWrite(org, id, (input: { text: string }) =>
    api<ReportDraftView>(reportPath(org, id, "/other-information"), {
      method: "PUT",
      body: input,
    }),
  );
}

// ---- Review threads ----

export function useThreads(org: string, id: string) {
  return useQuery({
    queryKey: [...reportKey(org, id), "threads"],
    queryFn: async ({ signal }) =>
      itemsOf(await api<ListResponse<ReviewThread>>(reportPath(org, id, "/threads"), { signal })),
  });
}

export function useOpenThread(org: string, id: string) {
  const refresh = useRefreshReport(org, id);
  return useMutation({
    mutationFn: (input: { section: ReportSection; item?: string; body: string }) =>
      api<ReviewThread>(reportPath(org, id, "/threads"), { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

export function useReply(org: string, id: string, thread: number) {
  const refresh = useRefreshReport(org, id);
  return useMutation({
    mutationFn: (input: { action: CommentAction; body: string }) =>
      api<ReviewThread>(reportPath(org, id, `/threads/T-${thread}/comments`), {
        method: "POST",
        body: input,
      }),
    onSuccess: refresh,
  });
}

// ---- Finalizing and versions ----

export function useFinalize(org: string, id: string) {
  const refresh = useRefreshReport(org, id);
  return useMutation({
    mutationFn: (input: { issueDate?: string }) =>
      api<ReportVersion>(reportPath(org, id, "/finalize"), { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

export function useVersions(org: string, id: string) {
  return useQuery({
    queryKey: [...reportKey(org, id), "versions"],
    queryFn: async ({ signal }) =>
      itemsOf(await api<ListResponse<ReportVersion>>(reportPath(org, id, "/versions"), { signal })),
  });
}

/** A plain link: the session cookie authenticates GETs, and the server names the file. */
export function downloadUrl(
  org: string,
  id: string,
  format: ReportFormat,
  version: number | "draft",
): string {
  return withQuery(reportPath(org, id, "/download"), { format, version });
}

export function evidenceBundleUrl(org: string, id: string): string {
  return orgPath(org, `/engagements/${enc(id)}/evidence-bundle`);
}

// ---- Sharing ----

export function useShareLinks(org: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...reportKey(org, id), "share-links"],
    queryFn: async ({ signal }) =>
      itemsOf(
        await api<ListResponse<ShareLinkView>>(reportPath(org, id, "/share-links"), { signal }),
      ),
    enabled,
  });
}

export function useCreateShareLink(org: string, id: string) {
  const refresh = useRefreshReport(org, id);
  return useMutation({
    mutationFn: (input: { recipient: string; days: number; version?: number }) =>
      api<CreatedShareLink>(reportPath(org, id, "/share-links"), { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

export function useRevokeShareLink(org: string, id: string) {
  const refresh = useRefreshReport(org, id);
  return useMutation({
    mutationFn: (link: string) =>
      send(reportPath(org, id, `/share-links/${enc(link)}`), { method: "DELETE" }),
    onSuccess: refresh,
  });
}

// ---- Bridge letters ----

export function useBridgeLetters(org: string, id: string) {
  return useQuery({
    queryKey: [...reportKey(org, id), "bridge-letters"],
    queryFn: async ({ signal }) =>
      itemsOf(
        await api<ListResponse<BridgeLetterView>>(reportPath(org, id, "/bridge-letters"), {
          signal,
        }),
      ),
  });
}

export function useDraftBridgeLetter(org: string, id: string) {
  const refresh = useRefreshReport(org, id);
  return useMutation({
    mutationFn: (input: { through?: string }) =>
      api<BridgeLetterView>(reportPath(org, id, "/bridge-letters"), {
        method: "POST",
        body: input,
      }),
    onSuccess: refresh,
  });
}

export function useEditBridgeLetter(org: string, id: string, number: number) {
  const refresh = useRefreshReport(org, id);
  return useMutation({
    mutationFn: (input: { text: string; through?: string }) =>
      api<BridgeLetterView>(reportPath(org, id, `/bridge-letters/${number}`), {
        method: "PUT",
        body: input,
      }),
    onSuccess: refresh,
  });
}

export function useApproveBridgeLetter(org: string, id: string, number: number) {
  const refresh = useRefreshReport(org, id);
  return useMutation({
    mutationFn: () =>
      api<BridgeLetterView>(reportPath(org, id, `/bridge-letters/${number}/approve`), {
        method: "POST",
      }),
    onSuccess: refresh,
  });
}

// ---- Organization-wide ----

export function useReportStanding(org: string, enabled = true) {
  return useQuery({
    queryKey: ["orgs", org, "report-standing"],
    queryFn: async ({ signal }) =>
      (await api<{ standing: ReportStanding | null }>(orgPath(org, "/report-standing"), { signal }))
        .standing,
    enabled,
  });
}

/** The server makes the key on first use; null where a server does not offer the route. */
export function useSigningKey(org: string) {
  return useQuery({
    queryKey: ["orgs", org, "signing-key"],
    queryFn: async ({ signal }) => {
      try {
        return await api<SigningKeyView>(orgPath(org, "/signing-key"), { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    retry: false,
    staleTime: 5 * 60_000,
  });
}

// ---- The public share page (no account) ----

const sharedPath = (token: string, rest = "") => `/api/v1/shared/${enc(token)}${rest}`;

export function useSharedPreview(token: string) {
  return useQuery({
    queryKey: ["shared", token],
    queryFn: ({ signal }) =>
      api<SharedReportPreview>(sharedPath(token), { signal, allowUnauthenticated: true }),
    // 404 and 410 are answers, not hiccups: asking again changes nothing.
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useAcceptNda(token: string) {
  return useMutation({
    mutationFn: (input: { name: string; company: string; email: string; accept: true }) =>
      api<NdaAcceptance>(sharedPath(token, "/accept"), {
        method: "POST",
        body: input,
        allowUnauthenticated: true,
      }),
  });
}

export function sharedDownloadUrl(token: string, downloadToken: string): string {
  return withQuery(sharedPath(token, "/report"), { download: downloadToken });
}
