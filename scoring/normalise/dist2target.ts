import type { Direction } from '#scoring/methodology/types.js';

export interface Dist2TargetParams {
  min: number;
  max: number;
  target: number;
  /** Values past the target become 1 (no floor). */
  cap?: boolean;
}

/**
 * Distance to a target: (x − min)/(t − min); direction −1 gives (max − x)/(max − t) (COINr n_dist2targ with
 * x′ = x·d, t′ = t·d). A target equal to the worst benchmark makes the denominator 0: every value gets 1.
 */
export function dist2target(x: Float64Array, direction: Direction, params: Dist2TargetParams): Float64Array {
  const { min, max, target } = params;
  const denominator = direction === 1 ? target - min : max - target;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v !== v) {
      out[i] = NaN;
      continue;
    }
    let y = denominator === 0 ? 1 : (direction === 1 ? v - min : max - v) / denominator;
    if (params.cap && y > 1) y = 1;
    out[i] = y;
  }
  return out;
}
