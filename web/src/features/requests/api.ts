import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, orgPath, withQuery } from "../../api/client.ts";
import type { AuditRequest, BulkOpening, RequestList, RequestStatus } from "../../api/types.ts";
import { uploadMultipart } from "../../api/upload.ts";

// Under the engagement's key: whatever refreshes the engagement refreshes its requests.
const requestsKey = (org: string, engagement: string) =>
  ["orgs", org, "engagements", engagement, "requests"] as const;
const path = (org: string, engagement: string, rest = "") =>
  orgPath(org, `/engagements/${encodeURIComponent(engagement)}/requests${rest}`);

export function useRequests(
  org: string,
  engagement: string,
  status?: RequestStatus,
  enabled = true,
) {
  return useQuery({
    enabled,
    queryKey: [...requestsKey(org, engagement), status ?? "all"],
    queryFn: ({ signal }) =>
      api<RequestList>(withQuery(path(org, engagement), { status }), { signal }),
  });
}

function useRefresh(org: string, engagement: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: requestsKey(org, engagement) });
    await queryClient.invalidateQueries({ queryKey: ["orgs", org, "tasks"] });
    await queryClient.invalidateQueries({ queryKey: ["orgs", org, "audit-log"] });
    await queryClient.invalidateQueries({ queryKey: ["orgs", org, "evidence"] });
  };
}

export interface NewRequest {
  control?: string;
  item?: string;
  description?: string;
  to: string;
  dueOn: string;
}

export function useOpenRequest(org: string, engagement: string) {
  const refresh = useRefresh(org, engagement);
  return useMutation({
    mutationFn: (input: NewRequest) =>
      api<AuditRequest>(path(org, engagement), { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

export function useOpenMissing(org: string, engagement: string) {
  const refresh = useRefresh(org, engagement);
  return useMutation({
    mutationFn: (input: { dueOn: string; to?: string }) =>
      api<BulkOpening>(path(org, engagement, "/missing-evidence"), {
        method: "POST",
        body: input,
      }),
    onSuccess: refresh,
  });
}

export interface Answer {
  ref: string;
  evidence: string[];
  comment?: string;
  file?: File;
}

/** Evidence ids as JSON, or a file (with any ids) as multipart: the metadata, then the file. */
export function useAnswerRequest(org: string, engagement: string) {
  const refresh = useRefresh(org, engagement);
  return useMutation({
    mutationFn: async ({ ref, file, ...metadata }: Answer) => {
      const url = path(org, engagement, `/${ref}/answer`);
      if (file === undefined) {
        return api<AuditRequest>(url, { method: "POST", body: metadata });
      }
      return uploadMultipart<AuditRequest>(url, metadata, file, () => undefined).done;
    },
    onSuccess: refresh,
  });
}

export function useCommentOnRequest(org: string, engagement: string) {
  const refresh = useRefresh(org, engagement);
  return useMutation({
    mutationFn: ({ ref, body }: { ref: string; body: string }) =>
      api<AuditRequest>(path(org, engagement, `/${ref}/comments`), {
        method: "POST",
        body: { body },
      }),
    onSuccess: refresh,
  });
}

export function useDecideRequest(org: string, engagement: string) {
  const refresh = useRefresh(org, engagement);
  return useMutation({
    mutationFn: ({ ref, reason }: { ref: string; reason?: string }) =>
      api<AuditRequest>(
        path(org, engagement, `/${ref}/${reason === undefined ? "accept" : "return"}`),
        {
          method: "POST",
          ...(reason === undefined ? {} : { body: { reason } }),
        },
      ),
    onSuccess: refresh,
  });
}
