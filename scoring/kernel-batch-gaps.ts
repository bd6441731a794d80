// Units with a missing child, per lane of the batch kernel: kernel-arithmetic.ts's fixedGapUnits and childGapUnits
// and kernel.ts's writeZeroed for one lane, with the same sums in the same order.

import type { Gaps } from './kernel.js';
import type { LaneBlock } from './kernel-batch-pass.js';

const L = 4;

/** Children that are indicators: Σ w per pattern of available children; returns the count of units listed. */
export function lanesFixedGaps(lb: LaneBlock, at: number, d: number, fixed: Gaps, zero: boolean): number {
  const { values, zeroed, num, kw, sw } = lb;
  const out = at * lb.n * L + d;
  const { missing } = lb;
  const list0 = (at * L + d) * lb.n;
  const { units, pattern, start, kids, covered } = fixed;
  for (let q = 0; q < covered.length; q++) {
    let x = 0;
    for (let i = start[q]!; i < start[q + 1]!; i++) x += kw[kids[i]! * L + d]!;
    sw[q] = covered[q] === 1 && x > 0 ? x : NaN;
  }
  let listed = 0;
  for (let t = 0; t < units.length; t++) {
    const v = units[t]!;
    const y = num[v * L + d]! / sw[pattern[t]!]!;
    values[out + v * L] = y;
    if (y === y) zeroed[out + v * L] = y;
    else if (zero) {
      zeroed[out + v * L] = 0;
      missing[list0 + listed++] = v;
    }
  }
  return listed;
}

/** lanesFixedGaps for the four lanes at once, every lane on the fast path (zero = true). */
export function lanesFixedGapsAll(lb: LaneBlock, at: number, fixed: Gaps): void {
  const { values, zeroed, num, kw, sw, missing, n } = lb;
  const out = at * n * L;
  const { units, pattern, start, kids, covered } = fixed;
  for (let q = 0; q < covered.length; q++) {
    let x0 = 0;
    let x1 = 0;
    let x2 = 0;
    let x3 = 0;
    for (let i = start[q]!; i < start[q + 1]!; i++) {
      const w = kids[i]! * L;
      x0 += kw[w]!;
      x1 += kw[w + 1]!;
      x2 += kw[w + 2]!;
      x3 += kw[w + 3]!;
    }
    const c = covered[q] === 1;
    sw[q * L] = c && x0 > 0 ? x0 : NaN;
    sw[q * L + 1] = c && x1 > 0 ? x1 : NaN;
    sw[q * L + 2] = c && x2 > 0 ? x2 : NaN;
    sw[q * L + 3] = c && x3 > 0 ? x3 : NaN;
  }
  const list = at * L * n;
  const listed = [0, 0, 0, 0];
  for (let t = 0; t < units.length; t++) {
    const v = units[t]!;
    const p = pattern[t]! * L;
    for (let d = 0; d < L; d++) {
      const y = num[v * L + d]! / sw[p + d]!;
      values[out + v * L + d] = y;
      if (y === y) zeroed[out + v * L + d] = y;
      else {
        zeroed[out + v * L + d] = 0;
        missing[list + d * n + listed[d]!++] = v;
      }
    }
  }
  for (let d = 0; d < L; d++) lb.missingCount[at * L + d] = listed[d]!;
}

/** Aggregate children: the units missing at some child in this lane, each once, summed over what they have. */
export function lanesChildGaps(
  lb: LaneBlock,
  at: number,
  d: number,
  coverage: number,
  zero: boolean,
): number {
  const { values, zeroed, kw, mark } = lb;
  const kidAt = lb.k.kidAt[at]!;
  const laneOff = lb.laneOff[at]!;
  const m = kidAt.length;
  const out = at * lb.n * L + d;
  const { missing } = lb;
  const list0 = (at * L + d) * lb.n;
  let listed = 0;
  const epoch = ++lb.epoch;
  for (let k = 0; k < m; k++) {
    const from = (kidAt[k]! * L + d) * lb.n;
    const count = lb.missingCount[kidAt[k]! * L + d]!;
    for (let i = from; i < from + count; i++) {
      const v = missing[i]!;
      if (mark[v] === epoch) continue;
      mark[v] = epoch;
      let s = 0;
      let x = 0;
      let c = 0;
      for (let j = 0; j < m; j++) {
        const y = values[laneOff[j]! + v * L + d]!;
        if (y === y) {
          c++;
          s += kw[j * L + d]!;
          x += kw[j * L + d]! * y;
        }
      }
      const y = c > 0 && c / m >= coverage && s > 0 ? x / s : NaN;
      values[out + v * L] = y;
      if (y === y) zeroed[out + v * L] = y;
      else if (zero) {
        zeroed[out + v * L] = 0;
        missing[list0 + listed++] = v;
      }
    }
  }
  return listed;
}

/** writeZeroed for one lane: zeroed = values with NaN as 0; the NaN units listed; returns their count. */
export function lanesZeroed(lb: LaneBlock, at: number, d: number): number {
  const { values, zeroed, n } = lb;
  const { missing } = lb;
  const list0 = (at * L + d) * lb.n;
  let k = 0;
  for (let u = 0; u < n; u++) {
    const q = (at * n + u) * L + d;
    const v = values[q]!;
    if (v === v) zeroed[q] = v;
    else {
      zeroed[q] = 0;
      missing[list0 + k++] = u;
    }
  }
  return k;
}
