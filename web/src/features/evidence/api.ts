import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { api, orgPath } from "../../api/client.ts";
import type { EvidenceDetail, EvidenceItem } from "../../api/types.ts";
import { uploadMultipart } from "../../api/upload.ts";
import { useCursorList } from "../../lib/useCursorList.ts";

export interface EvidenceMetadata {
  title: string;
  source?: string;
  controls: string[];
  forDate?: string;
  from?: string;
  to?: string;
}

export type EvidenceContent =
  | { kind: "file"; file: File }
  | { kind: "link"; link: string }
  | { kind: "record"; record: { kind: string; data: unknown } };

export const evidenceKey = (org: string) => ["orgs", org, "evidence"] as const;

export function useEvidenceList(org: string, filters: { control?: string; kind?: string }) {
  return useCursorList<EvidenceItem>(evidenceKey(org), orgPath(org, "/evidence"), { ...filters });
}

export function useEvidence(org: string, id: string) {
  return useQuery({
    queryKey: [...evidenceKey(org), id],
    queryFn: ({ signal }) =>
      api<EvidenceDetail>(orgPath(org, `/evidence/${encodeURIComponent(id)}`), { signal }),
  });
}

export const evidenceFileUrl = (org: string, id: string, inline: boolean) =>
  orgPath(org, `/evidence/${encodeURIComponent(id)}/file${inline ? "?inline=1" : ""}`);

/** Adds evidence of any kind; files report their upload progress and can be cancelled. */
export function useAddEvidence(org: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const abortRef = useRef<(() => void) | null>(null);
  const mutation = useMutation({
    mutationFn: async ({
      metadata,
      content,
    }: {
      metadata: EvidenceMetadata;
      content: EvidenceContent;
    }) => {
      if (content.kind === "file") {
        setProgress(0);
        const upload = uploadMultipart<EvidenceItem>(
          orgPath(org, "/evidence"),
          metadata,
          content.file,
          setProgress,
        );
        abortRef.current = upload.abort;
        try {
          return await upload.done;
        } finally {
          abortRef.current = null;
        }
      }
      const body =
        content.kind === "link"
          ? { ...metadata, link: content.link }
          : { ...metadata, record: content.record };
      return api<EvidenceItem>(orgPath(org, "/evidence"), { method: "POST", body });
    },
    // Evidence moves readiness and overdue lists as well as the evidence list.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["orgs", org] }),
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress, cancel: () => abortRef.current?.() };
}

export function useLinkEvidence(org: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (control: string) =>
      api<EvidenceItem>(orgPath(org, `/evidence/${encodeURIComponent(id)}/links`), {
        method: "POST",
        body: { control },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["orgs", org] }),
  });
}

export function useRemoveEvidence(org: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      api<EvidenceItem>(orgPath(org, `/evidence/${encodeURIComponent(id)}`), {
        method: "DELETE",
        body: { reason },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["orgs", org] }),
  });
}
