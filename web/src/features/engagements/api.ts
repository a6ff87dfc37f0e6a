import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, itemsOf, orgPath, send } from "../../api/client.ts";
import type {
  Assignee,
  ControlPopulation,
  ControlTest,
  DrawnSample,
  Engagement,
  EngagementAuditor,
  EngagementResults,
  EngagementSample,
  EngagementStatus,
  ItemResult,
  ListResponse,
} from "../../api/types.ts";

const listKey = (org: string) => ["orgs", org, "engagements"] as const;
const oneKey = (org: string, id: string) => [...listKey(org), id] as const;
const path = (org: string, id: string, rest = "") =>
  orgPath(org, `/engagements/${encodeURIComponent(id)}${rest}`);

export function useEngagements(org: string) {
  return useQuery({
    queryKey: listKey(org),
    queryFn: async ({ signal }) =>
      itemsOf(await api<ListResponse<Engagement>>(orgPath(org, "/engagements"), { signal })),
  });
}

export function useEngagement(org: string, id: string) {
  return useQuery({
    queryKey: oneKey(org, id),
    queryFn: ({ signal }) => api<Engagement>(path(org, id), { signal }),
  });
}

/** Everything under one engagement changes together (status, sample, results). */
function useRefreshEngagement(org: string, id: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: oneKey(org, id) });
    await queryClient.invalidateQueries({ queryKey: listKey(org), exact: true });
    await queryClient.invalidateQueries({ queryKey: ["orgs", org, "audit-log"] });
  };
}

/** The create body is the service's input: a Type 1 as of one date, a Type 2 over a period. */
export interface NewEngagement {
  type: 1 | 2;
  asOf?: string;
  from?: string;
  to?: string;
  categories?: string[];
  auditFirm: string;
  periodReason?: string;
  confirmGap?: boolean;
}

export function useCreateEngagement(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewEngagement) =>
      api<Engagement>(orgPath(org, "/engagements"), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey(org) }),
  });
}

export function useAdvance(org: string, id: string) {
  const refresh = useRefreshEngagement(org, id);
  return useMutation({
    mutationFn: (input: { to?: EngagementStatus; reason?: string }) =>
      api<Engagement>(path(org, id, "/advance"), { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

function toAuditor({ user }: Assignee): EngagementAuditor {
  return { userId: user.id, email: user.email, name: user.name };
}

export function useAuditors(org: string, id: string, enabled = true) {
  return useQuery({
    queryKey: [...oneKey(org, id), "auditors"],
    queryFn: async ({ signal }) =>
      itemsOf(await api<ListResponse<Assignee>>(path(org, id, "/auditors"), { signal })).map(
        toAuditor,
      ),
    enabled,
  });
}

export function useAssignAuditor(org: string, id: string) {
  const refresh = useRefreshEngagement(org, id);
  return useMutation({
    mutationFn: ({ userId, assigned }: { userId: string; assigned: boolean }) =>
      send(path(org, id, `/auditors/${encodeURIComponent(userId)}`), {
        method: assigned ? "PUT" : "DELETE",
      }),
    onSuccess: refresh,
  });
}

export function usePopulations(org: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...oneKey(org, id), "populations"],
    queryFn: async ({ signal }) =>
      itemsOf(
        await api<ListResponse<ControlPopulation>>(path(org, id, "/populations"), { signal }),
      ),
    enabled,
  });
}

/** null until a sample is drawn (the server may answer null or 404 for that). */
export function useSample(org: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...oneKey(org, id), "sample"],
    queryFn: async ({ signal }) => {
      try {
        const answer = await api<{ sample: EngagementSample | null }>(path(org, id, "/sample"), {
          signal,
        });
        return answer.sample ?? null;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
  });
}

/**
 * What to do with a draw's answer before the engagement is read again: a first draw replaces
 * the form that made it, so a callback given to `mutate` there would never run.
 */
type OnDrawn = (answer: DrawnSample) => void;

function drawnThenRefresh(refresh: () => Promise<void>, onDrawn: OnDrawn | undefined) {
  return async (answer: DrawnSample) => {
    onDrawn?.(answer);
    await refresh();
  };
}

export function useDrawSample(org: string, id: string, onDrawn?: OnDrawn) {
  const refresh = useRefreshEngagement(org, id);
  return useMutation({
    mutationFn: (input: { seed?: string; redrawReason?: string; itgcTested?: boolean }) =>
      api<DrawnSample>(path(org, id, "/sample"), { method: "POST", body: input }),
    onSuccess: drawnThenRefresh(refresh, onDrawn),
  });
}

/** The assigned auditor grows a control's sample to the next size after a deviation. */
export function useExtendSample(org: string, id: string, onDrawn?: OnDrawn) {
  const refresh = useRefreshEngagement(org, id);
  return useMutation({
    mutationFn: (input: { control: string }) =>
      api<DrawnSample>(path(org, id, "/sample/extend"), { method: "POST", body: input }),
    onSuccess: drawnThenRefresh(refresh, onDrawn),
  });
}

/** The assigned auditor draws the occurrences that ended or were recorded since the last draw. */
export function useRollForward(org: string, id: string, onDrawn?: OnDrawn) {
  const refresh = useRefreshEngagement(org, id);
  return useMutation({
    mutationFn: (input: { itgcTested?: boolean }) =>
      api<DrawnSample>(path(org, id, "/sample/roll-forward"), {
        method: "POST",
        body: input,
      }),
    onSuccess: drawnThenRefresh(refresh, onDrawn),
  });
}

export function useResults(org: string, id: string) {
  return useQuery({
    queryKey: [...oneKey(org, id), "results"],
    queryFn: ({ signal }) => api<EngagementResults>(path(org, id, "/results"), { signal }),
  });
}

export interface TestInput {
  control: string;
  methods: string[];
  procedure?: string;
  /** The assigned auditor an owner enters the test for; an auditor leaves it out. */
  auditor?: string;
  testedOn?: string;
  design?: string;
  designNotes?: string;
}

export function useRecordTest(org: string, id: string) {
  const refresh = useRefreshEngagement(org, id);
  return useMutation({
    mutationFn: (input: TestInput) =>
      api<ControlTest>(path(org, id, "/tests"), { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

export interface ItemInput {
  control: string;
  item: string;
  result: "pass" | "exception";
  description?: string;
  /** The assigned auditor an owner enters the result for; an auditor leaves it out. */
  auditor?: string;
}

export function useRecordItem(org: string, id: string) {
  const refresh = useRefreshEngagement(org, id);
  return useMutation({
    mutationFn: (input: ItemInput) =>
      api<ItemResult>(path(org, id, "/items"), { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

export function useRespond(org: string, id: string) {
  const refresh = useRefreshEngagement(org, id);
  return useMutation({
    mutationFn: (input: { control: string; item: string; response: string }) =>
      api<ItemResult>(path(org, id, "/responses"), { method: "POST", body: input }),
    onSuccess: refresh,
  });
}
