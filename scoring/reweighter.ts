// Re-weighting in a loop (a weight-set scan, a slider): scores of every node and the composite's ranks per
// weight set from the compiled kernel, into buffers reused by the next call; the full IndexResult (reweight)
// only when asked. Numbers are reweight()'s exactly (kernel.ts is bit-identical to scoreArrays).

import { compileKernel, type Kernel } from './kernel.js';
import type { Prepared } from './prepare.js';
import { rankTracker } from './rank-tracker.js';
import { reweight } from './reweight.js';
import type { IndexResult, WeightOverrides } from './types.js';

export interface LoopScores {
  block: string;
  units: string[];
  /** Node-major scores: flat node at for unit u at [at · units.length + u] (see FlatTree); NaN = missing. */
  values: Float64Array;
  /** The composite (root) per unit, and its competition rank (1 = best; NaN = missing). */
  composite: Float64Array;
  ranks: Float64Array;
}

export interface Reweighter {
  /** Every node code (Kernel.codes order), for the Float64Array form of scores(). */
  codes: string[];
  /** Scores and composite ranks for these weights; the arrays are overwritten by the next call. */
  scores(weights?: WeightOverrides | Float64Array): LoopScores[];
  /** The full result, as reweight(prepared, weights). */
  result(weights?: WeightOverrides): IndexResult;
}

/** reweighter(prepared) — prepared from prepare(). */
export function reweighter(prepared: Prepared): Reweighter {
  const k: Kernel = compileKernel(prepared);
  const out: LoopScores[] = k.blocks.map((b, i) => ({
    block: b.block,
    units: b.units,
    values: b.values,
    composite: k.root(i),
    ranks: new Float64Array(b.units.length),
  }));
  // Successive weight sets (a scan, a slider) move ranks a few places: repair the last order (rank-tracker.ts).
  const rankers = k.blocks.map((b) => rankTracker(b.units.length));
  return {
    codes: k.codes,
    scores(weights = {}) {
      if (weights instanceof Float64Array) {
        if (weights.length !== k.codes.length) throw new RangeError('weights is not one per code');
        k.runWeights(weights);
      } else k.run(weights);
      k.blocks.forEach((b, i) => {
        const n = b.units.length;
        rankers[i]!(b.values, b.tree.root * n, out[i]!.ranks, 0);
      });
      return out;
    },
    result: (weights = {}) => reweight(prepared, weights),
  };
}
