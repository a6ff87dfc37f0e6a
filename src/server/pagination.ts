/**
 * Cursor pagination over an ordered list: the cursor names the last item of the previous page,
 * so a page stays correct when items are added before it.
 */
import { z } from "zod";
import { AppError } from "../domain/errors.ts";

export const pageQuery = {
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function paginate<T>(
  all: readonly T[],
  query: { cursor?: string | undefined; limit: number },
  keyOf: (item: T) => string,
): Page<T> {
  let start = 0;
  if (query.cursor !== undefined) {
    const key = Buffer.from(query.cursor, "base64url").toString("utf8");
    const index = all.findIndex((item) => keyOf(item) === key);
    if (index < 0) {
      throw new AppError("VALIDATION_FAILED", "cursor: does not match this list; start again", [
        { field: "cursor", message: "unknown cursor" },
      ]);
    }
    start = index + 1;
  }
  const items = all.slice(start, start + query.limit);
  const last = items.at(-1);
  const more = start + query.limit < all.length;
  return {
    items,
    nextCursor: more && last !== undefined ? Buffer.from(keyOf(last)).toString("base64url") : null,
  };
}
