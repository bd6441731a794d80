// The main passes of the batch kernel (kernel-batch.ts): Σ w·x / Σ w for every unit and lane, as if no unit missed a
// child (kernel-arithmetic.ts's mainPass and tailPass, lane by lane, in the same order). A leaf node's children are
// indicators, whose zeroed rows are the same in every lane: each score is read once for four lanes.

import type { KernelBlock } from './kernel.js';

/** One block's lane arrays: node at, unit u, lane d at [(at · n + u) · LANES + d]. */
export interface LaneBlock {
  k: KernelBlock;
  n: number;
  values: Float64Array;
  zeroed: Float64Array;
  /** Per (node, lane): the units missing there, at [(at · LANES + d) · n …), and their count. */
  missing: Int32Array;
  missingCount: Int32Array;
  /** Per node, its coverage rule (0 when it has none). */
  coverage: Float64Array;
  weights: Float64Array;
  /** Per node, its children's lane-row offsets (position · n · LANES). */
  laneOff: Int32Array[];
  /** Root values, lane-major: lane d at [d · n … (d + 1) · n). */
  roots: Float64Array;
  /** Scratch: Σ w·x per (unit, lane); child weights per (child, lane); Σ w and Σ values per lane; Σ w per gap. */
  num: Float64Array;
  kw: Float64Array;
  total: Float64Array;
  check: Float64Array;
  sw: Float64Array;
  mark: Int32Array;
  epoch: number;
}

const L = 4;

// A node whose children are all indicators: three units × four lanes per step (twelve sums in registers; fewer
// instructions per product than two units or eight units of one run), then the last units one at a time.
export function leafPass(lb: LaneBlock, at: number): void {
  const { n, values, zeroed, num, kw, total, check } = lb;
  const z = lb.k.zeroed;
  const kidOff = lb.k.kidOff[at]!;
  const m = kidOff.length;
  const out = at * n * L;
  const [t0, t1, t2, t3] = [total[0]!, total[1]!, total[2]!, total[3]!];
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  let u = 0;
  for (; u + 2 < n; u += 3) {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let b3 = 0;
    let e0 = 0;
    let e1 = 0;
    let e2 = 0;
    let e3 = 0;
    for (let k = 0; k < m; k++) {
      const o = kidOff[k]! + u;
      const w = k * L;
      const za = z[o]!;
      const zb = z[o + 1]!;
      const ze = z[o + 2]!;
      const w0 = kw[w]!;
      const w1 = kw[w + 1]!;
      const w2 = kw[w + 2]!;
      const w3 = kw[w + 3]!;
      a0 += w0 * za;
      a1 += w1 * za;
      a2 += w2 * za;
      a3 += w3 * za;
      b0 += w0 * zb;
      b1 += w1 * zb;
      b2 += w2 * zb;
      b3 += w3 * zb;
      e0 += w0 * ze;
      e1 += w1 * ze;
      e2 += w2 * ze;
      e3 += w3 * ze;
    }
    const q = u * L;
    c0 += store(values, zeroed, num, out, q, a0, t0);
    c1 += store(values, zeroed, num, out, q + 1, a1, t1);
    c2 += store(values, zeroed, num, out, q + 2, a2, t2);
    c3 += store(values, zeroed, num, out, q + 3, a3, t3);
    c0 += store(values, zeroed, num, out, q + L, b0, t0);
    c1 += store(values, zeroed, num, out, q + L + 1, b1, t1);
    c2 += store(values, zeroed, num, out, q + L + 2, b2, t2);
    c3 += store(values, zeroed, num, out, q + L + 3, b3, t3);
    c0 += store(values, zeroed, num, out, q + 2 * L, e0, t0);
    c1 += store(values, zeroed, num, out, q + 2 * L + 1, e1, t1);
    c2 += store(values, zeroed, num, out, q + 2 * L + 2, e2, t2);
    c3 += store(values, zeroed, num, out, q + 2 * L + 3, e3, t3);
  }
  for (; u < n; u++) {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let k = 0; k < m; k++) {
      const za = z[kidOff[k]! + u]!;
      const w = k * L;
      a0 += kw[w]! * za;
      a1 += kw[w + 1]! * za;
      a2 += kw[w + 2]! * za;
      a3 += kw[w + 3]! * za;
    }
    const q = u * L;
    c0 += store(values, zeroed, num, out, q, a0, t0);
    c1 += store(values, zeroed, num, out, q + 1, a1, t1);
    c2 += store(values, zeroed, num, out, q + 2, a2, t2);
    c3 += store(values, zeroed, num, out, q + 3, a3, t3);
  }
  check[0] = c0;
  check[1] = c1;
  check[2] = c2;
  check[3] = c3;
}

// A node with aggregate children: their rows differ per lane, so there is no score to share; with few children
// (sub-indices, the index) the sums run child by child over the whole (unit, lane) row, each (unit, lane) still
// adding its terms in child order from 0.
export function upperPass(lb: LaneBlock, at: number): void {
  const { n, values, zeroed, num, kw, total, check } = lb;
  const laneOff = lb.laneOff[at]!;
  const m = laneOff.length;
  const out = at * n * L;
  const size = n * L;
  num.fill(0, 0, size);
  for (let k = 0; k < m; k++) {
    const o = laneOff[k]!;
    const w0 = kw[k * L]!;
    const w1 = kw[k * L + 1]!;
    const w2 = kw[k * L + 2]!;
    const w3 = kw[k * L + 3]!;
    for (let q = 0; q < size; q += L) {
      num[q] = num[q]! + w0 * zeroed[o + q]!;
      num[q + 1] = num[q + 1]! + w1 * zeroed[o + q + 1]!;
      num[q + 2] = num[q + 2]! + w2 * zeroed[o + q + 2]!;
      num[q + 3] = num[q + 3]! + w3 * zeroed[o + q + 3]!;
    }
  }
  const [t0, t1, t2, t3] = [total[0]!, total[1]!, total[2]!, total[3]!];
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  for (let q = 0; q < size; q += L) {
    c0 += store(values, zeroed, num, out, q, num[q]!, t0);
    c1 += store(values, zeroed, num, out, q + 1, num[q + 1]!, t1);
    c2 += store(values, zeroed, num, out, q + 2, num[q + 2]!, t2);
    c3 += store(values, zeroed, num, out, q + 3, num[q + 3]!, t3);
  }
  check[0] = c0;
  check[1] = c1;
  check[2] = c2;
  check[3] = c3;
}

// values = zeroed = x / Σ w at (unit, lane) position q of the node's rows; Σ w·x kept in num; returns the value.
function store(
  values: Float64Array,
  zeroed: Float64Array,
  num: Float64Array,
  out: number,
  q: number,
  x: number,
  total: number,
): number {
  const v = x / total;
  values[out + q] = v;
  zeroed[out + q] = v;
  num[q] = x;
  return v;
}
