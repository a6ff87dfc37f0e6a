/**
 * A line diff between two texts (longest common subsequence), for comparing policy versions.
 * Policies are a few hundred lines, so the quadratic table is small; past the limit the
 * common head and tail are still matched and the middle is shown as replaced.
 */

export type DiffLine =
  | { kind: "same"; text: string; oldLine: number; newLine: number }
  | { kind: "removed"; text: string; oldLine: number }
  | { kind: "added"; text: string; newLine: number };

/** Cells of the LCS table past which the middle is not aligned line by line. */
const TABLE_LIMIT = 4_000_000;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail += 1;
  }
  const out: DiffLine[] = [];
  for (let i = 0; i < head; i += 1) {
    out.push({ kind: "same", text: a[i] ?? "", oldLine: i + 1, newLine: i + 1 });
  }
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  out.push(...middle(midA, midB, head));
  for (let k = tail; k > 0; k -= 1) {
    out.push({
      kind: "same",
      text: a[a.length - k] ?? "",
      oldLine: a.length - k + 1,
      newLine: b.length - k + 1,
    });
  }
  return out;
}

function middle(a: readonly string[], b: readonly string[], offset: number): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > TABLE_LIMIT) {
    return [
      ...a.map((text, i): DiffLine => ({ kind: "removed", text, oldLine: offset + i + 1 })),
      ...b.map((text, j): DiffLine => ({ kind: "added", text, newLine: offset + j + 1 })),
    ];
  }
  // lengths[i][j]: the LCS length of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({
        kind: "same",
        text: a[i] ?? "",
        oldLine: offset + i + 1,
        newLine: offset + j + 1,
      });
      i += 1;
      j += 1;
    } else if (
      j < m &&
      (i === n || (lengths[i * width + j + 1] ?? 0) >= (lengths[(i + 1) * width + j] ?? 0))
    ) {
      out.push({ kind: "added", text: b[j] ?? "", newLine: offset + j + 1 });
      j += 1;
    } else {
      out.push({ kind: "removed", text: a[i] ?? "", oldLine: offset + i + 1 });
      i += 1;
    }
  }
  return out;
}
