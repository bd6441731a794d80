import type { Direction } from '#scoring/methodology/types.js';

/**
 * Distance to the best value: 1 − (max − x)/(max − min), i.e. min–max to [0, 1]; direction −1 gives
 * 1 − (x − min)/(max − min). max = min gives 0.5. NaN stays NaN.
 */
export function dist2max(
  x: Float64Array,
  direction: Direction,
  benchmark: { min: number; max: number },
): Float64Array {
  const { min, max } = benchmark;
  const range = max - min;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v !== v) out[i] = NaN;
    else if (range === 0) out[i] = 0.5;
    else out[i] = 1 - (direction === 1 ? max - v : v - min) / range;
  }
  return out;
}
