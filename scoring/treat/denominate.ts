/**
 * x / D per unit (COINr Denominate without a scale factor). A missing numerator or denominator, or a zero
 * denominator, gives NaN (never ±Infinity).
 */
export function denominate(x: ArrayLike<number>, denominator: ArrayLike<number>): Float64Array {
  if (x.length !== denominator.length) throw new RangeError('x and denominator differ in length');
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const d = denominator[i]!;
    out[i] = d === 0 ? NaN : x[i]! / d;
    if (!Number.isFinite(out[i]!)) out[i] = NaN;
  }
  return out;
}
