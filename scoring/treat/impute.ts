import type { ImputationMethod } from '#scoring/methodology/types.js';
import { quantileSorted } from '#scoring/quantile.js';

export interface ImputeResult {
  x: Float64Array;
  /** true where a value was filled in. */
  imputed: boolean[];
}

/**
 * Fills NaN cells of one indicator column: mean or median of the column's non-missing values, or of the values
 * of units in the same group (groupMean, groupMedian; `groups[i]` is unit i's group). Cells listed in `skip`
 * (e.g. suppressed values) are never filled. A cell whose group has no value stays NaN.
 */
export function impute(
  values: ArrayLike<number>,
  method: ImputationMethod,
  groups?: ArrayLike<string | undefined>,
  skip?: ArrayLike<boolean>,
): ImputeResult {
  const x = Float64Array.from(values as ArrayLike<number>);
  const imputed = new Array<boolean>(x.length).fill(false);
  if (method === 'none') return { x, imputed };
  const byGroup = method === 'groupMean' || method === 'groupMedian';
  if (byGroup && !groups) throw new TypeError('groups is required for group imputation');
  const median = method === 'median' || method === 'groupMedian';
  const pools = new Map<string, number[]>();
  for (let i = 0; i < x.length; i++) {
    const key = byGroup ? String(groups![i]) : '';
    if (!pools.has(key)) pools.set(key, []);
    if (x[i] === x[i]) pools.get(key)!.push(x[i]!);
  }
  const fill = new Map<string, number>();
  for (const [key, pool] of pools) {
    if (pool.length === 0) fill.set(key, NaN);
    else if (median) fill.set(key, quantileSorted(Float64Array.from(pool).sort(), 0.5));
    else fill.set(key, pool.reduce((a, b) => a + b, 0) / pool.length);
  }
  for (let i = 0; i < x.length; i++) {
    if (x[i] === x[i] || skip?.[i]) continue;
    const v = fill.get(byGroup ? String(groups![i]) : '')!;
    if (v === v) {
      x[i] = v;
      imputed[i] = true;
    }
  }
  return { x, imputed };
}
