// Bootstrap form of a PreparedSurvey. Per unit and survey column, a histogram: slot 0 counts rows that do not count
// (missing answer, outside the sub-population), slots 1… the sorted distinct values the unit's answers take. Per
// row, the list of slots it falls in (CSR, 2-byte slots when a unit's histogram fits). A resample that takes row r
// counts[r] times adds counts[r] to each of the row's slots; share, mean and count are then weighted sums over a
// column's slots, and quantiles walk them in value order.
//
// Each (unit, column)'s most frequent slot is left out of the row lists: its count is the resample's total for the
// unit minus the other slots. With shares near one half or many "don't know" answers this skips a third or more of
// the additions, and it stays exact: the result equals computing the statistics on the rows repeated counts times
// (test/scoring/indicators). A firm's answers stay together, so resampling is joint across items.

import type { Evaluation } from './evaluate.js';
import type { PreparedSurvey } from './prepare.js';

export interface ResampleFrame {
  prep: PreparedSurvey;
  /** Row r's slots are slots[rowStart[r] … rowStart[r+1] − 1], local to the row's unit. */
  rowStart: Int32Array;
  slots: Uint16Array | Uint32Array;
  /** For unit u and column k, global slots offset[u·K + k] … offset[u·K + k + 1] − 1 (the first: not counted). */
  offset: Int32Array;
  /** Local slot of each (unit, column) left out of the row lists. */
  implicit: Int32Array;
  /** Distinct value of each global slot (NaN for slot 0), ascending within a unit and column. */
  distinct: Float64Array;
  /** Largest histogram of a unit (scratch size). */
  maxUnitSlots: number;
  /** Scratch histogram, reused by every evaluation (resamples run one at a time). */
  hist: Int32Array;
  /** Per column: 0 share or mean, 1 count, 2 quantile. */
  kinds: Int8Array;
}

/** resampleFrame(prepared) builds the slots and distinct values once. */
export function resampleFrame(prep: PreparedSurvey): ResampleFrame {
  const K = prep.columns.length;
  const U = prep.units.length;
  const { unitStart, value, present } = prep;
  let widest = 0;
  for (let u = 0; u < U; u++) widest = Math.max(widest, unitStart[u + 1]! - unitStart[u]!);
  const offset = new Int32Array(U * K + 1);
  const implicit = new Int32Array(U * K);
  const parts: Float64Array[] = [];
  const scratch = new Float64Array(widest);
  const code = new Int32Array(prep.rows * K);
  const seen = new Uint8Array(256);
  let slots = 0;
  let maxUnitSlots = 0;
  for (let u = 0; u < U; u++) {
    const first = slots;
    for (let k = 0; k < K; k++) {
      offset[u * K + k] = slots;
      let m = 0;
      for (let r = unitStart[u]!; r < unitStart[u + 1]!; r++)
        if (present[r * K + k]) scratch[m++] = value[r * K + k]!;
      const d = distinctSorted(scratch, m, seen);
      const distinct = new Float64Array(d + 1);
      distinct[0] = NaN;
      distinct.set(scratch.subarray(0, d), 1);
      parts.push(distinct);
      const freq = new Int32Array(d + 1);
      for (let r = unitStart[u]!; r < unitStart[u + 1]!; r++) {
        const c = present[r * K + k] ? 1 + search(distinct, value[r * K + k]!, d) : 0;
        code[r * K + k] = slots - first + c;
        freq[c]!++;
      }
      let mode = 0;
      for (let c = 1; c <= d; c++) if (freq[c]! > freq[mode]!) mode = c;
      implicit[u * K + k] = slots - first + mode;
      slots += d + 1;
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
  const list = maxUnitSlots <= 65536 ? new Uint16Array(prep.rows * K) : new Uint32Array(prep.rows * K);
  let i = 0;
  for (let u = 0; u < U; u++) {
    for (let r = unitStart[u]!; r < unitStart[u + 1]!; r++) {
      for (let k = 0; k < K; k++) if (code[r * K + k] !== implicit[u * K + k]) list[i++] = code[r * K + k]!;
      rowStart[r + 1] = i;
    }
  }
  const kinds = Int8Array.from(prep.columns, (c) => (c.statistic === 'count' ? 1 : c.p === c.p ? 2 : 0));
  const hist = new Int32Array(maxUnitSlots);
  return { prep, rowStart, slots: list.slice(0, i), offset, implicit, distinct, maxUnitSlots, hist, kinds };
}

/** evaluateResample(frame, counts, out?) — row r counts counts[r] times; same layout as evaluateSurvey. */
export function evaluateResample(
  frame: ResampleFrame,
  counts: ArrayLike<number>,
  out?: Evaluation,
): Evaluation {
  const { prep, rowStart, slots, offset, implicit, distinct, hist, kinds } = frame;
  const K = prep.columns.length;
  const U = prep.units.length;
  const value = out?.value ?? new Float64Array(U * K);
  const n = out?.n ?? new Int32Array(U * K);
  for (let u = 0; u < U; u++) {
    const first = offset[u * K]!;
    hist.fill(0, 0, offset[u * K + K]! - first);
    const total = accumulate(prep.unitStart[u]!, prep.unitStart[u + 1]!, counts, rowStart, slots, hist);
    for (let k = 0; k < K; k++) {
      const from = offset[u * K + k]! - first;
      const to = offset[u * K + k + 1]! - first;
      let m = 0;
      let sum = 0;
      for (let s = from + 1; s < to; s++) {
        m += hist[s]!;
        sum += hist[s]! * distinct[first + s]!;
      }
      // The left-out slot takes what the others did not count.
      const rest = total - m - hist[from]!;
      const left = implicit[u * K + k]!;
      hist[left]! += rest;
      if (left !== from) {
        m += rest;
        sum += rest * distinct[first + left]!;
      }
      const i = u * K + k;
      n[i] = m;
      if (m === 0) value[i] = NaN;
      else if (kinds[k] === 0) value[i] = sum / m;
      else if (kinds[k] === 1) value[i] = m;
      else value[i] = histQuantile(hist, distinct, first, from + 1, to, m, prep.columns[k]!.p);
    }
  }
  return { value, n };
}

// The hot loop, kept small and monomorphic so the JIT compiles it tightly: adds each row's count to its slots.
// Unrolled by four: a row's slots are distinct, so the four adds are independent and V8 issues them together
// (about 40 % faster on the benchmark's 20,000 × 80 rows than the plain loop).
function accumulate(
  from: number,
  to: number,
  counts: ArrayLike<number>,
  rowStart: Int32Array,
  slots: Uint16Array | Uint32Array,
  hist: Int32Array,
): number {
  let total = 0;
  for (let r = from; r < to; r++) {
    const c = counts[r]!;
    if (c === 0) continue;
    total += c;
    let i = rowStart[r]!;
    const end = rowStart[r + 1]!;
    for (; i + 3 < end; i += 4) {
      const a = slots[i]!;
      const b = slots[i + 1]!;
      const d = slots[i + 2]!;
      const e = slots[i + 3]!;
      hist[a]! += c;
      hist[b]! += c;
      hist[d]! += c;
      hist[e]! += c;
    }
    for (; i < end; i++) hist[slots[i]!]! += c;
  }
  return total;
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

// Sorts the distinct values of xs[0 … m − 1] into xs[0 … d − 1] and returns d. Small non-negative integers
// (shares, ratings, counts: most columns) take a 256-bin table instead of a sort.
function distinctSorted(xs: Float64Array, m: number, seen: Uint8Array): number {
  let small = true;
  for (let i = 0; i < m && small; i++) {
    const x = xs[i]!;
    small = (x | 0) === x && x >= 0 && x < 256 && !Object.is(x, -0);
  }
  let d = 0;
  if (small) {
    seen.fill(0);
    for (let i = 0; i < m; i++) seen[xs[i]!] = 1;
    for (let x = 0; x < 256; x++) if (seen[x]) xs[d++] = x;
    return d;
  }
  const sorted = xs.subarray(0, m).sort();
  for (let i = 0; i < m; i++) if (d === 0 || sorted[i] !== sorted[d - 1]) sorted[d++] = sorted[i]!;
  return d;
}

// Index (0-based, among values[1 … d]) of x, which is present.
function search(values: Float64Array, x: number, d: number): number {
  let lo = 0;
  let hi = d - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid + 1]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
