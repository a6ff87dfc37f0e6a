import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client.ts";
import type {
  AttributeResult,
  EngagementWorkpapers,
  ItemWorkpaper,
  WorkpaperAttachment,
} from "../../api/types.ts";
import { uploadMultipart } from "../../api/upload.ts";

const path = (org: string, id: string, rest = "") =>
  orgPath(org, `/engagements/${encodeURIComponent(id)}${rest}`);
const engagementKey = (org: string, id: string) => ["orgs", org, "engagements", id] as const;

export function useWorkpapers(org: string, id: string) {
  return useQuery({
    queryKey: [...engagementKey(org, id), "workpapers"],
    queryFn: ({ signal }) => api<EngagementWorkpapers>(path(org, id, "/workpapers"), { signal }),
  });
}

/** Workpapers feed results and conclusions: everything under the engagement is refreshed. */
function useRefresh(org: string, id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: engagementKey(org, id) });
}

export function useSetSteps(org: string, id: string, control: string) {
  const refresh = useRefresh(org, id);
  return useMutation({
    mutationFn: (input: { steps: string[]; auditor?: string }) =>
      api<unknown>(path(org, id, `/workpapers/${encodeURIComponent(control)}/steps`), {
        method: "PUT",
        body: input,
      }),
    onSuccess: refresh,
  });
}

export interface AttributesInput {
  attributes?: AttributeResult[];
  note?: string | null;
  auditor?: string;
}

export function useRecordAttributes(org: string, id: string, control: string, item: string) {
  const refresh = useRefresh(org, id);
  return useMutation({
    mutationFn: (input: AttributesInput) =>
      api<ItemWorkpaper>(
        path(
          org,
          id,
          `/workpapers/${encodeURIComponent(control)}/items/${encodeURIComponent(item)}`,
        ),
        { method: "POST", body: input },
      ),
    onSuccess: refresh,
  });
}

export function useAttach(org: string, id: string, control: string, item: string | null) {
  const refresh = useRefresh(org, id);
  return useMutation({
    mutationFn: (file: File) =>
      uploadMultipart<WorkpaperAttachment>(
        path(
          org,
          id,
          `/workpapers/${encodeURIComponent(control)}/attachments` +
            (item === null ? "" : `?item=${encodeURIComponent(item)}`),
        ),
        {},
        file,
        () => undefined,
      ).done,
    onSuccess: refresh,
  });
}

export const attachmentUrl = (org: string, id: string, attachment: string) =>
  path(org, id, `/workpaper-attachments/${encodeURIComponent(attachment)}/file`);
