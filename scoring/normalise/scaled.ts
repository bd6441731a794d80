import type { Direction } from '#scoring/methodology/types.js';

/**
 * Fixed scale: (x − l)/(u − l)·scale (COINr n_scaled, default scale 100); direction −1 gives (u − x)/(u − l)·scale.
 * Not clamped. l = u is rejected.
 */
export function scaled(
  x: Float64Array,
  direction: Direction,
  params: { lower: number; upper: number; scale?: number },
): Float64Array {
  const { lower: l, upper: u } = params;
  const scale = params.scale ?? 100;
  if (!(u !== l && Number.isFinite(l) && Number.isFinite(u)))
    throw new RangeError('lower and upper must differ');
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    out[i] = v !== v ? NaN : ((direction === 1 ? v - l : u - v) / (u - l)) * scale;
  }
  return out;
}
