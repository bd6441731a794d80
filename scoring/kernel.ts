// The re-weighting kernel for loops (uncertainty runs, Sobol samples, weight-set scans, a slider): the aggregation
// of scoreArrays() compiled once per prepared input into node-major Float64Arrays, so a run allocates nothing and
// touches only typed arrays. The arithmetic is scoreArrays()'s, operation for operation (same child order, same
// sums, same scale map), so results are bit-identical (test/scoring/kernel.test.ts hashes both).
//
// Arithmetic nodes take a fast path (kernel-arithmetic.ts); other means use the general loop (kernel-means.ts).
// Copeland compares units rather than averaging them, so a kernel with Copeland nodes falls back to scoreArrays.

import type { FlatTree } from './flatten.js';
import type { Aggregator } from './methodology/types.js';
import type { PreparedScores } from './prepare-scores.js';
import { flatWeights, scoreArrays } from './score-arrays.js';
import { arithmeticNode } from './kernel-arithmetic.js';
import { generalMean } from './kernel-means.js';
import type { WeightOverrides } from './types.js';
import { batchKernel, type BatchKernel } from './kernel-batch.js';

export interface KernelBlock {
  block: string;
  units: string[];
  tree: FlatTree;
  /** Node-major values: node at (flat position) for unit u is values[at · units.length + u]; NaN = missing. */
  values: Float64Array;
  /** The same with missing values as 0, and per node the units missing there (missing[at][0 … missingCount[at])). */
  zeroed: Float64Array;
  missing: Int32Array[];
  missingCount: Int32Array;
  /** Per node, its children's flat positions and row offsets (position · units). */
  kidAt: Int32Array[];
  kidOff: Int32Array[];
  /**
   * Per aggregate whose children are all indicators (their missing cells never change): the units with a missing
   * child and, for each, its available children (indices into kidAt) in order; null for other nodes.
   */
  fixedGaps: (Gaps | null)[];
  /** The flat positions of the aggregate nodes, in tree order (children before parents). */
  aggregates: Int32Array;
  /** The weights of the last run by flat position. */
  weights: Float64Array;
  /** Flat position → index in Kernel.codes. */
  codeAt: Int32Array;
}

/** Units with a missing child at a node whose children are indicators (gaps() in kernel.ts). */
export interface Gaps {
  units: Int32Array;
  /** Per unit, its pattern of available children. */
  pattern: Int32Array;
  /** Per pattern, its children (indices into kidAt) kids[start[q] … start[q + 1]), and 1 if it meets coverage. */
  start: Int32Array;
  kids: Int32Array;
  covered: Uint8Array;
}

export interface Kernel {
  blocks: KernelBlock[];
  /** Every node code of the methodology tree (union over blocks), in tree order. */
  codes: string[];
  /** Nominal weight per code. */
  nominal: Float64Array;
  index: Map<string, number>;
  /** Aggregates every block with these weight overrides (by node code, as reweight). */
  run(weights?: WeightOverrides): void;
  /** The same with one weight per code (Kernel.codes order); the allocation-free form for loops. */
  runWeights(weights: Float64Array): void;
  /** The root's values of block b after the last run (a view: copy it to keep it). */
  root(b: number): Float64Array;
  /** A weight set as one weight per code (nominal where it is silent); RangeError for an unknown code or a weight
   * that is not finite and ≥ 0. */
  vector(set: WeightOverrides): Float64Array;
  /** The same aggregation for four weight vectors at once (kernel-batch.ts); null unless every mean is arithmetic. */
  batch(): BatchKernel | null;
}

export interface KernelOptions {
  /** One aggregator for every aggregate node (as ScoreOverrides.aggregator). */
  aggregator?: { aggregator: Aggregator; p?: number };
}

type Scale = { from: [number, number]; to: [number, number] } | null;

/** compileKernel(prepared, options?) — prepared from prepare() or prepareScores(); never mutates it. */
export function compileKernel(prepared: PreparedScores, options: KernelOptions = {}): Kernel {
  const scale: Scale = prepared.methodology.scale ?? null;
  const index = new Map<string, number>();
  const codes: string[] = [];
  const nominalList: number[] = [];
  const blocks = prepared.blocks.map((pb) => compileBlock(pb, index, codes, nominalList));
  const nominal = Float64Array.from(nominalList);
  const copeland = blocks.some((b) =>
    b.tree.nodes.some(
      (f) =>
        f.node.type !== 'indicator' && (options.aggregator?.aggregator ?? f.node.aggregator) === 'copeland',
    ),
  );
  const scratch = new Scratch();
  for (const b of blocks) scratch.fit(b.units.length, Math.max(0, ...b.kidAt.map((k) => k.length)));
  const runWeights = (w: Float64Array): void => {
    for (const b of blocks) for (let at = 0; at < b.codeAt.length; at++) b.weights[at] = w[b.codeAt[at]!]!;
    if (copeland) viaScoreArrays(prepared, blocks, codes, w, options);
    else for (const b of blocks) aggregateBlock(b, options, scale, scratch);
  };
  const run = (weights: WeightOverrides = {}): void => {
    const w = nominal.slice();
    for (const code of Object.keys(weights)) {
      const ci = index.get(code);
      const x = weights[code];
      if (ci !== undefined && x !== undefined) w[ci] = x;
    }
    runWeights(w);
  };
  const root = (b: number): Float64Array => {
    const k = blocks[b]!;
    const n = k.units.length;
    return k.values.subarray(k.tree.root * n, k.tree.root * n + n);
  };
  const vector = (set: WeightOverrides): Float64Array => {
    const w = nominal.slice();
    for (const [code, x] of Object.entries(set)) {
      const ci = index.get(code);
      if (ci === undefined) throw new RangeError(`weight set has unknown node ${code}`);
      if (!(typeof x === 'number' && Number.isFinite(x) && x >= 0))
        throw new RangeError(`weight of ${code} is not a finite number ≥ 0`);
      w[ci] = x;
    }
    return w;
  };
  // Compiled on first use: most kernels (a slider, one re-weighting) never run four weight vectors at once.
  let lanes: BatchKernel | null | undefined;
  const batch = () =>
    lanes !== undefined ? lanes : (lanes = copeland ? null : batchKernel(kernel, options, scale));
  const kernel: Kernel = { blocks, codes, nominal, index, run, runWeights, root, vector, batch };
  return kernel;
}

// One block's typed arrays; registers its node codes (and their nominal weights) in the kernel's code index.
function compileBlock(
  pb: PreparedScores['blocks'][number],
  index: Map<string, number>,
  codes: string[],
  nominalList: number[],
): KernelBlock {
  const n = pb.units.length;
  const size = pb.tree.nodes.length;
  const values = new Float64Array(size * n);
  const zeroed = new Float64Array(size * n);
  const missing = Array.from({ length: size }, () => new Int32Array(n));
  const missingCount = new Int32Array(size);
  const kidAt = pb.tree.nodes.map((f) => Int32Array.from(f.children));
  const kidOff = kidAt.map((k) => k.map((c) => c * n));
  pb.tree.indicators.forEach((at) => {
    values.set(pb.scores[at]!, at * n);
    missingCount[at] = writeZeroed(values, zeroed, at * n, n, missing[at]!);
  });
  const codeAt = new Int32Array(size);
  const weights = flatWeights(pb.tree);
  pb.tree.nodes.forEach((f, at) => {
    let ci = index.get(f.node.code);
    if (ci === undefined) {
      index.set(f.node.code, (ci = codes.length));
      codes.push(f.node.code);
      nominalList.push(weights[at]!);
    }
    codeAt[at] = ci;
  });
  const fixedGaps = pb.tree.nodes.map((f, at) =>
    f.node.type !== 'indicator' && f.children.every((c) => pb.tree.nodes[c]!.node.type === 'indicator')
      ? gaps(values, kidOff[at]!, n, f.node.coverage ?? 0)
      : null,
  );
  const { block, units, tree } = pb;
  return {
    block: block.code,
    units,
    tree,
    values,
    zeroed,
    missing,
    missingCount,
    kidAt,
    kidOff,
    fixedGaps,
    aggregates: Int32Array.from(pb.tree.nodes.flatMap((f, at) => (f.node.type === 'indicator' ? [] : [at]))),
    weights,
    codeAt,
  };
}

// The units with a missing child among rows at kidOff, grouped by which children they have (units with the same
// children share Σ w, summed once per run): per unit its pattern; per pattern its available children in order
// and whether it meets the node's coverage (c > 0 and c / m ≥ coverage, as aggregate() decides).
function gaps(values: Float64Array, kidOff: Int32Array, n: number, coverage: number): Gaps {
  const m = kidOff.length;
  const units: number[] = [];
  const pattern: number[] = [];
  const byKey = new Map<string, number>();
  const start: number[] = [0];
  const kids: number[] = [];
  const covered: number[] = [];
  for (let u = 0; u < n; u++) {
    const have: number[] = [];
    for (let k = 0; k < m; k++) if (values[kidOff[k]! + u] === values[kidOff[k]! + u]) have.push(k);
    if (have.length === m) continue;
    const key = have.join(',');
    let q = byKey.get(key);
    if (q === undefined) {
      byKey.set(key, (q = covered.length));
      kids.push(...have);
      start.push(kids.length);
      covered.push(have.length > 0 && have.length / m >= coverage ? 1 : 0);
    }
    units.push(u);
    pattern.push(q);
  }
  return {
    units: Int32Array.from(units),
    pattern: Int32Array.from(pattern),
    start: Int32Array.from(start),
    kids: Int32Array.from(kids),
    covered: Uint8Array.from(covered),
  };
}

export class Scratch {
  kw = new Float64Array(0);
  x = new Float64Array(0);
  sw = new Float64Array(0);
  count = new Int32Array(0);
  mark = new Int32Array(0);
  epoch = 0;
  fit(n: number, kids: number): void {
    if (this.kw.length < kids) this.kw = new Float64Array(kids);
    if (this.x.length >= n) return;
    this.x = new Float64Array(n);
    this.sw = new Float64Array(n);
    this.count = new Int32Array(n);
    this.mark = new Int32Array(n);
  }
}

// Copies values[off … off + n) into zeroed with NaN as 0; lists the NaN positions in `missing`; returns their count.
function writeZeroed(
  values: Float64Array,
  zeroed: Float64Array,
  off: number,
  n: number,
  missing: Int32Array,
): number {
  let k = 0;
  for (let u = 0; u < n; u++) {
    const v = values[off + u]!;
    if (v === v) zeroed[off + u] = v;
    else {
      zeroed[off + u] = 0;
      missing[k++] = u;
    }
  }
  return k;
}

function viaScoreArrays(
  prepared: PreparedScores,
  blocks: KernelBlock[],
  codes: string[],
  w: Float64Array,
  options: KernelOptions,
): void {
  const weights: WeightOverrides = {};
  codes.forEach((c, i) => (weights[c] = w[i]!));
  const scored = scoreArrays(prepared, { weights, aggregator: options.aggregator });
  blocks.forEach((b, i) => {
    const n = b.units.length;
    scored[i]!.values.forEach((v, at) => {
      b.values.set(v, at * n);
      b.missingCount[at] = writeZeroed(b.values, b.zeroed, at * n, n, b.missing[at]!);
    });
  });
}

function aggregateBlock(b: KernelBlock, options: KernelOptions, scale: Scale, s: Scratch): void {
  const n = b.units.length;
  const { tree, aggregates } = b;
  for (let i = 0; i < aggregates.length; i++) {
    const at = aggregates[i]!;
    const flat = tree.nodes[at]!;
    const node = flat.node as Exclude<typeof flat.node, { type: 'indicator' }>;
    const how = options.aggregator?.aggregator ?? node.aggregator;
    const p = options.aggregator ? options.aggregator.p : node.p;
    const coverage = node.coverage ?? 0;
    // The root is nobody's child: its zeroed row and missing list are never read.
    if (how === 'arithmetic' && arithmeticNode(b, at, coverage, s, at !== tree.root)) continue;
    if (how !== 'arithmetic') generalMean(b.values, b.weights, flat.children, n, how, p, coverage, s, at * n);
    if (at === tree.root && scale) {
      const k = (scale.to[1] - scale.to[0]) / (scale.from[1] - scale.from[0]);
      for (let u = at * n; u < at * n + n; u++)
        b.values[u] = scale.to[0] + (b.values[u]! - scale.from[0]) * k;
    }
    if (at !== tree.root) b.missingCount[at] = writeZeroed(b.values, b.zeroed, at * n, n, b.missing[at]!);
  }
}
