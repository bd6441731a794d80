/**
 * Sample skewness, type 2 (R e1071 and COINr): g = √n·Σd³/(Σd²)^{3/2}, skew = g·√(n(n−1))/(n−2), over the
 * non-missing values. Fewer than 3 values, or all values equal, give NaN.
 */
export function skew(x: ArrayLike<number>): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== x[i]) continue;
    n++;
    sum += x[i]!;
  }
  if (n < 3) return NaN;
  const m = sum / n;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v !== v) continue;
    const d = v - m;
    s2 += d * d;
    s3 += d * d * d;
  }
  if (s2 === 0) return NaN;
  const g = (Math.sqrt(n) * s3) / s2 ** 1.5;
  return (g * Math.sqrt(n * (n - 1))) / (n - 2);
}
