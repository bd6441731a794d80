// Quantiles of Monte Carlo or bootstrap draws. Draws are stored run by run (run j's value of column c is
// samples[j·columns + c]), so each run writes one contiguous stretch; NaN draws (a missing value in that run)
// are left out. Type 7 quantiles, as COINr's rank statistics (R quantile() default): a 5 % rank bound may fall
// between two ranks.

import { quantileSorted } from './quantile.js';

/** sampleQuantiles(samples, columns, probs) gives, per probability, a column of quantiles (NaN if no draw). */
export function sampleQuantiles(
  samples: Float64Array,
  columns: number,
  probs: readonly number[],
): Float64Array[] {
  if (!Number.isInteger(columns) || columns < 1) throw new RangeError('columns is not a positive integer');
  if (samples.length % columns !== 0) throw new RangeError('samples is not a multiple of columns');
  for (const p of probs) if (!(p >= 0 && p <= 1)) throw new RangeError('probs are not in [0, 1]');
  const runs = samples.length / columns;
  const out = probs.map(() => new Float64Array(columns).fill(NaN));
  const scratch = new Float64Array(runs);
  for (let c = 0; c < columns; c++) {
    let m = 0;
    for (let j = c; j < samples.length; j += columns) {
      const x = samples[j]!;
      if (x === x) scratch[m++] = x;
    }
    if (m === 0) continue;
    const sorted = scratch.subarray(0, m).sort();
    probs.forEach((p, i) => (out[i]![c] = quantileSorted(sorted, p)));
  }
  return out;
}
