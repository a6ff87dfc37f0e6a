import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, itemsOf, orgPath } from "../../api/client.ts";
import type {
  ControlOwnersOutcome,
  DigestOutcome,
  NewWebhook,
  NotificationChannelView,
  NotificationDelivery,
  NotificationPreference,
} from "../../api/types.ts";

const key = (org: string) => ["orgs", org, "notifications"] as const;

export function useChannels(org: string) {
  return useQuery({
    queryKey: [...key(org), "channels"],
    queryFn: async ({ signal }) =>
      itemsOf(
        await api<{ items: NotificationChannelView[] }>(orgPath(org, "/notifications/channels"), {
          signal,
        }),
      ),
  });
}

export function useDeliveries(org: string) {
  return useQuery({
    queryKey: [...key(org), "deliveries"],
    queryFn: async ({ signal }) =>
      itemsOf(
        await api<{ items: NotificationDelivery[] }>(orgPath(org, "/notifications/deliveries"), {
          signal,
        }),
      ),
  });
}

export function usePreferences(org: string) {
  return useQuery({
    queryKey: [...key(org), "preferences"],
    queryFn: async ({ signal }) =>
      itemsOf(
        await api<{ items: NotificationPreference[] }>(orgPath(org, "/notifications/preferences"), {
          signal,
        }),
      ),
  });
}

function useRefresh(org: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key(org) });
}

export function useSetPreference(org: string) {
  const refresh = useRefresh(org);
  return useMutation({
    mutationFn: (choice: Pick<NotificationPreference, "channel" | "kind" | "enabled">) =>
      api<{ items: NotificationPreference[] }>(orgPath(org, "/notifications/preferences"), {
        method: "PUT",
        body: { preferences: [choice] },
      }),
    onSuccess: refresh,
  });
}

export function useAddWebhook(org: string) {
  const refresh = useRefresh(org);
  return useMutation({
    mutationFn: (url: string) =>
      api<NewWebhook>(orgPath(org, "/notifications/webhooks"), {
        method: "POST",
        body: { url },
      }),
    onSuccess: refresh,
  });
}

export function useSetSlack(org: string) {
  const refresh = useRefresh(org);
  return useMutation({
    mutationFn: (url: string) =>
      api<NotificationChannelView>(orgPath(org, "/notifications/slack"), {
        method: "PUT",
        body: { url },
      }),
    onSuccess: refresh,
  });
}

export function useRemoveChannel(org: string) {
  const refresh = useRefresh(org);
  return useMutation({
    mutationFn: (id: string) =>
      api<NotificationChannelView>(
        orgPath(org, `/notifications/channels/${encodeURIComponent(id)}`),
        { method: "DELETE" },
      ),
    onSuccess: refresh,
  });
}

export function useSendDigest(org: string) {
  const refresh = useRefresh(org);
  return useMutation({
    mutationFn: () => api<DigestOutcome>(orgPath(org, "/notifications/digest"), { method: "POST" }),
    onSuccess: refresh,
  });
}

export type OwnersRequest = { role: string; email: string } | { csv: string };

export function useAssignOwners(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: OwnersRequest) =>
      api<ControlOwnersOutcome>(orgPath(org, "/controls/owners"), {
        method: "POST",
        body: request,
      }),
    // Owners move controls, tasks and readiness: refresh everything of the organization.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["orgs", org] }),
  });
}
