// Cronbach's alpha of a group's components (COINr get_cronbach): α = k/(k − 1) · (1 − Σ var_i / Σ_ij C_ij),
// equivalently k²·c̄ / Σ_ij C_ij with c̄ the mean off-diagonal covariance, from the sample covariance matrix over
// pairwise-complete observations (R cov(use = "pairwise.complete.obs")). Fewer than 2 components, or a total
// covariance of 0, give NaN.

/** cronbachAlpha(columns) — one Float64Array per component (NaN = missing). */
export function cronbachAlpha(columns: readonly ArrayLike<number>[]): number {
  const k = columns.length;
  if (k < 2) return NaN;
  let diag = 0;
  let all = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const c = covariance(columns[i]!, columns[j]!);
      if (c !== c) return NaN;
      if (i === j) diag += c;
      all += i === j ? c : 2 * c;
    }
  }
  return all === 0 ? NaN : (k / (k - 1)) * (1 - diag / all);
}

function covariance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let n = 0;
  let mx = 0;
  let my = 0;
  for (let u = 0; u < x.length; u++) {
    if (x[u]! === x[u]! && y[u]! === y[u]!) {
      n++;
      mx += x[u]!;
      my += y[u]!;
    }
  }
  if (n < 2) return NaN;
  mx /= n;
  my /= n;
  let s = 0;
  for (let u = 0; u < x.length; u++) if (x[u]! === x[u]! && y[u]! === y[u]!) s += (x[u]! - mx) * (y[u]! - my);
  return s / (n - 1);
}
