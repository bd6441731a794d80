import type { Direction } from '#scoring/methodology/types.js';

export interface GoalpostParams {
  lower: number;
  upper: number;
  /** Output multiplier (default 1). */
  scale?: number;
  /** Clamp to the posts first (default true). */
  truncate?: boolean;
}

/**
 * Goalposts (HDI-style fixed benchmarks): (x − l)/(u − l)·scale; direction −1 gives (x − u)/(l − u)·scale. With
 * truncate the result is clamped to [0, scale]. l = u is rejected (the checker also rejects it).
 */
export function goalposts(x: Float64Array, direction: Direction, params: GoalpostParams): Float64Array {
  const { lower: l, upper: u } = params;
  const scale = params.scale ?? 1;
  if (!(u !== l && Number.isFinite(l) && Number.isFinite(u))) throw new RangeError('goalposts must differ');
  const truncate = params.truncate ?? true;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v !== v) {
      out[i] = NaN;
      continue;
    }
    let y = direction === 1 ? (v - l) / (u - l) : (v - u) / (l - u);
    if (truncate) y = y < 0 ? 0 : y > 1 ? 1 : y;
    out[i] = y * scale;
  }
  return out;
}
