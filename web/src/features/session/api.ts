import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import { ApiError, api, send, setCsrfToken } from "../../api/client.ts";
import type { Session } from "../../api/types.ts";

export const SESSION_KEY = ["session"] as const;

/** null when signed out: a 401 here is an answer, not a failure. */
export async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    const session = await api<Session>("/api/v1/auth/session", {
      allowUnauthenticated: true,
      ...(signal === undefined ? {} : { signal }),
    });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
  });
}

/** After sign-in, setup or accepting an invitation: the answer is the new session. */
export function storeSession(queryClient: QueryClient, session: Session | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(SESSION_KEY, session);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => send("/api/v1/auth/logout", { method: "POST", allowUnauthenticated: true }),
    onSettled: () => {
      // Whatever the server said, nothing of the last user's data stays in this tab.
      queryClient.clear();
      storeSession(queryClient, null);
    },
  });
}
