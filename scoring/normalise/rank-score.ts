import type { Direction } from '#scoring/methodology/types.js';
import { rank } from '#scoring/rank.js';

/**
 * Rank as a score: 1 = worst (the smallest value, or the largest when direction is −1), ties take the minimum
 * rank (COINr n_rank). NaN stays NaN.
 */
export function rankScore(x: Float64Array, direction: Direction, tieTolerance = 0): Float64Array {
  return rank(x, { order: direction === 1 ? 'ascending' : 'descending', tolerance: tieTolerance });
}
