// The re-weighting kernel for loops (uncertainty runs, Sobol samples, weight-set scans, a slider): the aggregation
// of scoreArrays() compiled once per prepared input into node-major Float64Arrays, so a run allocates nothing and
// touches only typed arrays. The arithmetic is scoreArrays()'s, operation for operation (same child order, same
// sums, same scale map), so results are bit-identical (test/scoring/kernel.test.ts hashes both).
//
// Arithmetic nodes take a fast path: the numerator Σ w·x runs over rows with missing values stored as 0 (adding
// w·0 = +0 leaves every partial sum unchanged), eight units at a time in registers, and the denominator Σ w is
// summed once for the units that have every child; only units with a missing child (listed per row) get their
// own Σ w and count. Other means use the general loop (kernel-means.ts). Copeland compares units rather than
// averaging them, so a kernel with Copeland nodes falls back to scoreArrays.

import type { FlatTree } from './flatten.js';
import type { Aggregator } from './methodology/types.js';
import type { PreparedScores } from './prepare-scores.js';
import { flatWeights, scoreArrays } from './score-arrays.js';
import { generalMean } from './kernel-means.js';
import type { WeightOverrides } from './types.js';

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
  fixedGaps: ({ units: Int32Array; start: Int32Array; kids: Int32Array } | null)[];
  /** The weights of the last run by flat position. */
  weights: Float64Array;
  /** Flat position → index in Kernel.codes. */
  codeAt: Int32Array;
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
  return { blocks, codes, nominal, index, run, runWeights, root, vector };
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
      ? gaps(values, kidOff[at]!, n)
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
    weights,
    codeAt,
  };
}

// The units with a missing child among rows at kidOff, and each one's available children in order.
function gaps(values: Float64Array, kidOff: Int32Array, n: number) {
  const units: number[] = [];
  const start: number[] = [0];
  const kids: number[] = [];
  for (let u = 0; u < n; u++) {
    let all = true;
    for (let k = 0; k < kidOff.length; k++)
      if (values[kidOff[k]! + u] !== values[kidOff[k]! + u]) all = false;
    if (all) continue;
    units.push(u);
    for (let k = 0; k < kidOff.length; k++)
      if (values[kidOff[k]! + u] === values[kidOff[k]! + u]) kids.push(k);
    start.push(kids.length);
  }
  return { units: Int32Array.from(units), start: Int32Array.from(start), kids: Int32Array.from(kids) };
}

class Scratch {
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
  const { tree } = b;
  for (let at = 0; at < tree.nodes.length; at++) {
    const flat = tree.nodes[at]!;
    const node = flat.node;
    if (node.type === 'indicator') continue;
    const how = options.aggregator?.aggregator ?? node.aggregator;
    const p = options.aggregator ? options.aggregator.p : node.p;
    const coverage = node.coverage ?? 0;
    if (how === 'arithmetic') arithmeticNode(b, at, coverage, s);
    else generalMean(b.values, b.weights, flat.children, n, how, p, coverage, s, at * n);
    if (at === tree.root && scale) {
      const k = (scale.to[1] - scale.to[0]) / (scale.from[1] - scale.from[0]);
      for (let u = at * n; u < at * n + n; u++)
        b.values[u] = scale.to[0] + (b.values[u]! - scale.from[0]) * k;
    }
    // The root is nobody's child: its zeroed row and missing list are never read.
    if (at !== tree.root) b.missingCount[at] = writeZeroed(b.values, b.zeroed, at * n, n, b.missing[at]!);
  }
}

function arithmeticNode(b: KernelBlock, at: number, coverage: number, s: Scratch): void {
  const n = b.units.length;
  const out = at * n;
  const kidAt = b.kidAt[at]!;
  const kidOff = b.kidOff[at]!;
  const m = kidAt.length;
  const { zeroed, values, weights } = b;
  const kw = s.kw;
  const num = s.x;
  let total = 0;
  for (let k = 0; k < m; k++) total += kw[k] = weights[kidAt[k]!]!;
  let u = 0;
  for (; u + 7 < n; u += 8) {
    let x0 = 0;
    let x1 = 0;
    let x2 = 0;
    let x3 = 0;
    let x4 = 0;
    let x5 = 0;
    let x6 = 0;
    let x7 = 0;
    for (let k = 0; k < m; k++) {
      const w = kw[k]!;
      const off = kidOff[k]! + u;
      x0 += w * zeroed[off]!;
      x1 += w * zeroed[off + 1]!;
      x2 += w * zeroed[off + 2]!;
      x3 += w * zeroed[off + 3]!;
      x4 += w * zeroed[off + 4]!;
      x5 += w * zeroed[off + 5]!;
      x6 += w * zeroed[off + 6]!;
      x7 += w * zeroed[off + 7]!;
    }
    values[out + u] = x0 / total;
    num[u] = x0;
    values[out + u + 1] = x1 / total;
    num[u + 1] = x1;
    values[out + u + 2] = x2 / total;
    num[u + 2] = x2;
    values[out + u + 3] = x3 / total;
    num[u + 3] = x3;
    values[out + u + 4] = x4 / total;
    num[u + 4] = x4;
    values[out + u + 5] = x5 / total;
    num[u + 5] = x5;
    values[out + u + 6] = x6 / total;
    num[u + 6] = x6;
    values[out + u + 7] = x7 / total;
    num[u + 7] = x7;
  }
  for (; u < n; u++) {
    let x = 0;
    for (let k = 0; k < m; k++) x += kw[k]! * zeroed[kidOff[k]! + u]!;
    values[out + u] = x / total;
    num[u] = x;
  }
  if (!(total > 0)) values.fill(NaN, out, out + n);
  incompleteUnits(b, at, coverage, s);
}

// Units with a missing child: their own Σ w over available children, count and coverage, as aggregate() does.
function incompleteUnits(b: KernelBlock, at: number, coverage: number, s: Scratch): void {
  const n = b.units.length;
  const out = at * n;
  const kidAt = b.kidAt[at]!;
  const kidOff = b.kidOff[at]!;
  const m = kidAt.length;
  const { values } = b;
  const kw = s.kw;
  const fixed = b.fixedGaps[at];
  if (fixed) {
    // Σ w over the available children in child order; the numerator of the main pass is already exact (a
    // missing child added w·0 = +0).
    for (let t = 0; t < fixed.units.length; t++) {
      const v = fixed.units[t]!;
      let sw = 0;
      for (let q = fixed.start[t]!; q < fixed.start[t + 1]!; q++) sw += kw[fixed.kids[q]!]!;
      const c = fixed.start[t + 1]! - fixed.start[t]!;
      values[out + v] = c > 0 && c / m >= coverage && sw > 0 ? s.x[v]! / sw : NaN;
    }
    return;
  }
  const epoch = ++s.epoch;
  for (let k = 0; k < m; k++) {
    const list = b.missing[kidAt[k]!]!;
    const count = b.missingCount[kidAt[k]!]!;
    for (let i = 0; i < count; i++) {
      const v = list[i]!;
      if (s.mark[v] === epoch) continue;
      s.mark[v] = epoch;
      let sw = 0;
      let x = 0;
      let c = 0;
      for (let j = 0; j < m; j++) {
        const y = values[kidOff[j]! + v]!;
        if (y === y) {
          c++;
          sw += kw[j]!;
          x += kw[j]! * y;
        }
      }
      values[out + v] = c > 0 && c / m >= coverage && sw > 0 ? x / sw : NaN;
    }
  }
}
