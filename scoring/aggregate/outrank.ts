export interface OutrankResult {
  /** matrix[i][j] = o_ij; the diagonal is 0; NaN when units i and j share no available indicator. */
  matrix: Float64Array[];
  /** Unordered pairs in which one unit is at least as good on every indicator and better on all (o_ij = 1). */
  nDominant: number;
  fracDominant: number;
}

/**
 * Weighted outranking matrix (COINr outrankMatrix): with weights normalised to sum 1 over the indicators both
 * units have, o_ij = Σ_k w_k·[x_ik > x_jk] + ½·Σ_k w_k·[x_ik = x_jk]. `rows` are units, columns indicators.
 */
export function outrank(rows: ArrayLike<number>[], w: ArrayLike<number>): OutrankResult {
  const n = rows.length;
  const matrix = Array.from({ length: n }, () => new Float64Array(n));
  let nDominant = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = rows[i]!;
      const b = rows[j]!;
      let total = 0;
      let win = 0;
      let tie = 0;
      for (let k = 0; k < w.length; k++) {
        const x = a[k]!;
        const y = b[k]!;
        if (x !== x || y !== y) continue;
        total += w[k]!;
        if (x > y) win += w[k]!;
        else if (x === y) tie += w[k]!;
      }
      const oij = total > 0 ? (win + tie / 2) / total : NaN;
      const oji = total > 0 ? (total - win - tie + tie / 2) / total : NaN;
      matrix[i]![j] = oij;
      matrix[j]![i] = oji;
      if (oij === 1 || oji === 1) nDominant++;
    }
  }
  return { matrix, nDominant, fracDominant: n > 1 ? nDominant / ((n * (n - 1)) / 2) : 0 };
}
