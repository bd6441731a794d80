import { toColumn } from './column.js';
import type { Cell } from './types.js';

export interface RankOptions {
  /** 'descending' (default): the highest value ranks 1. 'ascending': the lowest ranks 1. */
  order?: 'descending' | 'ascending';
  /** Values within this absolute distance of the first value of a tie run share its rank (default 0: exact). */
  tolerance?: number;
}

/**
 * Competition ("sports") ranking: 1, 2, 2, 4. Ties share the lowest rank number; missing values (null, NaN,
 * ±Infinity) stay unranked (NaN). With a tolerance, a run of ties is anchored at its first value, so ties do not
 * chain across a long sequence of close values.
 */
export function rank(values: ArrayLike<Cell>, options: RankOptions = {}): Float64Array {
  const x = toColumn(values);
  const sign = (options.order ?? 'descending') === 'descending' ? -1 : 1;
  const tolerance = options.tolerance ?? 0;
  if (!(tolerance >= 0)) throw new RangeError('tolerance must be ≥ 0');
  const index: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) index.push(i);
  index.sort((a, b) => sign * (x[a]! - x[b]!) || a - b);
  const out = new Float64Array(x.length).fill(NaN);
  let anchor = NaN;
  let anchorRank = 0;
  for (let k = 0; k < index.length; k++) {
    const v = x[index[k]!]!;
    if (k === 0 || Math.abs(v - anchor) > tolerance) {
      anchor = v;
      anchorRank = k + 1;
    }
    out[index[k]!] = anchorRank;
  }
  return out;
}
