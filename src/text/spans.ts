/** A half-open [start, end) range of UTF-16 offsets. */
export interface Range {
  start: number;
  end: number;
}

/**
 * The items that overlap none of `blockers`, in O((n + m) log m): blockers sorted by start,
 * with the running maximum of their ends, answer "does any blocker starting before this item's
 * end reach past its start?" by one binary search.
 */
export function withoutOverlaps<T extends Range>(items: T[], blockers: Range[]): T[] {
  const overlaps = overlapTest(blockers);
  return items.filter((item) => !overlaps(item.start, item.end));
}

/** A test "does [start, end) overlap any of `blockers`?", built once, each call O(log m). */
export function overlapTest(blockers: Range[]): (start: number, end: number) => boolean {
  const b = isSorted(blockers) ? blockers : [...blockers].sort((x, y) => x.start - y.start);
  const reach = new Float64Array(b.length);
  let max = -1;
  b.forEach((r, i) => {
    max = Math.max(max, r.end);
    reach[i] = max;
  });
  return (start, end) => {
    const n = countStartingBefore(b, end);
    return n > 0 && (reach[n - 1] as number) > start;
  };
}

/**
 * A test "does one of `blockers` hold [start, end) and reach beyond it?", built once, each call
 * O(log m) (plus the blockers that start exactly at `start`).
 */
export function containsTest(blockers: Range[]): (start: number, end: number) => boolean {
  const b = isSorted(blockers) ? blockers : [...blockers].sort((x, y) => x.start - y.start);
  const reach = new Float64Array(b.length);
  let max = -1;
  b.forEach((r, i) => {
    max = Math.max(max, r.end);
    reach[i] = max;
  });
  return (start, end) => {
    const before = countStartingBefore(b, start);
    if (before > 0 && (reach[before - 1] as number) >= end) return true;
    for (let k = before; k < b.length && (b[k] as Range).start === start; k++)
      if ((b[k] as Range).end > end) return true;
    return false;
  };
}

/** How many of `sorted` (sorted by start) start before `pos`: a binary search. */
export function countStartingBefore(sorted: Range[], pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as Range).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items (sorted by start) lying inside [start, end), found by binary search. */
export function within<T extends Range>(sorted: T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (
    let i = countStartingBefore(sorted, start);
    i < sorted.length && (sorted[i] as Range).start < end;
    i++
  ) {
    if ((sorted[i] as Range).end <= end) out.push(sorted[i] as T);
  }
  return out;
}

function isSorted(xs: Range[]): boolean {
  for (let i = 1; i < xs.length; i++)
    if ((xs[i] as Range).start < (xs[i - 1] as Range).start) return false;
  return true;
}
