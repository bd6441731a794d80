/**
 * Weighted generalised (power) mean (Σw·x^p / Σw)^(1/p) over the available children: p = 1 arithmetic, p = −1
 * harmonic; p = 0 is the geometric limit and is rejected here (use geometric). Negative values, or zeros with
 * p < 0, give NaN.
 */
export function power(x: ArrayLike<number>, w: ArrayLike<number>, p: number): number {
  if (!(Number.isFinite(p) && p !== 0)) throw new RangeError('p must be finite and non-zero');
  let sw = 0;
  let swp = 0;
  for (let k = 0; k < x.length; k++) {
    const v = x[k]!;
    if (v === v) {
      if (v < 0 || (v === 0 && p < 0)) return NaN;
      sw += w[k]!;
      swp += w[k]! * v ** p;
    }
  }
  return sw > 0 ? (swp / sw) ** (1 / p) : NaN;
}
