/**
 * Sample excess kurtosis, type 2 (R e1071 and COINr): r = n·Σd⁴/(Σd²)², kurt = ((n+1)(r−3) + 6)(n−1)/((n−2)(n−3)),
 * over the non-missing values. Fewer than 4 values, or all values equal, give NaN.
 */
export function kurt(x: ArrayLike<number>): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== x[i]) continue;
    n++;
    sum += x[i]!;
  }
  if (n < 4) return NaN;
  const m = sum / n;
  let s2 = 0;
  let s4 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v !== v) continue;
    const d2 = (v - m) * (v - m);
    s2 += d2;
    s4 += d2 * d2;
  }
  if (s2 === 0) return NaN;
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}
