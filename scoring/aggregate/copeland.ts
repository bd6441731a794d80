import { outrank } from './outrank.js';

/** Outranking values this close to ½ count as ties, so rounding in Σw cannot flip a win into a loss. */
const EPSILON = 1e-12;

/**
 * Copeland score per unit (COINr a_copeland): Σ_{j≠i} sign(o_ij − ½), i.e. +1 per pairwise majority win, −1 per
 * loss, 0 per tie, from the weighted outranking matrix. Pairs with no common indicator count as ties; a unit with
 * no available value gets NaN. Non-compensatory, so scores live on [−(n − 1), n − 1], not on the children's scale.
 */
export function copeland(rows: ArrayLike<number>[], w: ArrayLike<number>): Float64Array {
  const { matrix } = outrank(rows, w);
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    let any = false;
    const row = rows[i]!;
    for (let k = 0; k < row.length; k++) if (row[k] === row[k]) any = true;
    if (!any) {
      out[i] = NaN;
      continue;
    }
    let score = 0;
    for (let j = 0; j < rows.length; j++) {
      if (j === i) continue;
      const d = matrix[i]![j]! - 0.5;
      if (d > EPSILON) score++;
      else if (d < -EPSILON) score--;
    }
    out[i] = score;
  }
  return out;
}
