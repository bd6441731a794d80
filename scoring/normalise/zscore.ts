import type { Direction } from '#scoring/methodology/types.js';

/**
 * z-score with the sample standard deviation (n − 1): (x − mean)/s·sd + mean*, direction −1 gives
 * (mean − x)/s. Fewer than 2 values or s = 0 give every value the target mean. NaN stays NaN.
 */
export function zscore(
  x: Float64Array,
  direction: Direction,
  params: { mean?: number; sd?: number } = {},
): Float64Array {
  const m = params.mean ?? 0;
  const s = params.sd ?? 1;
  let n = 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== x[i]) continue;
    n++;
    sum += x[i]!;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) ss += (x[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v !== v) out[i] = NaN;
    else if (!(sd > 0)) out[i] = m;
    else out[i] = ((direction === 1 ? v - mean : mean - v) / sd) * s + m;
  }
  return out;
}
