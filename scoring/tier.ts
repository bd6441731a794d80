import { toColumn } from './column.js';
import type { TierRule } from './methodology/types.js';
import { quantileSorted } from './quantile.js';
import type { Cell, TierAssignment } from './types.js';

export interface TierResult {
  tiers: (TierAssignment | null)[];
  /** Cut-offs actually applied, best first, on the score scale. */
  cutoffs: number[];
}

/**
 * Assigns tiers, best first: a score ≥ cutoffs[0] gets labels[0], else ≥ cutoffs[1] gets labels[1], …, else the
 * last label. fixed: the rule's cut-offs; quantile: R type-7 quantiles of this block's scores at the given
 * probabilities; meansd: mean + k·sd (sample sd). Missing scores get no tier; with no scores at all,
 * distribution-based cut-offs are empty and every tier is null.
 */
export function tier(scores: ArrayLike<Cell>, rule: TierRule): TierResult {
  const x = toColumn(scores, 'scores');
  const present = Array.from(x).filter((v) => v === v);
  let cutoffs: number[];
  if (rule.method === 'fixed') cutoffs = [...(rule.cutoffs ?? [])];
  else if (present.length === 0) cutoffs = [];
  else if (rule.method === 'quantile') {
    const sorted = Float64Array.from(present).sort();
    cutoffs = (rule.probabilities ?? []).map((p) => quantileSorted(sorted, p));
  } else if (rule.method === 'meansd') {
    const n = present.length;
    const mean = present.reduce((a, b) => a + b, 0) / n;
    const sd = n > 1 ? Math.sqrt(present.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
    cutoffs = (rule.k ?? []).map((k) => mean + k * sd);
  } else throw new RangeError(`unknown tier method ${String(rule.method)}`);
  if (rule.labels.length !== cutoffs.length + 1 && present.length > 0) {
    throw new RangeError('labels must number cut-offs + 1');
  }
  const tiers = Array.from(x, (v): TierAssignment | null => {
    if (v !== v || cutoffs.length + 1 !== rule.labels.length) return null;
    let index = cutoffs.findIndex((c) => v >= c);
    if (index < 0) index = cutoffs.length;
    return { index, label: rule.labels[index]! };
  });
  return { tiers, cutoffs };
}
