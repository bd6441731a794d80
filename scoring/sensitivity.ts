// Uncertainty and sensitivity of the ranking to methodological choices (composite-indicators.md §8), seeded.
// Monte Carlo: each run multiplies every weight by U(1 − p, 1 + p) (COINr get_noisy_weights), and picks a
// normaliser and an aggregator uniformly among the given alternatives; per unit we report the nominal rank, the
// median rank, a percentile rank range (type 7, as COINr's RankStats) and the mean absolute rank shift (the
// Handbook's R̄ per unit). Removal: each child of the root is dropped in turn (weight 0, the others re-normalised)
// and the rank shift recorded, as COINr remove_elements.
//
// Speed: every normaliser alternative is prepared once (the engine's prepare); a run is only scoreArrays (weighted
// aggregation on typed arrays) and a rank per block.

import { toCells } from './column.js';
import type {
  Aggregator,
  AggregateNode,
  Methodology,
  MethodologyNode,
  Normaliser,
} from './methodology/types.js';
import { prepare, type Prepared } from './prepare.js';
import { randomSource } from './random.js';
import { rank } from './rank.js';
import { sampleQuantiles } from './sample-quantiles.js';
import { scoreArrays } from './score-arrays.js';
import type { Cell, ComputeOptions, DataTable, WeightOverrides } from './types.js';

export interface SensitivityOptions {
  /** Monte Carlo runs (default 1000). */
  runs?: number;
  seed?: number | string;
  /** Weight noise: each weight × U(1 − p, 1 + p); nodes limits it to those codes (default every non-root node). */
  weights?: { p: number; nodes?: string[] } | null;
  /** Alternatives applied to every indicator; one is drawn per run. Omitted: each indicator keeps its own. */
  normalisers?: Normaliser[];
  /** Alternatives applied to every aggregate node; one is drawn per run. Omitted: each node keeps its own. */
  aggregators?: { aggregator: Aggregator; p?: number }[];
  /** Percentile rank range, in percent (default [5, 95]). */
  rankInterval?: [number, number];
  compute?: ComputeOptions;
  /** Keep each run's draws (normaliser and aggregator index, weights) in the result. */
  keepDraws?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface RankStats {
  units: string[];
  nominal: Cell[];
  median: Cell[];
  lower: Cell[];
  upper: Cell[];
  /** Mean over runs of |rank − nominal rank|. */
  meanAbsShift: Cell[];
}

export interface Removal {
  ranks: Cell[];
  /** rank without the component − nominal rank (positive = falls). */
  shift: Cell[];
  meanAbsShift: number | null;
}

export interface SensitivityResult {
  runs: number;
  seed: number | string;
  rankInterval: [number, number];
  blocks: Record<string, RankStats>;
  /** By block, then the removed child of the root. */
  removal: Record<string, Record<string, Removal>>;
  draws?: { normaliser: number; aggregator: number; weights: WeightOverrides }[];
}

/** sensitivity(methodology, table, options?) — seeded; the same inputs and seed give the same result. */
export function sensitivity(
  m: Methodology,
  table: DataTable,
  options: SensitivityOptions = {},
): SensitivityResult {
  const runs = options.runs ?? 1000;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError('runs is not a positive integer');
  const ri = options.rankInterval ?? [5, 95];
  if (!(ri[0] >= 0 && ri[0] < ri[1] && ri[1] <= 100))
    throw new RangeError('rankInterval is not [lower, upper] in [0, 100]');
  const noise = options.weights ?? null;
  if (noise !== null && !(noise.p >= 0 && noise.p <= 1)) throw new RangeError('weights.p is not in [0, 1]');
  const normalisers = options.normalisers ?? [];
  const aggregators = options.aggregators ?? [];
  if (!Array.isArray(normalisers) || !Array.isArray(aggregators)) {
    throw new TypeError('normalisers and aggregators are not arrays');
  }
  const seed = options.seed ?? 1;
  const compute = options.compute ?? {};

  const nominal = prepare(m, table, compute);
  const alternatives: Prepared[] =
    normalisers.length === 0
      ? [nominal]
      : normalisers.map((n) => prepare(withNormaliser(m, n), table, compute));
  const base = scoreArrays(nominal);
  const nominalRanks = base.map((b) => rank(b.values[b.tree.root]!));
  const codes = noisyNodes(m.tree, noise?.nodes);

  const rng = randomSource(seed);
  const draws: NonNullable<SensitivityResult['draws']> = [];
  const samples = base.map((b) => new Float64Array(b.units.length * runs));
  for (let j = 0; j < runs; j++) {
    const weights: WeightOverrides = {};
    if (noise !== null)
      for (const [code, w] of codes) weights[code] = w * rng.uniform(1 - noise.p, 1 + noise.p);
    const ni = alternatives.length > 1 ? rng.int(0, alternatives.length) : 0;
    const ai = aggregators.length > 0 ? rng.int(0, aggregators.length) : -1;
    const scores = scoreArrays(
      alternatives[ni]!,
      ai < 0 ? { weights } : { weights, aggregator: aggregators[ai] },
    );
    scores.forEach((b, i) => {
      const r = rank(b.values[b.tree.root]!);
      samples[i]!.set(r, j * r.length);
    });
    if (options.keepDraws) draws.push({ normaliser: ni, aggregator: ai, weights });
    options.onProgress?.(j + 1, runs);
  }

  const blocks: Record<string, RankStats> = {};
  const removal: Record<string, Record<string, Removal>> = {};
  base.forEach((b, i) => {
    const [median, lower, upper] = sampleQuantiles(samples[i]!, b.units.length, [
      0.5,
      ri[0] / 100,
      ri[1] / 100,
    ]);
    const nom = nominalRanks[i]!;
    const shift = Array.from(nom, (r, u) => {
      if (r !== r) return null;
      let s = 0;
      let k = 0;
      for (let j = 0; j < runs; j++) {
        const x = samples[i]![j * nom.length + u]!;
        if (x === x) {
          s += Math.abs(x - r);
          k++;
        }
      }
      return k > 0 ? s / k : null;
    });
    blocks[b.block] = {
      units: b.units,
      nominal: toCells(nom),
      median: toCells(median!),
      lower: toCells(lower!),
      upper: toCells(upper!),
      meanAbsShift: shift,
    };
    removal[b.block] = {};
    for (const c of b.tree.nodes[b.tree.root]!.children) {
      const code = b.tree.nodes[c]!.node.code;
      const without = scoreArrays(nominal, { weights: { [code]: 0 } })[i]!;
      const r = rank(without.values[without.tree.root]!);
      const d = Array.from(r, (x, u) => x - nom[u]!);
      const known = d.filter((x) => x === x);
      removal[b.block]![code] = {
        ranks: toCells(r),
        shift: toCells(Float64Array.from(d)),
        meanAbsShift: known.length > 0 ? known.reduce((s, x) => s + Math.abs(x), 0) / known.length : null,
      };
    }
  });
  return {
    runs,
    seed,
    rankInterval: [ri[0], ri[1]],
    blocks,
    removal,
    ...(options.keepDraws ? { draws } : {}),
  };
}

function withNormaliser(m: Methodology, normaliser: Normaliser): Methodology {
  const swap = (node: MethodologyNode): MethodologyNode =>
    node.type === 'indicator' ? { ...node, normaliser } : { ...node, children: node.children.map(swap) };
  return { ...m, tree: swap(m.tree) as AggregateNode };
}

// [code, nominal weight] of the nodes whose weights get noise, in tree order (so draws are reproducible).
function noisyNodes(tree: AggregateNode, only?: string[]): [string, number][] {
  const out: [string, number][] = [];
  const allow = only ? new Set(only) : null;
  const walk = (node: MethodologyNode, root: boolean): void => {
    if (!root && (allow === null || allow.has(node.code))) out.push([node.code, node.weight]);
    if (node.type !== 'indicator') for (const c of node.children) walk(c, false);
  };
  walk(tree, true);
  if (allow)
    for (const code of allow)
      if (!out.some(([c]) => c === code)) throw new RangeError(`weights.nodes has unknown node ${code}`);
  return out;
}
