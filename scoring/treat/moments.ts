/**
 * Sums of powers of deviations from the mean over the non-missing (non-NaN) values: n, Σd², Σd³, Σd⁴.
 * Shared by skew and kurt, so both read the data the same way.
 */
export function centralMoments(x: ArrayLike<number>): { n: number; s2: number; s3: number; s4: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== x[i]) continue;
    n++;
    sum += x[i]!;
  }
  const m = sum / n;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v !== v) continue;
    const d = v - m;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  return { n, s2, s3, s4 };
}
