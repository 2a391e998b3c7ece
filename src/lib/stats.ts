/** Statistics shared by every metric: one definition of mean and quantile. */

/** Arithmetic mean; `null` for an empty set. */
export function mean(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  return sum / n;
}

/**
 * Quantile by linear interpolation between closest ranks (R-7, as
 * d3.quantile and numpy's default). `sorted` must be ascending.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo + 1 >= n) return a;
  const b = sorted[lo + 1]!;
  return a + (b - a) * (h - lo);
}

/**
 * `quantileSorted` of the values sorted ascending, for each p of `ps` (ascending),
 * by selection instead of a sort: O(n) a quantile where the sort was O(n log
 * n), for the time-in-stage quantiles of millions of visits. Values must not
 * be NaN.
 */
export function quantiles(values: ArrayLike<number>, ps: readonly number[]): (number | null)[] {
  return values.length === 0 ? ps.map(() => null) : quantilesReordering(Float64Array.from(values), ps);
}

/** `quantiles` of `a`, whose values it reorders: for an array made for the purpose, which it spares a copy. */
export function quantilesReordering(a: Float64Array, ps: readonly number[]): (number | null)[] {
  const n = a.length;
  if (n === 0) return ps.map(() => null);
  let from = 0;
  return ps.map((p, i) => {
    if (i > 0 && p < ps[i - 1]!) throw new Error('quantiles: ps must be ascending');
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    // Ranks below `from` are already in place, and hold nothing larger than a[from].
    selectRank(a, lo, from, n - 1);
    from = lo;
    const x = a[lo]!;
    if (lo + 1 >= n) return x;
    // Rank lo + 1: the smallest of what is above rank lo.
    let y = a[lo + 1]!;
    for (let k = lo + 2; k < n; k++) if (a[k]! < y) y = a[k]!;
    return x + (y - x) * (h - lo);
  });
}

/**
 * Put the value of rank `k` of a[left..right] at `k`, smaller or equal ones before it and larger or equal ones after
 * (Hoare partitions around a median of three, which split runs of equal values evenly). After a number of rounds
 * that only bad pivots reach, the rest of the range is sorted, so the worst case stays O(n log n).
 */
function selectRank(a: Float64Array, k: number, left: number, right: number): void {
  let rounds = 2 * Math.ceil(Math.log2(right - left + 2)) + 8;
  while (right > left) {
    if (--rounds < 0) {
      a.subarray(left, right + 1).sort();
      return;
    }
    const mid = (left + right) >>> 1;
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    // a[left..j] <= pivot <= a[i..right], and everything between equals the pivot.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** `a / b`, or `null` when the denominator is 0. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/**
 * Code-point order of strings (never locale collation). JS `<` compares UTF-16
 * code units, which misorders astral characters against U+E000..U+FFFF.
 */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      const cx = a.codePointAt(i)!;
      const cy = b.codePointAt(i)!;
      return cx < cy ? -1 : 1;
    }
    return x < y ? -1 : 1;
  }
  return a.length - b.length < 0 ? -1 : a.length === b.length ? 0 : 1;
}
