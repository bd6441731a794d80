import type { Direction } from '#scoring/methodology/types.js';
import { rankScore } from './rank-score.js';

/** Percentile rank (rank − 1)/(n − 1) with minimum-rank ties, n = non-missing values; a single value gets 0.5. */
export function prank(x: Float64Array, direction: Direction, tieTolerance = 0): Float64Array {
  const r = rankScore(x, direction, tieTolerance);
  let n = 0;
  for (let i = 0; i < r.length; i++) if (r[i] === r[i]) n++;
  for (let i = 0; i < r.length; i++) if (r[i] === r[i]) r[i] = n === 1 ? 0.5 : (r[i]! - 1) / (n - 1);
  return r;
}
