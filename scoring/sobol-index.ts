// Sobol sensitivity of a composite index to its methodological choices (COINr get_sensitivity(SA_type = "SA")):
// each uncertain choice is one factor u ∈ [0, 1) of the Saltelli design (sobol.ts) that picks one of its
// alternatives, floor(u · count): the weights factor picks one of `draws` noisy weight sets (drawn once, seeded,
// as uncertainty runs draw them) or one of the given weight sets; the normaliser, aggregator and imputation
// factors pick one of their alternatives. COINr makes the weights one factor; with weightFactors 'per-node' each
// aggregate node whose children get noise is a factor of its own ("weights:<node>"), picking one of `draws` noisy
// sets of its children's weights, so the indices say which node's weighting moves the ranking. The output of a run is the mean absolute rank shift of all units from
// their nominal ranks (as COINr) or one unit's rank.

import type {
  Aggregator,
  ImputationMethod,
  Methodology,
  MethodologyNode,
  Normaliser,
} from './methodology/types.js';
import { randomSource } from './random.js';
import { rankInto, rankRange } from './rank-into.js';
import type { Kernel } from './kernel.js';
import { scenarioKernels } from './scenario-kernels.js';
import { checkAlternatives, NOTHING_UNCERTAIN } from './sensitivity.js';
import { sobolIndices, type SobolOptions, type SobolResult } from './sobol.js';
import { SOBOL_MAX_DIMENSIONS } from './sobol-sequence.js';
import type { ComputeOptions, DataTable, WeightOverrides } from './types.js';
import { noisyNodes, type WeightNoise } from './weight-noise.js';

export interface SobolIndexOptions extends SobolOptions {
  /** Weight noise; the factor picks one of `draws` noisy weight sets (default 100). */
  weights?: (WeightNoise & { draws?: number }) | null;
  /** Given weight sets instead of noise. */
  weightSets?: WeightOverrides[];
  /** Weight noise as one factor (default, as COINr) or one factor per aggregate node ('per-node'). */
  weightFactors?: 'one' | 'per-node';
  normalisers?: Normaliser[];
  aggregators?: { aggregator: Aggregator; p?: number }[];
  imputations?: ImputationMethod[];
  /** 'meanAbsShift' (default) or one unit's rank. */
  output?: 'meanAbsShift' | { unit: string };
  compute?: ComputeOptions;
}

export interface SobolIndexResult extends SobolResult {
  /** Factor names in index order: weights (or weights:<node> per node), normaliser, aggregator, imputation. */
  factors: string[];
  output: 'meanAbsShift' | { unit: string };
}

/** sobolIndex(m, table, options) — Sobol first-order and total indices of the ranking's choices. */
export function sobolIndex(m: Methodology, table: DataTable, options: SobolIndexOptions): SobolIndexResult {
  const { normalisers, aggregators, imputations } = checkAlternatives(m, options);
  const scen = scenarioKernels(m, table, options.compute ?? {}, { normalisers, imputations, aggregators });
  const nominal = scen.nominal;
  const weightGroups = weightFactors(m, nominal, options);
  const factors: string[] = weightGroups.map((g) => g.name);
  if (normalisers.length > 0) factors.push('normaliser');
  if (aggregators.length > 0) factors.push('aggregator');
  if (imputations.length > 0) factors.push('imputation');
  if (factors.length === 0) throw new RangeError(NOTHING_UNCERTAIN);
  // A and B are the two halves of one Sobol point, so a design has at most half the sequence's dimensions.
  const most = Math.floor(SOBOL_MAX_DIMENSIONS / 2);
  if (factors.length > most)
    throw new RangeError(
      `${factors.length} factors (${factors.join(', ')}); a design has at most ${most}: give weight noise to fewer nodes (weights.levels or weights.nodes)`,
    );
  const output = options.output ?? 'meanAbsShift';
  const blocks = nominal.blocks;
  const ranks = blocks.map((b, i) => rankInto(nominal.root(i), new Float64Array(b.units.length)));
  const target = typeof output === 'string' ? null : findUnit(blocks, output.unit);
  const scratch = blocks.map((b) => new Float64Array(b.units.length));
  const runRanks = blocks.map((b) => new Float64Array(b.units.length));
  const pick = (u: number, count: number) => Math.min(count - 1, Math.floor(u * count));
  const w = nominal.nominal.slice();
  const model = (x: Float64Array): number => {
    let f = 0;
    for (const g of weightGroups) {
      const set = g.sets[pick(x[f++]!, g.sets.length)]!;
      for (let i = 0; i < g.at.length; i++) w[g.at[i]!] = set[i]!;
    }
    const ni = normalisers.length > 0 ? pick(x[f++]!, normalisers.length) : -1;
    const ai = aggregators.length > 0 ? pick(x[f++]!, aggregators.length) : -1;
    const ii = imputations.length > 0 ? pick(x[f++]!, imputations.length) : -1;
    const k = scen.kernel(ni, ii, ai);
    k.runWeights(w);
    let shift = 0;
    let count = 0;
    for (let i = 0; i < blocks.length; i++) {
      const b = k.blocks[i]!;
      const n = b.units.length;
      if (target && target[0] !== i) continue;
      rankRange(b.values, b.tree.root * n, n, runRanks[i]!, 0, scratch[i]!);
      if (target) return runRanks[i]![target[1]]!;
      for (let u = 0; u < n; u++) {
        const d = runRanks[i]![u]! - ranks[i]![u]!;
        if (d === d) {
          shift += Math.abs(d);
          count++;
        }
      }
    }
    return count > 0 ? shift / count : NaN;
  };
  return { ...sobolIndices(model, factors.length, options), factors, output };
}

function findUnit(blocks: { units: string[] }[], unit: string): [number, number] {
  for (let i = 0; i < blocks.length; i++) {
    const u = blocks[i]!.units.indexOf(unit);
    if (u >= 0) return [i, u];
  }
  throw new RangeError(`output unit ${unit} is not in the table`);
}

interface WeightFactor {
  name: string;
  /** The kernel code indices the factor sets, and its alternatives (one value per index). */
  at: Int32Array;
  sets: Float64Array[];
}

// The weights factors: one over every weight (the given sets, or `draws` noisy sets), or one per aggregate node
// over its noisy children. Draws come from one seeded stream, node after node, so a single noisy node gives the
// same sets either way.
function weightFactors(m: Methodology, kernel: Kernel, options: SobolIndexOptions): WeightFactor[] {
  const { index, nominal } = kernel;
  const all = Int32Array.from(nominal, (_, i) => i);
  if (options.weightSets && options.weightSets.length > 0)
    return [{ name: 'weights', at: all, sets: options.weightSets.map((set) => kernel.vector(set)) }];
  if (!options.weights) return [];
  const noisy = noisyNodes(m.tree, options.weights).filter(([, , p]) => p > 0);
  if (noisy.length === 0) return [];
  const draws = options.weights.draws ?? 100;
  if (!Number.isInteger(draws) || draws < 2) throw new RangeError('weights.draws is not an integer ≥ 2');
  const how = options.weightFactors ?? 'one';
  if (how !== 'one' && how !== 'per-node') throw new RangeError("weightFactors is not 'one' or 'per-node'");
  const rng = randomSource(`${options.seed ?? 1}:weights`);
  const groups = how === 'one' ? [{ name: 'weights', nodes: noisy }] : byParent(m, noisy);
  return groups.map(({ name, nodes }) => {
    const at = Int32Array.from(nodes, ([code]) => index.get(code)!);
    const sets = Array.from({ length: draws }, () =>
      Float64Array.from(nodes, ([, x, p]) => x * rng.uniform(1 - p, 1 + p)),
    );
    // One factor over every weight keeps the nominal ones in its sets (the kernel reads whole vectors).
    if (how === 'one') return { name, at: all, sets: sets.map((v) => widen(nominal, at, v)) };
    return { name: `weights:${name}`, at, sets };
  });
}

function widen(nominal: Float64Array, at: Int32Array, v: Float64Array): Float64Array {
  const w = nominal.slice();
  at.forEach((ci, i) => (w[ci] = v[i]!));
  return w;
}

// Noisy nodes grouped by their parent, parents in tree order.
function byParent(m: Methodology, noisy: [string, number, number][]) {
  const parentOf = new Map<string, string>();
  const walk = (node: MethodologyNode): void => {
    if (node.type === 'indicator') return;
    for (const c of node.children) {
      parentOf.set(c.code, node.code);
      walk(c);
    }
  };
  walk(m.tree);
  const groups = new Map<string, [string, number, number][]>();
  for (const n of noisy) {
    const p = parentOf.get(n[0])!;
    groups.set(p, [...(groups.get(p) ?? []), n]);
  }
  return [...groups].map(([name, nodes]) => ({ name, nodes }));
}
