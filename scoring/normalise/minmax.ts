import type { Direction } from '#scoring/methodology/types.js';

export interface MinMaxParams {
  /** Benchmark on the raw scale. */
  min: number;
  max: number;
  /** Output range (default [0, 100]). */
  lower?: number;
  upper?: number;
}

/**
 * Min–max to [lower, upper]: (x − min)/(max − min)·(u − l) + l, and (max − x)/(max − min)·(u − l) + l for
 * direction −1 (identical to COINr's x′ = −x). Values outside a pooled or fixed benchmark fall outside [l, u];
 * nothing is clipped. max = min gives every value the midpoint (l + u)/2. NaN stays NaN.
 */
export function minmax(x: Float64Array, direction: Direction, params: MinMaxParams): Float64Array {
  const { min, max } = params;
  const l = params.lower ?? 0;
  const u = params.upper ?? 100;
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError('min and max must be finite');
  if (max < min) throw new RangeError('max must be ≥ min');
  const out = new Float64Array(x.length);
  const range = max - min;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v !== v) out[i] = NaN;
    else if (range === 0) out[i] = (l + u) / 2;
    else out[i] = ((direction === 1 ? v - min : max - v) / range) * (u - l) + l;
  }
  return out;
}
