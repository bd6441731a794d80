// Quantiles of survey answers, R's default type 7 (Hyndman & Fan 1996): with n sorted values x[0..n−1] and
// h = (n − 1)·p, the quantile is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). The median is p = 0.5, so an even
// count gives the mean of the two middle values. Same rule as d3.quantileSorted.
//
// The bootstrap sees each row repeated counts[i] times (i in sorted order); the quantile of that multiset uses
// the same rule with n = Σ counts, so counts of all ones reproduce the plain quantile exactly.

/**
 * quantileSorted(sorted, p, counts?) — p in [0, 1]; sorted ascending; NaN for an empty (or zero-count) input.
 * With counts, the i-th value is repeated counts[order[i]] times (order defaults to the identity).
 */
export function quantileSorted(
  sorted: ArrayLike<number>,
  p: number,
  counts?: ArrayLike<number>,
  order?: ArrayLike<number>,
  from = 0,
  to = sorted.length,
): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError('p is not in [0, 1]');
  if (counts === undefined) {
    const n = to - from;
    if (n <= 0) return NaN;
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = sorted[from + lo] as number;
    if (lo + 1 >= n) return a;
    return a + (h - lo) * ((sorted[from + lo + 1] as number) - a);
  }
  let total = 0;
  for (let i = from; i < to; i++) total += counts[order ? (order[i] as number) : i] as number;
  if (total === 0) return NaN;
  const h = (total - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  // Walk the cumulative counts to the values at positions lo and lo + 1 of the repeated multiset.
  let seen = 0;
  for (let i = from; i < to; i++) {
    const c = counts[order ? (order[i] as number) : i] as number;
    if (c === 0) continue;
    seen += c;
    if (seen > lo) {
      const a = sorted[i] as number;
      if (frac === 0 || seen > lo + 1) return a;
      for (let j = i + 1; j < to; j++) {
        if ((counts[order ? (order[j] as number) : j] as number) > 0)
          return a + frac * ((sorted[j] as number) - a);
      }
      return a;
    }
  }
  return NaN;
}
