// Sobol sensitivity of a composite index to its methodological choices (COINr get_sensitivity(SA_type = "SA")):
// each uncertain choice is one factor u ∈ [0, 1) of the Saltelli design (sobol.ts) that picks one of its
// alternatives, floor(u · count): the weights factor picks one of `draws` noisy weight sets (drawn once, seeded,
// as uncertainty runs draw them) or one of the given weight sets; the normaliser, aggregator and imputation
// factors pick one of their alternatives. The output of a run is the mean absolute rank shift of all units from
// their nominal ranks (as COINr) or one unit's rank.

import type { Aggregator, ImputationMethod, Methodology, Normaliser } from './methodology/types.js';
import { randomSource } from './random.js';
import { rankInto, rankRange } from './rank-into.js';
import type { Kernel } from './kernel.js';
import { scenarioKernels } from './scenario-kernels.js';
import { checkAlternatives, NOTHING_UNCERTAIN } from './sensitivity.js';
import { sobolIndices, type SobolOptions, type SobolResult } from './sobol.js';
import type { ComputeOptions, DataTable, WeightOverrides } from './types.js';
import { noisyNodes, type WeightNoise } from './weight-noise.js';

export interface SobolIndexOptions extends SobolOptions {
  /** Weight noise; the factor picks one of `draws` noisy weight sets (default 100). */
  weights?: (WeightNoise & { draws?: number }) | null;
  /** Given weight sets instead of noise. */
  weightSets?: WeightOverrides[];
  normalisers?: Normaliser[];
  aggregators?: { aggregator: Aggregator; p?: number }[];
  imputations?: ImputationMethod[];
  /** 'meanAbsShift' (default) or one unit's rank. */
  output?: 'meanAbsShift' | { unit: string };
  compute?: ComputeOptions;
}

export interface SobolIndexResult extends SobolResult {
  /** Factor names in index order: weights, normaliser, aggregator, imputation (those given). */
  factors: string[];
  output: 'meanAbsShift' | { unit: string };
}

/** sobolIndex(m, table, options) — Sobol first-order and total indices of the ranking's choices. */
export function sobolIndex(m: Methodology, table: DataTable, options: SobolIndexOptions): SobolIndexResult {
  const { normalisers, aggregators, imputations } = checkAlternatives(m, options);
  const scen = scenarioKernels(m, table, options.compute ?? {}, { normalisers, imputations, aggregators });
  const nominal = scen.nominal;
  const weightSets = weightVectors(m, nominal, options);
  const factors: string[] = [];
  if (weightSets.length > 0) factors.push('weights');
  if (normalisers.length > 0) factors.push('normaliser');
  if (aggregators.length > 0) factors.push('aggregator');
  if (imputations.length > 0) factors.push('imputation');
  if (factors.length === 0) throw new RangeError(NOTHING_UNCERTAIN);
  const output = options.output ?? 'meanAbsShift';
  const blocks = nominal.blocks;
  const ranks = blocks.map((b, i) => rankInto(nominal.root(i), new Float64Array(b.units.length)));
  const target = typeof output === 'string' ? null : findUnit(blocks, output.unit);
  const scratch = blocks.map((b) => new Float64Array(b.units.length));
  const runRanks = blocks.map((b) => new Float64Array(b.units.length));
  const pick = (u: number, count: number) => Math.min(count - 1, Math.floor(u * count));
  const model = (x: Float64Array): number => {
    let f = 0;
    const w = weightSets.length > 0 ? weightSets[pick(x[f++]!, weightSets.length)]! : nominal.nominal;
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

// The weights factor's alternatives: the given sets, or `draws` noisy sets (seeded), as kernel weight vectors.
function weightVectors(m: Methodology, kernel: Kernel, options: SobolIndexOptions): Float64Array[] {
  const { index, nominal } = kernel;
  if (options.weightSets && options.weightSets.length > 0)
    return options.weightSets.map((set) => kernel.vector(set));
  if (!options.weights) return [];
  const noisy = noisyNodes(m.tree, options.weights).filter(([, , p]) => p > 0);
  if (noisy.length === 0) return [];
  const draws = options.weights.draws ?? 100;
  if (!Number.isInteger(draws) || draws < 2) throw new RangeError('weights.draws is not an integer ≥ 2');
  const rng = randomSource(`${options.seed ?? 1}:weights`);
  return Array.from({ length: draws }, () => {
    const w = nominal.slice();
    for (const [code, x, p] of noisy) w[index.get(code)!] = x * rng.uniform(1 - p, 1 + p);
    return w;
  });
}
