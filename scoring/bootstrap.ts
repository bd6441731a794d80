// Sampling uncertainty from the respondents (composite-indicators.md §12: no tool does this). Each resample draws,
// within every unit, as many respondents as the unit has, with replacement (multinomial counts over its rows),
// recomputes every survey indicator exactly from those counts (indicators/resample.ts), then the engine's steps
// (suppression, imputation, treatment, benchmarks, normalisation: prepare-scores.ts) and the aggregation
// (score-arrays.ts).
// Percentile intervals come from the resampled values; rank ranges from the resampled ranks within each block.
//
// Choices, documented:
// - Respondents are resampled jointly across items, so correlation between a firm's answers is kept; resampling
//   each indicator on its own would understate the composite's spread when items move together.
// - The suppression pattern is the point estimate's: an indicator suppressed for too few respondents stays null
//   in every resample, and one that was published keeps its n (so a resample never flips a cell in or out).
// - Hard (published) data are not resampled.
// - Sub-population filters are re-applied in every resample, so a filtered share's denominator varies as it would
//   in repeated surveys.

import { toCells } from './column.js';
import { evaluateSurvey } from './indicators/evaluate.js';
import { prepareSurvey } from './indicators/prepare.js';
import { evaluateResample, resampleFrame } from './indicators/resample.js';
import { indicatorTableOf } from './indicators/table.js';
import type { IndicatorOptions, IndicatorTable, Observation } from './indicators/types.js';
import type { Methodology } from './methodology/types.js';
import { blockFrames } from './block-frame.js';
import { prepareScores } from './prepare-scores.js';
import { randomSource } from './random.js';
import { rank } from './rank.js';
import { sampleQuantiles } from './sample-quantiles.js';
import { scoreArrays } from './score-arrays.js';
import type { Cell, ComputeOptions } from './types.js';

export interface BootstrapOptions extends IndicatorOptions {
  /** Number of resamples (default 1000). */
  resamples?: number;
  seed?: number | string;
  /** Percentile interval for values, in percent (default [2.5, 97.5]). */
  interval?: [number, number];
  /** Percentile range for ranks, in percent (default [5, 95]). */
  rankInterval?: [number, number];
  /** Passed to the engine's prepare (history for pooled benchmarks, recorded benchmarks). */
  compute?: ComputeOptions;
  onProgress?: (done: number, total: number) => void;
}

export interface IntervalColumn {
  estimate: Cell[];
  lower: Cell[];
  upper: Cell[];
}

export interface RankedColumn extends IntervalColumn {
  rank: Cell[];
  rankLower: Cell[];
  rankUpper: Cell[];
}

export interface BootstrapBlock {
  block: string;
  units: string[];
  /** Aggregates (groups, sub-indices, the composite) by code. */
  nodes: Record<string, RankedColumn>;
  /** Indicator values (raw scale, before normalisation) by code. */
  indicators: Record<string, IntervalColumn>;
}

export interface BootstrapResult {
  method: 'respondents-within-unit';
  resamples: number;
  seed: number | string;
  interval: [number, number];
  rankInterval: [number, number];
  /** The point-estimate indicator table. */
  table: IndicatorTable;
  blocks: Record<string, BootstrapBlock>;
}

/** bootstrap(observations, methodology, options?) — seeded; the same inputs and seed give the same result. */
export function bootstrap(
  observations: readonly Observation[],
  m: Methodology,
  options: BootstrapOptions = {},
): BootstrapResult {
  const R = options.resamples ?? 1000;
  if (!Number.isInteger(R) || R < 1) throw new RangeError('resamples is not a positive integer');
  const interval = percentPair(options.interval ?? [2.5, 97.5], 'interval');
  const rankInterval = percentPair(options.rankInterval ?? [5, 95], 'rankInterval');
  const seed = options.seed ?? 1;
  const compute = options.compute ?? {};

  const prep = prepareSurvey(observations, m, options);
  const table = indicatorTableOf(prep, evaluateSurvey(prep), options.hard, options.edition);
  // Units, respondents and n are the point estimate's in every resample, so suppression is worked out once.
  const frames = blockFrames(m, table);
  const point = scoreArrays(prepareScores(m, table, compute, { frames }));
  const K = prep.columns.length;
  const U = prep.units.length;
  const aggregates = point.map((b) =>
    b.tree.nodes.flatMap((n, at) => (n.node.type === 'indicator' ? [] : [at])),
  );
  const valueDraws = point.map((b, i) => new Float64Array(aggregates[i]!.length * b.units.length * R));
  const rankDraws = point.map((b, i) => new Float64Array(aggregates[i]!.length * b.units.length * R));
  const indicatorDraws = new Float64Array(U * K * R);

  const frame = resampleFrame(prep);
  const rng = randomSource(seed);
  const counts = new Uint32Array(prep.rows);
  const evaluation = { value: new Float64Array(U * K), n: new Int32Array(U * K) };
  // Resampled survey columns as Float64Arrays with NaN for missing (prepareScores' nanIsMissing); hard columns
  // keep the table's values.
  const values: Record<string, ArrayLike<Cell>> = { ...table.values };
  const columns = prep.columns.map((col) => (values[col.code] = new Float64Array(U)));
  const published = prep.columns.map((col) =>
    Uint8Array.from(table.values[col.code]!, (v) => (v === null ? 0 : 1)),
  );
  const resampled = { ...table, values };
  const reuse = { frames, nanIsMissing: true };

  for (let j = 0; j < R; j++) {
    counts.fill(0);
    for (let u = 0; u < U; u++) {
      const first = prep.unitStart[u]!;
      const size = prep.unitStart[u + 1]! - first;
      for (let i = 0; i < size; i++) counts[first + rng.int(0, size)]!++;
    }
    evaluateResample(frame, counts, evaluation);
    for (let k = 0; k < K; k++) {
      const out = columns[k]!;
      const shown = published[k]!;
      for (let u = 0; u < U; u++) {
        const x = shown[u] === 1 ? evaluation.value[u * K + k]! : NaN;
        out[u] = x;
        indicatorDraws[j * U * K + u * K + k] = x;
      }
    }
    scoreArrays(prepareScores(m, resampled, compute, reuse)).forEach((b, i) => {
      const nu = b.units.length;
      aggregates[i]!.forEach((at, a) => {
        const v = b.values[at]!;
        const r = rank(v);
        const at0 = j * aggregates[i]!.length * nu + a * nu;
        valueDraws[i]!.set(v, at0);
        rankDraws[i]!.set(r, at0);
      });
    });
    options.onProgress?.(j + 1, R);
  }

  const [lo, hi] = [interval[0] / 100, interval[1] / 100];
  const [indLower, indUpper] = sampleQuantiles(indicatorDraws, U * K, [lo, hi]);
  const unitIndex = new Map(prep.units.map((u, i) => [u.code, i]));
  const blocks: Record<string, BootstrapBlock> = {};
  point.forEach((b, i) => {
    const nu = b.units.length;
    const [vLower, vUpper] = sampleQuantiles(valueDraws[i]!, aggregates[i]!.length * nu, [lo, hi]);
    const [rLower, rUpper] = sampleQuantiles(rankDraws[i]!, aggregates[i]!.length * nu, [
      rankInterval[0] / 100,
      rankInterval[1] / 100,
    ]);
    const nodes: Record<string, RankedColumn> = {};
    aggregates[i]!.forEach((at, a) => {
      const estimate = b.values[at]!;
      const known = (x: Float64Array): Cell[] =>
        toCells(x.subarray(a * nu, (a + 1) * nu).map((v, u) => (estimate[u] === estimate[u] ? v : NaN)));
      nodes[b.tree.nodes[at]!.node.code] = {
        estimate: toCells(estimate),
        lower: known(vLower!),
        upper: known(vUpper!),
        rank: toCells(rank(estimate)),
        rankLower: known(rLower!),
        rankUpper: known(rUpper!),
      };
    });
    const rows = b.units.map((code) => unitIndex.get(code)!);
    const indicators: Record<string, IntervalColumn> = {};
    for (const at of b.tree.indicators) {
      const code = b.tree.nodes[at]!.node.code;
      const k = prep.columns.findIndex((c) => c.code === code);
      const estimate = rows.map((u) => table.values[code]![u] ?? null);
      indicators[code] =
        k < 0
          ? { estimate, lower: estimate, upper: estimate }
          : {
              estimate,
              lower: rows.map((u, j) => (estimate[j] === null ? null : cellOf(indLower![u * K + k]!))),
              upper: rows.map((u, j) => (estimate[j] === null ? null : cellOf(indUpper![u * K + k]!))),
            };
    }
    blocks[b.block] = { block: b.block, units: b.units, nodes, indicators };
  });
  return { method: 'respondents-within-unit', resamples: R, seed, interval, rankInterval, table, blocks };
}

function cellOf(x: number): Cell {
  return x === x ? x : null;
}

function percentPair(pair: [number, number], name: string): [number, number] {
  if (!Array.isArray(pair) || pair.length !== 2 || !(pair[0] >= 0 && pair[0] < pair[1] && pair[1] <= 100)) {
    throw new RangeError(`${name} is not [lower, upper] with 0 ≤ lower < upper ≤ 100`);
  }
  return [pair[0], pair[1]];
}
