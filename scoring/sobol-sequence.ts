// Sobol's low-discrepancy sequence in base 2 (Bratley & Fox 1988, Algorithm 659, with Joe & Kuo's direction
// numbers: S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional projections", SIAM J.
// Sci. Comput. 30 (2008) 2635–2654, file new-joe-kuo-6.21201, dimensions 2–21 below; dimension 1 is van der
// Corput). Unscrambled, 32-bit, generated in Gray-code order. The first point (the origin) is skipped, as R's
// randtoolbox::sobol does (COINr's SA_sample draws its Saltelli matrices from it), so point 1 is (0.5, …, 0.5).

// [s (degree), a (polynomial coefficients), m_1 … m_s] for dimensions 2–21.
const JOE_KUO: readonly [number, number, number[]][] = [
  [1, 0, [1]],
  [2, 1, [1, 3]],
  [3, 1, [1, 3, 1]],
  [3, 2, [1, 1, 1]],
  [4, 1, [1, 1, 3, 3]],
  [4, 4, [1, 3, 5, 13]],
  [5, 2, [1, 1, 5, 5, 17]],
  [5, 4, [1, 1, 5, 5, 5]],
  [5, 7, [1, 1, 7, 11, 19]],
  [5, 11, [1, 1, 5, 1, 1]],
  [5, 13, [1, 1, 1, 3, 11]],
  [5, 14, [1, 3, 5, 5, 31]],
  [6, 1, [1, 3, 3, 9, 7, 49]],
  [6, 13, [1, 1, 1, 15, 21, 21]],
  [6, 16, [1, 3, 1, 13, 27, 49]],
  [6, 19, [1, 1, 1, 15, 7, 5]],
  [6, 22, [1, 3, 1, 15, 13, 25]],
  [6, 25, [1, 1, 5, 5, 19, 61]],
  [7, 1, [1, 3, 7, 11, 23, 15, 103]],
  [7, 4, [1, 3, 7, 13, 13, 15, 69]],
];

export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;
const BITS = 32;

function directions(dim: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (dim === 0) {
    for (let i = 1; i <= BITS; i++) v[i] = 2 ** (BITS - i);
    return v;
  }
  const [s, a, m] = JOE_KUO[dim - 1]!;
  for (let i = 1; i <= s && i <= BITS; i++) v[i] = (m[i - 1]! * 2 ** (BITS - i)) >>> 0;
  for (let i = s + 1; i <= BITS; i++) {
    let x = (v[i - s]! ^ (v[i - s]! >>> s)) >>> 0;
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x = (x ^ v[i - k]!) >>> 0;
    v[i] = x;
  }
  return v;
}

/**
 * sobolPoints(n, d) — the first n points (after the origin) of the d-dimensional sequence, row-major:
 * point j, coordinate k at [j·d + k], each in (0, 1). d ≤ SOBOL_MAX_DIMENSIONS, n < 2^32 − 1.
 */
export function sobolPoints(n: number, d: number): Float64Array {
  if (!Number.isInteger(d) || d < 1 || d > SOBOL_MAX_DIMENSIONS)
    throw new RangeError(`the Sobol sequence here has 1 to ${SOBOL_MAX_DIMENSIONS} dimensions, not ${d}`);
  if (!Number.isInteger(n) || n < 1 || n >= 2 ** BITS - 1)
    throw new RangeError('n is not a positive integer');
  const v = Array.from({ length: d }, (_, k) => directions(k));
  const x = new Uint32Array(d);
  const out = new Float64Array(n * d);
  for (let j = 0; j < n; j++) {
    // Point j + 1 from point j: flip the direction number of the lowest zero bit of j.
    let c = 1;
    let i = j;
    while (i & 1) {
      i >>>= 1;
      c++;
    }
    for (let k = 0; k < d; k++) {
      x[k] = (x[k]! ^ v[k]![c]!) >>> 0;
      out[j * d + k] = x[k]! / 2 ** BITS;
    }
  }
  return out;
}
