// Indicator statistics and flags of the statistical audit (COINr get_stats; COIN Tool "Statistics" tab;
// composite-indicators.md §1): over the non-missing values of one column.

import { quantileSorted } from '#scoring/quantile.js';
import { checkSkewKurt } from '#scoring/treat/check-skew-kurt.js';

export interface StatsThresholds {
  /** Low availability below this share of units (default 0.65, the JRC rule of thumb). */
  availability?: number;
  /** Mostly zeros when the share of zeros among available values is above this (default 0.5). */
  zeros?: number;
  /** Low variation when the share of unique values is below this (default 0.5). */
  unique?: number;
}

export interface ColumnStats {
  n: number;
  min: number;
  max: number;
  mean: number;
  median: number;
  sd: number;
  skew: number;
  kurt: number;
  availability: number;
  shareZeros: number;
  shareUnique: number;
  flags: string[];
}

/** columnStats(x, thresholds?) — flags: low-availability, mostly-zeros, low-variation, outliers (JRC rule). */
export function columnStats(x: ArrayLike<number>, thresholds: StatsThresholds = {}): ColumnStats {
  const values: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i]! === x[i]!) values.push(x[i]!);
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let sum = 0;
  let zeros = 0;
  for (const v of sorted) {
    sum += v;
    if (v === 0) zeros++;
  }
  const mean = n > 0 ? sum / n : NaN;
  let ss = 0;
  for (const v of sorted) ss += (v - mean) ** 2;
  let unique = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) unique++;
  const jrc = checkSkewKurt(sorted);
  const out: ColumnStats = {
    n,
    min: n > 0 ? sorted[0]! : NaN,
    max: n > 0 ? sorted[n - 1]! : NaN,
    mean,
    median: quantileSorted(sorted, 0.5),
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN,
    skew: jrc.skew,
    kurt: jrc.kurt,
    availability: x.length > 0 ? n / x.length : NaN,
    shareZeros: n > 0 ? zeros / n : NaN,
    shareUnique: n > 0 ? unique / n : NaN,
    flags: [],
  };
  out.flags = flags(out, jrc.pass, thresholds);
  return out;
}

function flags(s: ColumnStats, jrcPass: boolean, t: StatsThresholds): string[] {
  const out: string[] = [];
  if (!(s.availability >= (t.availability ?? 0.65))) out.push('low-availability');
  if (s.shareZeros > (t.zeros ?? 0.5)) out.push('mostly-zeros');
  if (s.shareUnique < (t.unique ?? 0.5)) out.push('low-variation');
  if (!jrcPass) out.push('outliers');
  return out;
}
