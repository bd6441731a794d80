// The kernel's general loop for geometric, harmonic and power means (kernel.ts has the arithmetic fast path):
// aggregate()'s arithmetic per unit — coverage first, then the mean over available children in child order —
// with children outer and units inner, so each child row is read contiguously.

import type { Aggregator } from './methodology/types.js';

interface Scratch {
  x: Float64Array;
  sw: Float64Array;
  count: Int32Array;
}

// A unit with an available value ≤ 0 (< 0, or 0 with p < 0, for power) has no mean: its count is poisoned with
// −2^30 so it stays negative whatever follows.
const POISON = -(1 << 30);

/** generalMean(values, weights, kids, n, how, p, coverage, scratch, out) writes the node's row at `out`. */
export function generalMean(
  values: Float64Array,
  weights: Float64Array,
  kids: readonly number[],
  n: number,
  how: Aggregator,
  p: number | undefined,
  coverage: number,
  s: Scratch,
  out: number,
): void {
  if (how === 'power' && !(p !== undefined && Number.isFinite(p) && p !== 0))
    throw new RangeError('p must be finite and non-zero');
  if (how !== 'geometric' && how !== 'harmonic' && how !== 'power')
    throw new RangeError(`unknown aggregator ${String(how)}`);
  const { x, sw, count } = s;
  x.fill(0, 0, n);
  sw.fill(0, 0, n);
  count.fill(0, 0, n);
  for (let k = 0; k < kids.length; k++) {
    const w = weights[kids[k]!]!;
    const off = kids[k]! * n;
    for (let u = 0; u < n; u++) {
      const v = values[off + u]!;
      if (v !== v) continue;
      if (how === 'geometric') {
        count[u] = v <= 0 ? POISON : count[u]! + 1;
        x[u]! += w * Math.log(v);
      } else if (how === 'harmonic') {
        count[u] = v <= 0 ? POISON : count[u]! + 1;
        x[u]! += w / v;
      } else {
        count[u] = v < 0 || (v === 0 && p! < 0) ? POISON : count[u]! + 1;
        x[u]! += w * v ** p!;
      }
      sw[u]! += w;
    }
  }
  const m = kids.length;
  for (let u = 0; u < n; u++) {
    const c = count[u]!;
    let y: number;
    if (c <= 0 || c / m < coverage || !(sw[u]! > 0)) y = NaN;
    else if (how === 'geometric') y = Math.exp(x[u]! / sw[u]!);
    else if (how === 'harmonic') y = sw[u]! / x[u]!;
    else y = (x[u]! / sw[u]!) ** (1 / p!);
    values[out + u] = y;
  }
}
