// rank() for loops: the same competition ranks (highest value 1, ties share the lowest rank, tolerance 0;
// NaN and ±Infinity unranked) written into a caller's array, with one typed-array sort and a binary search per
// value instead of an index sort with a comparator.

/** rankInto(x, out, scratch?) — out[i] = 1 + number of values above x[i]; scratch: ≥ x.length, reused. */
export function rankInto(
  x: ArrayLike<number>,
  out: Float64Array,
  scratch: Float64Array = new Float64Array(x.length),
): Float64Array {
  rankRange(x, 0, x.length, out, 0, scratch.length === x.length ? scratch : new Float64Array(x.length));
  return out;
}

/**
 * rankRange(x, from, n, out, at, scratch) ranks x[from … from + n) into out[at … at + n), allocating nothing;
 * scratch.length ≥ n (keep it close to n: all of it is sorted).
 */
export function rankRange(
  x: ArrayLike<number>,
  from: number,
  n: number,
  out: Float64Array,
  at: number,
  scratch: Float64Array,
): void {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = x[from + i]!;
    if (v - v === 0) scratch[m++] = v;
  }
  // Pad with +Infinity past the finite values and sort the scratch in place: no view is allocated, and the
  // padding sorts last, after every finite value.
  for (let i = m; i < scratch.length; i++) scratch[i] = Infinity;
  scratch.sort();
  for (let i = 0; i < n; i++) {
    const v = x[from + i]!;
    if (v - v !== 0) {
      out[at + i] = NaN;
      continue;
    }
    // First position whose value is above v (−0 and 0 compare equal, as in rank()).
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (scratch[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    out[at + i] = 1 + m - lo;
  }
}
