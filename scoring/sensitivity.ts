// Uncertainty analysis of the ranking (composite-indicators.md §8), seeded. Each run draws the uncertain inputs:
// weights (each × U(1 − p, 1 + p), per level or per node: COINr get_noisy_weights; or the next of the given
// weight sets), a normaliser, an aggregator and an imputation method among the given alternatives (uniformly);
// per unit we report the nominal rank, the mean and median rank, a percentile rank range (type 7, as COINr's
// RankStats) and the mean absolute rank shift (the Handbook's R̄ per unit). Removal: each child of the root is
// dropped in turn (weight 0, the others re-normalised) and the rank shift recorded, as COINr remove_elements.
//
// Speed: every (normaliser, imputation) alternative is prepared once (prepareScores) and compiled into a kernel
// per aggregator (kernel.ts); runs are queued by kernel and aggregated four at a time where every mean is arithmetic
// (lane-queue.ts, kernel-batch.ts; each run bit-identical to one kernel pass), then ranked per block into
// preallocated rank draws; the statistics come from rank histograms (rank-stats.ts).

import type { Aggregator, ImputationMethod, Methodology, Normaliser } from './methodology/types.js';
import type { Kernel } from './kernel.js';
import { randomSource } from './random.js';
import { laneQueue } from './lane-queue.js';
import { rankInto } from './rank-into.js';
import { rankTracker } from './rank-tracker.js';
import { rankStats, type RankStats } from './rank-stats.js';
import { toCells } from './column.js';
import { scenarioKernels, type Scenarios } from './scenario-kernels.js';
import type { Cell, ComputeOptions, DataTable, WeightOverrides } from './types.js';
import { noisyNodes, type WeightNoise } from './weight-noise.js';

export type { RankStats } from './rank-stats.js';
export type { WeightNoise } from './weight-noise.js';

export interface SensitivityOptions {
  /** Monte Carlo runs (default 1000, or the number of weight sets when they are given). */
  runs?: number;
  seed?: number | string;
  /** Weight noise (weight-noise.ts); null or omitted: none. */
  weights?: WeightNoise | null;
  /** Given weight sets (overrides by node code); run j uses set j mod count, noise (if any) on top. */
  weightSets?: WeightOverrides[];
  /** Alternatives applied to every indicator; one is drawn per run. Omitted: each indicator keeps its own. */
  normalisers?: Normaliser[];
  /** Alternatives applied to every aggregate node; one is drawn per run. Omitted: each node keeps its own. */
  aggregators?: { aggregator: Aggregator; p?: number }[];
  /** Imputation alternatives (the methodology's group key is kept for group methods); one is drawn per run. */
  imputations?: ImputationMethod[];
  /** Percentile rank range, in percent (default [5, 95]). */
  rankInterval?: [number, number];
  compute?: ComputeOptions;
  /** Keep each run's draws (alternative indices and weights) in the result. */
  keepDraws?: boolean;
  /** Keep each run's composite and rank per unit in the result. */
  keepRuns?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface Removal {
  ranks: Cell[];
  /** rank without the component − nominal rank (positive = falls). */
  shift: Cell[];
  meanAbsShift: number | null;
}

export interface Draw {
  normaliser: number;
  aggregator: number;
  imputation: number;
  weightSet: number;
  weights: WeightOverrides;
}

export interface SensitivityResult {
  runs: number;
  seed: number | string;
  rankInterval: [number, number];
  blocks: Record<string, RankStats>;
  /** By block, then the removed child of the root. */
  removal: Record<string, Record<string, Removal>>;
  draws?: Draw[];
  /** keepRuns: by block, per run, the composite and rank of every unit. */
  perRun?: Record<string, { composite: Cell[][]; rank: Cell[][] }>;
}

/** sensitivity(methodology, table, options?) — seeded; the same inputs and seed give the same result. */
export function sensitivity(
  m: Methodology,
  table: DataTable,
  options: SensitivityOptions = {},
): SensitivityResult {
  const spec = checkOptions(m, options);
  const { runs, ri, normalisers, aggregators, imputations } = spec;
  const seed = options.seed ?? 1;
  const scenarios = scenarioKernels(m, table, options.compute ?? {}, {
    normalisers,
    imputations,
    aggregators,
  });
  const nominalKernel = scenarios.nominal;
  const blocks = nominalKernel.blocks;
  const nominalRanks = blocks.map((b, i) =>
    rankInto(nominalKernel.root(i), new Float64Array(b.units.length)),
  );
  const { samples, composites, draws } = runDraws(scenarios, spec, seed, options);
  const result: SensitivityResult = {
    runs,
    seed,
    rankInterval: [ri[0], ri[1]],
    blocks: {},
    removal: {},
  };
  blocks.forEach((b, i) => {
    result.blocks[b.block] = rankStats(b.units, nominalRanks[i]!, samples[i]!, [ri[0] / 100, ri[1] / 100]);
    result.removal[b.block] = removals(nominalKernel, i, nominalRanks[i]!);
  });
  nominalKernel.run();
  if (options.keepDraws) result.draws = draws;
  if (composites) {
    result.perRun = {};
    blocks.forEach((b, i) => {
      const n = b.units.length;
      const rows = (x: Float64Array) =>
        Array.from({ length: runs }, (_, j) => toCells(x.subarray(j * n, j * n + n)));
      result.perRun![b.block] = { composite: rows(composites[i]!), rank: rows(samples[i]!) };
    });
  }
  return result;
}

// The Monte Carlo loop: per run the weights (set, then noise), the alternatives, one kernel pass, the ranks.
function runDraws(
  scenarios: Scenarios,
  spec: ReturnType<typeof checkOptions>,
  seed: number | string,
  options: SensitivityOptions,
) {
  const { runs, normalisers, aggregators, imputations, sets, noisy } = spec;
  const nominalKernel = scenarios.nominal;
  const blocks = nominalKernel.blocks;
  const rng = randomSource(seed);
  const draws: Draw[] = [];
  const samples = blocks.map((b) => new Float64Array(b.units.length * runs));
  const composites = options.keepRuns ? blocks.map((b) => new Float64Array(b.units.length * runs)) : null;
  const rankers = blocks.map((b) => rankTracker(b.units.length));
  const { codes, nominal } = nominalKernel;
  const setWeights = sets.map((set) => nominalKernel.vector(set));
  const noisyAt = Int32Array.from(noisy, ([code]) => nominalKernel.index.get(code)!);
  const noisyP = Float64Array.from(noisy, ([, , p]) => p);
  const u01 = new Float64Array(noisyAt.length);
  const w = new Float64Array(codes.length);
  let done = 0;
  const queue = laneQueue(codes.length, (j, rows, from) => {
    for (let i = 0; i < blocks.length; i++) {
      const n = blocks[i]!.units.length;
      rankers[i]!(rows[i]!, from[i]!, samples[i]!, j * n);
      composites?.[i]!.set(rows[i]!.subarray(from[i]!, from[i]! + n), j * n);
    }
    options.onProgress?.(++done, runs);
  });
  for (let j = 0; j < runs; j++) {
    const si = sets.length > 0 ? j % sets.length : -1;
    w.set(si < 0 ? nominal : setWeights[si]!);
    rng.fillUniform(u01, noisyAt.length);
    for (let q = 0; q < noisyAt.length; q++) {
      // rng.uniform(1 − p, 1 + p) = (1 − p) + u·2p, from the same draws.
      const p = noisyP[q]!;
      w[noisyAt[q]!] = w[noisyAt[q]!]! * (1 - p + u01[q]! * (1 + p - (1 - p)));
    }
    const ni = normalisers.length > 1 ? rng.int(0, normalisers.length) : normalisers.length - 1;
    const ai = aggregators.length > 0 ? rng.int(0, aggregators.length) : -1;
    const ii = imputations.length > 1 ? rng.int(0, imputations.length) : imputations.length - 1;
    queue.push(scenarios.kernel(ni, ii, ai), w, j);
    if (options.keepDraws) {
      const weights: WeightOverrides = si < 0 ? {} : { ...sets[si] };
      noisyAt.forEach((ci) => (weights[codes[ci]!] = w[ci]!));
      const [normaliser, imputation] = [Math.max(ni, 0), Math.max(ii, 0)];
      draws.push({ normaliser, aggregator: ai, imputation, weightSet: si, weights });
    }
  }
  queue.flush();
  return { samples, composites, draws };
}

function removals(k: Kernel, i: number, nominal: Float64Array): Record<string, Removal> {
  const b = k.blocks[i]!;
  const out: Record<string, Removal> = {};
  for (const c of b.tree.nodes[b.tree.root]!.children) {
    const code = b.tree.nodes[c]!.node.code;
    k.run({ [code]: 0 });
    const r = rankInto(k.root(i), new Float64Array(b.units.length));
    const d = Array.from(r, (x, u) => x - nominal[u]!);
    const known = d.filter((x) => x === x);
    out[code] = {
      ranks: toCells(r),
      shift: toCells(Float64Array.from(d)),
      meanAbsShift: known.length > 0 ? known.reduce((s, x) => s + Math.abs(x), 0) / known.length : null,
    };
  }
  return out;
}

function checkOptions(m: Methodology, options: SensitivityOptions) {
  const sets = options.weightSets ?? [];
  if (!Array.isArray(sets)) throw new TypeError('weightSets is not an array');
  const runs = options.runs ?? (sets.length > 0 ? sets.length : 1000);
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError('runs is not a positive integer');
  if (runs > MAX_RUNS) throw new RangeError(`runs is above ${MAX_RUNS}`);
  const ri = options.rankInterval ?? [5, 95];
  if (!(ri[0] >= 0 && ri[0] < ri[1] && ri[1] <= 100))
    throw new RangeError('rankInterval is not [lower, upper] in [0, 100]');
  for (const [k, set] of sets.entries())
    for (const [code, w] of Object.entries(set))
      if (!(typeof w === 'number' && Number.isFinite(w) && w >= 0))
        throw new RangeError(`weightSets[${k}].${code} is not a finite weight ≥ 0`);
  const { normalisers, aggregators, imputations } = checkAlternatives(m, options);
  const noisy = options.weights ? noisyNodes(m.tree, options.weights) : [];
  if (
    !noisy.some(([, , p]) => p > 0) &&
    sets.length + normalisers.length + aggregators.length + imputations.length === 0
  )
    throw new RangeError(NOTHING_UNCERTAIN);
  return { runs, ri, normalisers, aggregators, imputations, sets, noisy };
}

/** Rank draws are kept in memory (units × runs numbers per block), so runs are bounded. */
export const MAX_RUNS = 1_000_000;

/** The message for an analysis with nothing uncertain (shared with sobolIndex). */
export const NOTHING_UNCERTAIN =
  'nothing is uncertain: give weight noise (p > 0), weight sets, normalisers, aggregators or imputations';

/** The alternatives of an analysis, checked (shared with sobolIndex). */
export function checkAlternatives(
  m: Methodology,
  o: Pick<SensitivityOptions, 'normalisers' | 'aggregators' | 'imputations'>,
) {
  const normalisers = o.normalisers ?? [];
  const aggregators = o.aggregators ?? [];
  const imputations = o.imputations ?? [];
  if (!Array.isArray(normalisers) || !Array.isArray(aggregators) || !Array.isArray(imputations))
    throw new TypeError('normalisers, aggregators and imputations are not arrays');
  if (imputations.some((i) => i.startsWith('group')) && !m.imputation?.group)
    throw new RangeError('group imputation needs the methodology’s imputation.group key');
  return { normalisers, aggregators, imputations };
}
