/**
 * Weighted geometric mean exp(Σw·ln x / Σw) over the available children. Any available value ≤ 0 gives NaN
 * (undefined), never −Infinity; normalise to a positive range (e.g. PCI's 1–10) before using it.
 */
export function geometric(x: ArrayLike<number>, w: ArrayLike<number>): number {
  let sw = 0;
  let swl = 0;
  for (let k = 0; k < x.length; k++) {
    const v = x[k]!;
    if (v === v) {
      if (v <= 0) return NaN;
      sw += w[k]!;
      swl += w[k]! * Math.log(v);
    }
  }
  return sw > 0 ? Math.exp(swl / sw) : NaN;
}
