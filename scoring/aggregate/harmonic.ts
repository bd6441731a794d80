/** Weighted harmonic mean Σw / Σ(w/x) over the available children; any available value ≤ 0 gives NaN. */
export function harmonic(x: ArrayLike<number>, w: ArrayLike<number>): number {
  let sw = 0;
  let swi = 0;
  for (let k = 0; k < x.length; k++) {
    const v = x[k]!;
    if (v === v) {
      if (v <= 0) return NaN;
      sw += w[k]!;
      swi += w[k]! / v;
    }
  }
  return sw > 0 ? sw / swi : NaN;
}
