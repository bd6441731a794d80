// Numbers-only twin of prepare() for the bootstrap, which prepares a fresh table per resample: the same steps in
// the same order (unit and indicator suppression, denomination, imputation, screening, JRC treatment, benchmark,
// normalisation, all through the engine's own functions) but without the methodology hash, the per-indicator
// ranks and the NodeResult objects that only the published result needs. Keep in step with prepare.ts;
// test/scoring/prepare-scores.test.ts checks that scoreArrays(prepareScores(…)) equals computeIndex.

import { resolveBenchmark } from './benchmark.js';
import { flatten, type FlatTree } from './flatten.js';
import { indicatorColumn } from './indicator-column.js';
import type { IndicatorNode, Methodology } from './methodology/types.js';
import { normalise } from './normalise/normalise.js';
import { impute } from './treat/impute.js';
import { screen } from './treat/screen.js';
import { treat } from './treat/treat.js';
import type { ComputeOptions, DataTable } from './types.js';

export interface ScoredBlock {
  block: { code: string };
  tree: FlatTree;
  units: string[];
  /** Normalised scores by flat-node position (indicators only). */
  scores: Float64Array[];
}

export interface PreparedScores {
  methodology: Methodology;
  blocks: ScoredBlock[];
}

/** prepareScores(m, table, options?) — what scoreArrays needs from prepare(), and nothing else. */
export function prepareScores(
  m: Methodology,
  table: DataTable,
  options: ComputeOptions = {},
): PreparedScores {
  const edition = options.edition ?? table.edition ?? null;
  const blocks = m.blocks.map((block): ScoredBlock => {
    const rows: number[] = [];
    table.units.forEach((u, i) => u.block === block.code && rows.push(i));
    const tree = flatten(m.tree, block.components);
    const min = m.minRespondents ?? 0;
    const out = rows.map((r) => {
      const n = table.units[r]!.respondents;
      return min > 0 && n !== undefined && n < min;
    });
    const leaves = tree.indicators.map((at) => tree.nodes[at]!.node as IndicatorNode);
    const columns = leaves.map((ind) => indicatorColumn(m, ind, table, rows));
    const method = m.imputation?.method ?? 'none';
    if (method !== 'none') {
      const key = m.imputation?.group;
      const groups = key ? rows.map((r) => table.units[r]!.groups?.[key]) : undefined;
      for (const col of columns) {
        const skip = col.reasons.map((r) => r !== null && r !== 'missing');
        col.x.set(impute(col.x, method, groups, skip).x);
      }
    }
    if (m.screening) {
      const keep = screen(
        columns.map((c) => c.x),
        m.screening.minAvailability,
      );
      keep.forEach((ok, j) => {
        if (ok || out[j]) return;
        for (const c of columns) c.x[j] = NaN;
      });
    }
    const scores: Float64Array[] = [];
    leaves.forEach((ind, k) => {
      let x = columns[k]!.x;
      if ((ind.treatment ?? m.treatment?.method ?? 'none') === 'jrc') {
        x = treat(ind.code, x, {
          winmax: m.treatment?.winmax,
          skewThreshold: m.treatment?.skewThreshold,
          kurtThreshold: m.treatment?.kurtThreshold,
        }).x;
      }
      const benchmark = resolveBenchmark(m, ind, block.code, x, edition, table, options);
      const usable = benchmark && benchmark.min !== null && benchmark.max !== null;
      scores[tree.indicators[k]!] =
        benchmark && !usable
          ? new Float64Array(x.length).fill(NaN)
          : normalise(
              x,
              ind.normaliser,
              ind.direction,
              usable ? { min: benchmark.min!, max: benchmark.max! } : undefined,
            );
    });
    return { block, tree, units: rows.map((r) => table.units[r]!.code), scores };
  });
  return { methodology: m, blocks };
}
