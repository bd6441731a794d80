/**
 * The modified COIN Tool log: ln(x − min + 0.01·(max − min)) over the column's non-missing values. A constant
 * column has max = min and would give ln 0 = −Infinity, so it is returned unchanged. NaN stays NaN.
 */
export function logCT(x: ArrayLike<number>): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v === v) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const out = Float64Array.from(x as ArrayLike<number>);
  if (!(max > min)) return out;
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    if (v === v) out[i] = Math.log(v - min + 0.01 * (max - min));
  }
  return out;
}
