// Per-unit statistics of rank draws (Monte Carlo runs), stored run by run as sample-quantiles.ts expects. Ranks
// are integers 1..units, so quantiles come from a histogram per unit instead of a sort: the same order
// statistics, the same type 7 interpolation (quantile.ts), hence the same numbers as sampleQuantiles.

import { toCells } from './column.js';
import type { Cell } from './types.js';

export interface RankStats {
  units: string[];
  nominal: Cell[];
  /** Mean rank over the runs in which the unit has one. */
  mean: Cell[];
  median: Cell[];
  /** Type 7 quantiles at the run's rank interval (default 5 % and 95 %). */
  lower: Cell[];
  upper: Cell[];
  /** Mean over runs of |rank − nominal rank| (the Handbook's R̄ per unit). */
  meanAbsShift: Cell[];
}

/** rankStats(units, nominal, samples, probs) — samples[j·units + u] is run j's rank of unit u (NaN = none). */
export function rankStats(
  units: string[],
  nominal: Float64Array,
  samples: Float64Array,
  probs: [number, number],
): RankStats {
  const n = units.length;
  const out = {
    mean: new Float64Array(n).fill(NaN),
    median: new Float64Array(n).fill(NaN),
    lower: new Float64Array(n).fill(NaN),
    upper: new Float64Array(n).fill(NaN),
    shift: new Float64Array(n).fill(NaN),
  };
  const counts = new Int32Array(n + 2);
  for (let u = 0; u < n; u++) {
    counts.fill(0);
    let m = 0;
    let sum = 0;
    let shift = 0;
    const r0 = nominal[u]!;
    for (let j = u; j < samples.length; j += n) {
      const r = samples[j]!;
      if (r !== r) continue;
      counts[r]!++;
      m++;
      sum += r;
      shift += Math.abs(r - r0);
    }
    if (m === 0) continue;
    out.mean[u] = sum / m;
    if (r0 === r0) out.shift[u] = shift / m;
    const at = (k: number): number => {
      let c = 0;
      for (let r = 1; r < counts.length; r++) if ((c += counts[r]!) > k) return r;
      return NaN;
    };
    const q = (p: number): number => {
      const h = (m - 1) * p;
      const lo = Math.floor(h);
      const a = at(lo);
      return a + (h - lo) * (at(Math.min(lo + 1, m - 1)) - a);
    };
    out.median[u] = q(0.5);
    out.lower[u] = q(probs[0]);
    out.upper[u] = q(probs[1]);
  }
  return {
    units,
    nominal: toCells(nominal),
    mean: toCells(out.mean),
    median: toCells(out.median),
    lower: toCells(out.lower),
    upper: toCells(out.upper),
    meanAbsShift: toCells(out.shift),
  };
}
