// Competition ranks for a sequence of runs over the same units (Monte Carlo draws, Sobol samples): the order of
// the previous run is kept and repaired by insertion sort, which costs little when ranks move a few places
// between runs. Same ranks as rank() (highest value 1, ties share the lowest rank, tolerance 0; NaN and
// ±Infinity unranked).

import { rankRange } from './rank-into.js';

/**
 * rankTracker(n) — rank(x[from … from + n)) into out[at … at + n), reusing the last run's order. Insertion sort
 * is quadratic when the order changes wholesale, so above 64 units each run is sorted afresh (rankRange).
 */
export function rankTracker(
  n: number,
): (x: ArrayLike<number>, from: number, out: Float64Array, at: number) => void {
  if (n > 64) {
    const scratch = new Float64Array(n);
    return (x, from, out, at) => rankRange(x, from, n, out, at, scratch);
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const key = new Float64Array(n);
  return (x, from, out, at) => {
    for (let i = 0; i < n; i++) {
      const v = x[from + i]!;
      key[i] = v - v === 0 ? v : -Infinity;
    }
    // Descending by key; missing values (−Infinity keys) sink to the end.
    for (let p = 1; p < n; p++) {
      const u = order[p]!;
      const v = key[u]!;
      let q = p - 1;
      while (q >= 0 && key[order[q]!]! < v) {
        order[q + 1] = order[q]!;
        q--;
      }
      order[q + 1] = u;
    }
    let rank = 0;
    for (let p = 0; p < n; p++) {
      const u = order[p]!;
      const v = key[u]!;
      if (v === -Infinity) out[at + u] = NaN;
      else {
        if (p === 0 || v !== key[order[p - 1]!]!) rank = p + 1;
        out[at + u] = rank;
      }
    }
  };
}
