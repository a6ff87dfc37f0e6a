import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, itemsOf, orgPath, send } from "../../api/client.ts";
import type {
  AccountSession,
  ApiToken,
  CreatedToken,
  ListResponse,
  TokenScope,
  TotpSetup,
} from "../../api/types.ts";
import { SESSION_KEY } from "../session/api.ts";

const sessionsKey = ["account", "sessions"] as const;

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      send("/api/v1/account/password", { method: "POST", body: input }),
  });
}

export function useAccountSessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: async ({ signal }) =>
      itemsOf(await api<ListResponse<AccountSession>>("/api/v1/account/sessions", { signal })),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      send(`/api/v1/account/sessions/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useTotpSetup() {
  return useMutation({
    mutationFn: () => api<TotpSetup>("/api/v1/account/totp/setup", { method: "POST" }),
  });
}

/** Turning two-factor on or off changes the session's `totpEnabled`. */
export function useTotpChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { enable: true; code: string } | { enable: false; password: string }) =>
      input.enable
        ? send("/api/v1/account/totp/enable", { method: "POST", body: { code: input.code } })
        : send("/api/v1/account/totp/disable", {
            method: "POST",
            body: { password: input.password },
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

const tokensKey = (org: string) => ["orgs", org, "tokens"] as const;

export function useTokens(org: string, enabled: boolean) {
  return useQuery({
    queryKey: tokensKey(org),
    queryFn: async ({ signal }) =>
      itemsOf(await api<ListResponse<ApiToken>>(orgPath(org, "/tokens"), { signal })),
    enabled,
  });
}

export function useCreateToken(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; scopes: TokenScope[]; expiresInDays: number }) =>
      api<CreatedToken>(orgPath(org, "/tokens"), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey(org) }),
  });
}

export function useRevokeToken(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      send(orgPath(org, `/tokens/${encodeURIComponent(id)}`), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey(org) }),
  });
}
