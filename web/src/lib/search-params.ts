/**
 * A list page's filters live in its address, so a filtered list can be bookmarked and shared.
 * `setParam` sets one (or clears it, given null or ""). A filter change replaces the history
 * entry; the parameters named in `kept` (an opened drawer or dialog) add one, so Back closes
 * them.
 */
import { useSearchParams } from "react-router";

export function useSearchParam(
  kept: readonly string[] = [],
): readonly [URLSearchParams, (name: string, value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const setParam = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null || value === "") next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: !kept.includes(name) },
    );
  return [params, setParam] as const;
}
