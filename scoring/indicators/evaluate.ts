// Point estimates from a PreparedSurvey: share, mean and count come from the Σ value and n per unit and column
// that prepareSurvey summed; median and percentile sort the unit's present values (R type 7, scoring/quantile.ts: the median of an even
// count is the mean of the two middle values). The result is raw: suppression is applied by indicatorTableOf.
// Bootstrap resamples use resample.ts, which reads the same rows through per-unit histograms.

import { quantileSorted } from '../quantile.js';
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
  const { value: v, present, unitStart, sum, count } = prep;
  let widest = 0;
  for (let u = 0; u < U; u++) {
    widest = Math.max(widest, unitStart[u + 1]! - unitStart[u]!);
    for (let k = 0; k < K; k++) {
      const m = count[u * K + k]!;
      n[u * K + k] = m;
      value[u * K + k] = m === 0 ? NaN : prep.columns[k]!.statistic === 'count' ? m : sum[u * K + k]! / m;
    }
  }
  const scratch = new Float64Array(widest);
  prep.columns.forEach((col, k) => {
    if (col.statistic !== 'median' && col.statistic !== 'percentile') return;
    for (let u = 0; u < U; u++) {
      let m = 0;
      for (let r = unitStart[u]!; r < unitStart[u + 1]!; r++)
        if (present[r * K + k]) scratch[m++] = v[r * K + k]!;
      if (m > 0) value[u * K + k] = quantileSorted(scratch.subarray(0, m).sort(), col.p);
    }
  });
  return { value, n };
}
