import { extent, toColumn } from '#scoring/column.js';
import type { Direction, Normaliser } from '#scoring/methodology/types.js';
import type { Cell } from '#scoring/types.js';
import { borda } from './borda.js';
import { dist2max } from './dist2max.js';
import { dist2target } from './dist2target.js';
import { goalposts } from './goalposts.js';
import { minmax } from './minmax.js';
import { pci } from './pci.js';
import { prank } from './prank.js';
import { rankScore } from './rank-score.js';
import { scaled } from './scaled.js';
import { zscore } from './zscore.js';

/**
 * Normalises one indicator column. `benchmark` (raw-scale min and max) is used by pci, minmax, dist2max and
 * dist2target; without it they use the column's own extremes. Missing in, missing out (NaN).
 */
export function normalise(
  values: ArrayLike<Cell>,
  spec: Normaliser,
  direction: Direction,
  benchmark?: { min: number; max: number },
): Float64Array {
  const x = values instanceof Float64Array ? values : toColumn(values);
  if (direction !== 1 && direction !== -1) throw new RangeError('direction must be 1 or -1');
  const bounds = () => {
    if (benchmark) return benchmark;
    const [min, max] = extent(x);
    return { min, max };
  };
  const ties = spec.tieTolerance ?? 0;
  switch (spec.method) {
    case 'pci':
      return allMissing(x) ? x.slice() : pci(x, direction, bounds());
    case 'minmax':
      return allMissing(x)
        ? x.slice()
        : minmax(x, direction, { ...bounds(), lower: spec.lower, upper: spec.upper });
    case 'zscore':
      return zscore(x, direction, { mean: spec.mean, sd: spec.sd });
    case 'rank':
      return rankScore(x, direction, ties);
    case 'prank':
      return prank(x, direction, ties);
    case 'borda':
      return borda(x, direction, ties);
    case 'dist2max':
      return dist2max(x, direction, bounds());
    case 'dist2target':
      if (spec.target === undefined) throw new RangeError('dist2target needs a target');
      return dist2target(x, direction, { ...bounds(), target: spec.target, cap: spec.cap });
    case 'goalposts':
      return goalposts(x, direction, {
        lower: spec.lower ?? NaN,
        upper: spec.upper ?? NaN,
        scale: spec.scale,
        truncate: spec.truncate,
      });
    case 'scaled':
      return scaled(x, direction, { lower: spec.lower ?? NaN, upper: spec.upper ?? NaN, scale: spec.scale });
    default:
      throw new RangeError(`unknown normaliser ${String((spec as { method: unknown }).method)}`);
  }
}

function allMissing(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) return false;
  return true;
}
