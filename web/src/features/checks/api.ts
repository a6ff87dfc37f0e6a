import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client.ts";
import type {
  CheckException,
  CheckStatusView,
  Connector,
  ConnectorKindInfo,
  RunSummary,
} from "../../api/types.ts";

export const checksKey = (org: string) => ["orgs", org, "checks"] as const;

export function useConnectorKinds(org: string) {
  return useQuery({
    queryKey: [...checksKey(org), "kinds"],
    queryFn: ({ signal }) =>
      api<{ items: ConnectorKindInfo[] }>(orgPath(org, "/connectors/kinds"), { signal }),
    select: (data) => data.items,
  });
}

export function useConnectors(org: string) {
  return useQuery({
    queryKey: [...checksKey(org), "connectors"],
    queryFn: ({ signal }) => api<{ items: Connector[] }>(orgPath(org, "/connectors"), { signal }),
    select: (data) => data.items,
  });
}

export function useChecks(org: string) {
  return useQuery({
    queryKey: [...checksKey(org), "list"],
    queryFn: ({ signal }) => api<{ items: CheckStatusView[] }>(orgPath(org, "/checks"), { signal }),
    select: (data) => data.items,
  });
}

export function useExceptions(org: string) {
  return useQuery({
    queryKey: [...checksKey(org), "exceptions"],
    queryFn: ({ signal }) =>
      api<{ items: CheckException[] }>(orgPath(org, "/checks/exceptions"), { signal }),
    select: (data) => data.items,
  });
}

function useChecksMutation<I, O>(org: string, run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: checksKey(org) }),
  });
}

export interface NewConnector {
  kind: string;
  name: string;
  settings: Record<string, string>;
  credentials: Record<string, string>;
}

export function useAddConnector(org: string) {
  return useChecksMutation(org, (input: NewConnector) =>
    api<Connector>(orgPath(org, "/connectors"), { method: "POST", body: input }),
  );
}

export interface ConnectorChange {
  ref: string;
  name: string;
  settings: Record<string, string>;
  /** Replaces every stored credential when given; the stored ones stay otherwise. */
  credentials?: Record<string, string>;
}

export function useUpdateConnector(org: string) {
  return useChecksMutation(org, ({ ref, ...body }: ConnectorChange) =>
    api<Connector>(orgPath(org, `/connectors/${encodeURIComponent(ref)}`), {
      method: "PATCH",
      body,
    }),
  );
}

export function useTestConnector(org: string) {
  return useChecksMutation(org, (ref: string) =>
    api<{ connector: string; ok: true }>(
      orgPath(org, `/connectors/${encodeURIComponent(ref)}/test`),
      {
        method: "POST",
        body: {},
      },
    ),
  );
}

export function useRemoveConnector(org: string) {
  return useChecksMutation(org, (ref: string) =>
    api<Connector>(orgPath(org, `/connectors/${encodeURIComponent(ref)}`), { method: "DELETE" }),
  );
}

export function useRunChecks(org: string) {
  return useChecksMutation(org, (connector: string | undefined) =>
    api<{ items: RunSummary[] }>(orgPath(org, "/checks/runs"), {
      method: "POST",
      body: connector === undefined ? {} : { connector },
    }),
  );
}

export function useAddException(org: string) {
  return useChecksMutation(
    org,
    (input: { check: string; resource: string; reason: string; until: string }) =>
      api<CheckException>(orgPath(org, "/checks/exceptions"), { method: "POST", body: input }),
  );
}

export function useRevokeException(org: string) {
  return useChecksMutation(org, (input: { ref: string; reason: string }) =>
    api<CheckException>(
      orgPath(org, `/checks/exceptions/${encodeURIComponent(input.ref)}/revoke`),
      {
        method: "POST",
        body: { reason: input.reason },
      },
    ),
  );
}
