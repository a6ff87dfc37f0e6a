import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, itemsOf, orgPath, send } from "../../api/client.ts";
import type { CreatedInvitation, Invitation, ListResponse, Member, Role } from "../../api/types.ts";

export const membersKey = (org: string) => ["orgs", org, "members"] as const;
const invitationsKey = (org: string) => ["orgs", org, "invitations"] as const;

export function useMembers(org: string, enabled = true) {
  return useQuery({
    queryKey: membersKey(org),
    queryFn: async ({ signal }) =>
      itemsOf(
        await api<ListResponse<Member>>(orgPath(org, "/members"), {
          query: { limit: 500 },
          signal,
        }),
      ),
    enabled,
  });
}

/**
 * Names of members by email, where the viewer may read the member list: controls record
 * their owner by email.
 */
export function useMemberNames(org: string, enabled: boolean): Map<string, string> {
  const members = useMembers(org, enabled);
  return new Map((members.data ?? []).map((m) => [m.email.toLowerCase(), m.name]));
}

export function useChangeRole(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api<Member>(orgPath(org, `/members/${encodeURIComponent(userId)}`), {
        method: "PATCH",
        body: { role },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey(org) }),
  });
}

export function useRemoveMember(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      send(orgPath(org, `/members/${encodeURIComponent(userId)}`), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey(org) }),
  });
}

export function useInvitations(org: string) {
  return useQuery({
    queryKey: invitationsKey(org),
    queryFn: async ({ signal }) =>
      itemsOf(await api<ListResponse<Invitation>>(orgPath(org, "/invitations"), { signal })),
  });
}

export function useInvite(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: Role }) =>
      api<CreatedInvitation>(orgPath(org, "/invitations"), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(org) }),
  });
}

export function useRevokeInvitation(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      send(orgPath(org, `/invitations/${encodeURIComponent(id)}`), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(org) }),
  });
}
