import { centralMoments } from './moments.js';

/**
 * Sample skewness, type 2 (R e1071 and COINr): g = √n·Σd³/(Σd²)^{3/2}, skew = g·√(n(n−1))/(n−2), over the
 * non-missing values. Fewer than 3 values, or all values equal, give NaN.
 */
export function skew(x: ArrayLike<number>): number {
  const { n, s2, s3 } = centralMoments(x);
  if (n < 3 || s2 === 0) return NaN;
  const g = (Math.sqrt(n) * s3) / s2 ** 1.5;
  return (g * Math.sqrt(n * (n - 1))) / (n - 2);
}
