// Four runs of an all-arithmetic kernel at once (uncertainty draws, Sobol rows): each node's values for four weight
// vectors ("lanes") side by side, so a leaf node reads each indicator score once for all four lanes and keeps eight
// sums (two units × four lanes) in registers. Per lane the operations and their order are kernel.ts's
// (kernel-arithmetic.ts: Σ w·x over the zeroed rows in child order, one division by Σ w, Σ w per unit only where a
// child is missing, the same coverage and scale rules), so every lane is bit-identical to runWeights on its own
// weights (test/scoring/kernel-batch.test.ts). A tree with any other mean, or Copeland, gets no batch kernel.

import type { Kernel, KernelBlock, KernelOptions } from './kernel.js';
import { leafPass, upperPass, type LaneBlock } from './kernel-batch-pass.js';
import { lanesChildGaps, lanesFixedGaps, lanesFixedGapsAll, lanesZeroed } from './kernel-batch-gaps.js';

/** Runs per batch. */
export const LANES = 4;

export interface BatchKernel {
  /** Aggregates every block for LANES weight vectors, lane d's at weights[d · codes … (d + 1) · codes). */
  runLanes(weights: Float64Array): void;
  /** Block b's root values after the last runLanes, lane-major: lane d at [d · units … (d + 1) · units). */
  roots(b: number): Float64Array;
}

type Scale = { from: [number, number]; to: [number, number] } | null;

/** batchKernel(kernel, options, scale) — null unless every aggregate node is an arithmetic mean. */
export function batchKernel(kernel: Kernel, options: KernelOptions, scale: Scale): BatchKernel | null {
  const arithmetic = kernel.blocks.every((b) =>
    Array.from(b.aggregates).every((at) => {
      const node = b.tree.nodes[at]!.node as { aggregator?: string };
      return (options.aggregator?.aggregator ?? node.aggregator) === 'arithmetic';
    }),
  );
  if (!arithmetic) return null;
  const blocks = kernel.blocks.map(laneBlock);
  const codes = kernel.codes.length;
  const runLanes = (w: Float64Array): void => {
    for (const lb of blocks) {
      const { codeAt } = lb.k;
      for (let at = 0; at < codeAt.length; at++)
        for (let d = 0; d < LANES; d++) lb.weights[at * LANES + d] = w[d * codes + codeAt[at]!]!;
      aggregateLanes(lb, scale);
    }
  };
  return { runLanes, roots: (b) => blocks[b]!.roots };
}

// The lane arrays of one block; indicator rows (which no run changes) copied into every lane.
function laneBlock(k: KernelBlock): LaneBlock {
  const n = k.units.length;
  const size = k.tree.nodes.length;
  const values = new Float64Array(size * n * LANES);
  const zeroed = new Float64Array(size * n * LANES);
  const missing = new Int32Array(size * LANES * n);
  const missingCount = new Int32Array(size * LANES);
  for (const at of k.tree.indicators)
    for (let d = 0; d < LANES; d++) {
      for (let u = 0; u < n; u++) {
        values[(at * n + u) * LANES + d] = k.values[at * n + u]!;
        zeroed[(at * n + u) * LANES + d] = k.zeroed[at * n + u]!;
      }
      missing.set(k.missing[at]!, (at * LANES + d) * n);
      missingCount[at * LANES + d] = k.missingCount[at]!;
    }
  const kids = Math.max(0, ...k.kidAt.map((x) => x.length));
  return {
    k,
    n,
    values,
    zeroed,
    missing,
    missingCount,
    coverage: Float64Array.from(k.tree.nodes, (f) => (f.node as { coverage?: number }).coverage ?? 0),
    weights: new Float64Array(size * LANES),
    laneOff: k.kidOff.map((off) => off.map((o) => o * LANES)),
    roots: new Float64Array(n * LANES),
    num: new Float64Array(n * LANES),
    kw: new Float64Array(kids * LANES),
    total: new Float64Array(LANES),
    check: new Float64Array(LANES),
    sw: new Float64Array(n * LANES),
    mark: new Int32Array(n),
    epoch: 0,
  };
}

// aggregateBlock of kernel.ts for arithmetic nodes, lane by lane where a lane's row needs its own treatment.
function aggregateLanes(lb: LaneBlock, scale: Scale): void {
  const { k } = lb;
  for (let i = 0; i < k.aggregates.length; i++) {
    const at = k.aggregates[i]!;
    laneWeights(lb, k.kidAt[at]!);
    const fixed = k.fixedGaps[at];
    if (fixed) leafPass(lb, at);
    else upperPass(lb, at);
    const { total, check } = lb;
    const c = check[0]! + check[1]! + check[2]! + check[3]!;
    // The usual case, all four lanes at once: a leaf node below the root, every row finite and Σ w > 0.
    if (
      fixed &&
      at !== k.tree.root &&
      c - c === 0 &&
      total[0]! > 0 &&
      total[1]! > 0 &&
      total[2]! > 0 &&
      total[3]! > 0
    )
      lanesFixedGapsAll(lb, at, fixed);
    else for (let d = 0; d < LANES; d++) finishLane(lb, at, d, scale);
  }
}

// Per lane, the children's weights (kw) and their sum Σ w, in child order.
function laneWeights(lb: LaneBlock, kidAt: Int32Array): void {
  const { kw, weights } = lb;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  let t3 = 0;
  for (let j = 0; j < kidAt.length; j++) {
    const from = kidAt[j]! * LANES;
    const to = j * LANES;
    t0 += kw[to] = weights[from]!;
    t1 += kw[to + 1] = weights[from + 1]!;
    t2 += kw[to + 2] = weights[from + 2]!;
    t3 += kw[to + 3] = weights[from + 3]!;
  }
  lb.total[0] = t0;
  lb.total[1] = t1;
  lb.total[2] = t2;
  lb.total[3] = t3;
}

// arithmeticNode's end and aggregateBlock's for one lane: Σ w = 0 rows, units with a missing child, the root's
// scale (and its copy into roots), or the second pass for a row that is not finite.
function finishLane(lb: LaneBlock, at: number, d: number, scale: Scale): void {
  const { k, n } = lb;
  const root = k.tree.root;
  const out = at * n * LANES + d;
  if (!(lb.total[d]! > 0)) for (let u = 0; u < n; u++) lb.values[out + u * LANES] = NaN;
  const c = lb.check[d]!;
  const fast = at !== root && c - c === 0;
  const fixed = k.fixedGaps[at];
  lb.missingCount[at * LANES + d] = fixed
    ? lanesFixedGaps(lb, at, d, fixed, fast)
    : lanesChildGaps(lb, at, d, lb.coverage[at]!, fast);
  if (at === root) {
    if (scale) {
      const f = (scale.to[1] - scale.to[0]) / (scale.from[1] - scale.from[0]);
      for (let u = 0; u < n; u++)
        lb.values[out + u * LANES] = scale.to[0] + (lb.values[out + u * LANES]! - scale.from[0]) * f;
    }
    for (let u = 0; u < n; u++) lb.roots[d * n + u] = lb.values[out + u * LANES]!;
  } else if (!fast) lb.missingCount[at * LANES + d] = lanesZeroed(lb, at, d);
}
