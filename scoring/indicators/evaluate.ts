// Point estimates from a PreparedSurvey: share, mean and count come from the Σ value and n per unit and column
// that prepareSurvey summed; median and percentile select from the unit's present values (R type 7, select.ts:
// the median of an even count is the mean of the two middle values). The result is raw: suppression is applied by indicatorTableOf.
// Bootstrap resamples use resample.ts, which reads the same rows through per-unit histograms.

import { quantileSelect } from './select.js';
import type { PreparedSurvey } from './prepare.js';

export interface Evaluation {
  /** units × columns, unit-major; NaN when n = 0. */
  value: Float64Array;
  n: Int32Array;
}

/** evaluateSurvey(prepared) computes every survey column for every unit. */
export function evaluateSurvey(prep: PreparedSurvey): Evaluation {
  const K = prep.columns.length;
  const U = prep.units.length;
  const value = new Float64Array(U * K);
  const n = new Int32Array(U * K);
  const isCount = Uint8Array.from(prep.columns, (c) => (c.statistic === 'count' ? 1 : 0));
  fromSums(prep.sum, prep.count, isCount, value, n);
  const quantile: number[] = [];
  prep.columns.forEach((col, k) => {
    if (col.statistic === 'median' || col.statistic === 'percentile') quantile.push(k);
  });
  const qk = Int32Array.from(quantile);
  const ps = Float64Array.from(quantile, (k) => prep.columns[k]!.p);
  quantiles(prep.value, prep.present, prep.unitStart, K, qk, ps, value);
  return { value, n };
}

// The loops are functions of their own over typed arrays so that V8 compiles each once and keeps it (see encode.ts).
function fromSums(
  sum: Float64Array,
  count: Int32Array,
  isCount: Uint8Array,
  value: Float64Array,
  n: Int32Array,
) {
  const K = isCount.length;
  for (let i = 0; i < count.length; i++) {
    const m = count[i]!;
    n[i] = m;
    value[i] = m === 0 ? NaN : isCount[i % K] ? m : sum[i]! / m;
  }
}

// Quantile columns qk (probabilities ps) are gathered in one pass over each unit's rows, which are contiguous: a
// pass per column would stride through the row-major array and miss the cache on almost every read.
function quantiles(
  v: Float64Array,
  present: Uint8Array,
  unitStart: Int32Array,
  K: number,
  qk: Int32Array,
  ps: Float64Array,
  value: Float64Array,
): void {
  const U = unitStart.length - 1;
  const Q = qk.length;
  let widest = 0;
  for (let u = 0; u < U; u++) widest = Math.max(widest, unitStart[u + 1]! - unitStart[u]!);
  const scratch = new Float64Array(Q * widest);
  const m = new Int32Array(Q);
  for (let u = 0; u < U; u++) {
    m.fill(0);
    for (let r = unitStart[u]!; r < unitStart[u + 1]!; r++) {
      const base = r * K;
      for (let j = 0; j < Q; j++) {
        const at = base + qk[j]!;
        if (present[at]) scratch[j * widest + m[j]!++] = v[at]!;
      }
    }
    for (let j = 0; j < Q; j++) {
      if (m[j] === 0) continue;
      value[u * K + qk[j]!] = quantileSelect(scratch.subarray(j * widest, j * widest + m[j]!), ps[j]!);
    }
  }
}
