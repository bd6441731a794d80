import { centralMoments } from './moments.js';

/**
 * Sample excess kurtosis, type 2 (R e1071 and COINr): r = n·Σd⁴/(Σd²)², kurt = ((n+1)(r−3) + 6)(n−1)/((n−2)(n−3)),
 * over the non-missing values. Fewer than 4 values, or all values equal, give NaN.
 */
export function kurt(x: ArrayLike<number>): number {
  const { n, s2, s4 } = centralMoments(x);
  if (n < 4 || s2 === 0) return NaN;
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}
