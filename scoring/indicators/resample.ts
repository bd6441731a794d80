// Bootstrap form of a PreparedSurvey: per unit and survey column, the sorted distinct values the unit's answers
// take (a histogram's slots), and per row the list of slots its present answers fall in (CSR, 2-byte slots when a
// unit's histogram fits). A resample that takes row r counts[r] times adds counts[r] to each of the row's slots;
// share, mean and count are then weighted sums over each column's slots, and quantiles walk them in value order.
// This is exact: it equals computing the statistics on the rows repeated counts times (test/scoring/indicators),
// and it keeps a firm's answers together, so resampling is joint across items.

import type { Evaluation } from './evaluate.js';
import type { PreparedSurvey } from './prepare.js';

export interface ResampleFrame {
  prep: PreparedSurvey;
  /** Row r's slots are slots[rowStart[r] … rowStart[r+1] − 1], local to the row's unit. */
  rowStart: Int32Array;
  slots: Uint16Array | Uint32Array;
  /** For unit u and column k, global slots offset[u·K + k] … offset[u·K + k + 1] − 1. */
  offset: Int32Array;
  /** Distinct value of each global slot, ascending within a unit and column. */
  distinct: Float64Array;
  /** Largest histogram of a unit (scratch size). */
  maxUnitSlots: number;
}

/** resampleFrame(prepared) builds the slots and distinct values once. */
export function resampleFrame(prep: PreparedSurvey): ResampleFrame {
  const K = prep.columns.length;
  const U = prep.units.length;
  const { unitStart, value, present } = prep;
  let widest = 0;
  for (let u = 0; u < U; u++) widest = Math.max(widest, unitStart[u + 1]! - unitStart[u]!);
  const offset = new Int32Array(U * K + 1);
  const parts: Float64Array[] = [];
  const scratch = new Float64Array(widest);
  const code = new Int32Array(prep.rows * K).fill(-1);
  let slots = 0;
  let maxUnitSlots = 0;
  for (let u = 0; u < U; u++) {
    const first = slots;
    for (let k = 0; k < K; k++) {
      offset[u * K + k] = slots;
      let m = 0;
      for (let r = unitStart[u]!; r < unitStart[u + 1]!; r++)
        if (present[r * K + k]) scratch[m++] = value[r * K + k]!;
      const sorted = scratch.subarray(0, m).sort();
      let d = 0;
      for (let i = 0; i < m; i++) if (d === 0 || sorted[i] !== sorted[d - 1]) sorted[d++] = sorted[i]!;
      const distinct = sorted.slice(0, d);
      parts.push(distinct);
      for (let r = unitStart[u]!; r < unitStart[u + 1]!; r++) {
        if (present[r * K + k]) code[r * K + k] = slots - first + search(distinct, value[r * K + k]!);
      }
      slots += d;
    }
    maxUnitSlots = Math.max(maxUnitSlots, slots - first);
  }
  offset[U * K] = slots;
  const distinct = new Float64Array(slots);
  let at = 0;
  for (const part of parts) {
    distinct.set(part, at);
    at += part.length;
  }
  const rowStart = new Int32Array(prep.rows + 1);
  for (let r = 0; r < prep.rows; r++) {
    let m = 0;
    for (let k = 0; k < K; k++) m += present[r * K + k]!;
    rowStart[r + 1] = rowStart[r]! + m;
  }
  const list =
    maxUnitSlots <= 65536 ? new Uint16Array(rowStart[prep.rows]!) : new Uint32Array(rowStart[prep.rows]!);
  for (let r = 0, i = 0; r < prep.rows; r++)
    for (let k = 0; k < K; k++) if (code[r * K + k]! >= 0) list[i++] = code[r * K + k]!;
  return { prep, rowStart, slots: list, offset, distinct, maxUnitSlots };
}

/** evaluateResample(frame, counts, out?) — row r counts counts[r] times; same layout as evaluateSurvey. */
export function evaluateResample(
  frame: ResampleFrame,
  counts: ArrayLike<number>,
  out?: Evaluation,
): Evaluation {
  const { prep, rowStart, slots, offset, distinct } = frame;
  const K = prep.columns.length;
  const U = prep.units.length;
  const value = out?.value ?? new Float64Array(U * K);
  const n = out?.n ?? new Int32Array(U * K);
  const hist = new Int32Array(frame.maxUnitSlots);
  const kinds = prep.columns.map((c) => (c.statistic === 'count' ? 1 : c.p === c.p ? 2 : 0));
  for (let u = 0; u < U; u++) {
    const first = offset[u * K]!;
    hist.fill(0, 0, offset[u * K + K]! - first);
    for (let r = prep.unitStart[u]!; r < prep.unitStart[u + 1]!; r++) {
      const c = counts[r]!;
      if (c === 0) continue;
      for (let i = rowStart[r]!, end = rowStart[r + 1]!; i < end; i++) hist[slots[i]!]! += c;
    }
    for (let k = 0; k < K; k++) {
      const from = offset[u * K + k]! - first;
      const to = offset[u * K + k + 1]! - first;
      let total = 0;
      let sum = 0;
      for (let s = from; s < to; s++) {
        total += hist[s]!;
        sum += hist[s]! * distinct[first + s]!;
      }
      const i = u * K + k;
      n[i] = total;
      if (total === 0) value[i] = NaN;
      else if (kinds[k] === 0) value[i] = sum / total;
      else if (kinds[k] === 1) value[i] = total;
      else value[i] = histQuantile(hist, distinct, first, from, to, total, prep.columns[k]!.p);
    }
  }
  return { value, n };
}

// Type 7 on the histogram: positions ⌊h⌋ and ⌊h⌋ + 1 (0-based) of the repeated multiset, h = (total − 1)·p.
function histQuantile(
  hist: Int32Array,
  distinct: Float64Array,
  g: number,
  from: number,
  to: number,
  total: number,
  p: number,
): number {
  const h = (total - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  let seen = 0;
  for (let s = from; s < to; s++) {
    const c = hist[s]!;
    if (c === 0) continue;
    seen += c;
    if (seen > lo) {
      const a = distinct[g + s]!;
      if (frac === 0 || seen > lo + 1) return a;
      for (let t = s + 1; t < to; t++) if (hist[t]! > 0) return a + frac * (distinct[g + t]! - a);
      return a;
    }
  }
  return NaN;
}

// Index of x in the ascending array values (x is present).
function search(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
