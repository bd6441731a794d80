import type { Direction } from '#scoring/methodology/types.js';
import { rankScore } from './rank-score.js';

/** Borda score: rank − 1 with minimum-rank ties (0 = worst). NaN stays NaN. */
export function borda(x: Float64Array, direction: Direction, tieTolerance = 0): Float64Array {
  const r = rankScore(x, direction, tieTolerance);
  for (let i = 0; i < r.length; i++) r[i] = r[i]! - 1;
  return r;
}
