// Quantiles of Monte Carlo or bootstrap draws. Draws are stored column by column (column c's draws are
// samples[c·runs … c·runs + runs − 1]); NaN draws (a missing value in that run) are left out. Type 7 quantiles,
// as COINr's rank statistics (R quantile() default): a 5 % rank bound may fall between two ranks.

import { quantileSorted } from './quantile.js';

/** sampleQuantiles(samples, runs, probs) gives, per probability, a column of quantiles (NaN if no draw). */
export function sampleQuantiles(
  samples: Float64Array,
  runs: number,
  probs: readonly number[],
): Float64Array[] {
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError('runs is not a positive integer');
  if (samples.length % runs !== 0) throw new RangeError('samples is not a multiple of runs');
  for (const p of probs) if (!(p >= 0 && p <= 1)) throw new RangeError('probs are not in [0, 1]');
  const columns = samples.length / runs;
  const out = probs.map(() => new Float64Array(columns).fill(NaN));
  const scratch = new Float64Array(runs);
  for (let c = 0; c < columns; c++) {
    let m = 0;
    for (let j = c * runs; j < (c + 1) * runs; j++) {
      const x = samples[j]!;
      if (x === x) scratch[m++] = x;
    }
    if (m === 0) continue;
    const sorted = scratch.subarray(0, m).sort();
    probs.forEach((p, i) => (out[i]![c] = quantileSorted(sorted, p)));
  }
  return out;
}
