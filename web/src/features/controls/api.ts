import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client.ts";
import type { Control, ControlDetail, ListResponse } from "../../api/types.ts";
import { useCursorList } from "../../lib/useCursorList.ts";

export interface ControlFilters {
  status?: string;
  criterion?: string;
  owner?: string;
  q?: string;
}

export const controlsKey = (org: string) => ["orgs", org, "controls"] as const;

export function useControls(org: string, filters: ControlFilters, enabled = true) {
  return useCursorList<Control>(
    controlsKey(org),
    orgPath(org, "/controls"),
    { ...filters },
    {
      enabled,
      limit: 100,
    },
  );
}

/** Every control, for pickers (link evidence to a control, map a control). */
export function useAllControls(org: string) {
  return useQuery({
    queryKey: [...controlsKey(org), "all"],
    queryFn: async ({ signal }) => {
      const all: Control[] = [];
      let cursor: string | null = null;
      do {
        const page: ListResponse<Control> = await api<ListResponse<Control>>(
          orgPath(org, "/controls"),
          {
            query: { limit: 200, cursor },
            signal,
          },
        );
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      return all;
    },
  });
}

export function useControl(org: string, ref: string) {
  return useQuery({
    queryKey: [...controlsKey(org), ref],
    queryFn: ({ signal }) =>
      api<ControlDetail>(orgPath(org, `/controls/${encodeURIComponent(ref)}`), { signal }),
  });
}

/** A control change moves readiness, criteria and tasks too: refresh everything of the org. */
function useInvalidateOrg(org: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["orgs", org] });
}

export interface ControlPatch {
  title?: string;
  description?: string;
  status?: string;
  reason?: string;
  owner?: string | null;
  kind?: string;
  automation?: string;
  frequency?: string;
  testProcedure?: string;
}

export function useUpdateControl(org: string, ref: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: (patch: ControlPatch) =>
      api<Control>(orgPath(org, `/controls/${encodeURIComponent(ref)}`), {
        method: "PATCH",
        body: patch,
      }),
    onSuccess: invalidate,
  });
}

export function useMapping(org: string, ref: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: ({ criterion, mapped }: { criterion: string; mapped: boolean }) =>
      api<Control>(
        orgPath(
          org,
          `/controls/${encodeURIComponent(ref)}/criteria/${encodeURIComponent(criterion)}`,
        ),
        { method: mapped ? "PUT" : "DELETE" },
      ),
    onSuccess: invalidate,
  });
}

export interface NewControl {
  ref: string;
  title: string;
  description: string;
  kind: string;
  automation: string;
  frequency: string;
  criteria: string[];
}

export function useCreateControl(org: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: (input: NewControl) =>
      api<Control>(orgPath(org, "/controls"), { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}
