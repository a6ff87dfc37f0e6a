import { useInfiniteQuery } from "@tanstack/react-query";
import type { QueryKey } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import type { QueryParams } from "../api/client.ts";
import type { ListResponse } from "../api/types.ts";

/** A cursor-paged list: the first page now, the next when the user asks for more. */
export function useCursorList<T>(
  key: QueryKey,
  path: string,
  query: QueryParams = {},
  options: { enabled?: boolean; limit?: number } = {},
) {
  const result = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam, signal }) =>
      api<ListResponse<T>>(path, {
        query: { ...query, limit: options.limit ?? 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
  });
  const items = result.data?.pages.flatMap((page) => page.items);
  return { ...result, items };
}
