import { toCells } from './column.js';
import { resolveBenchmark } from './benchmark.js';
import { flatten, type FlatTree } from './flatten.js';
import { indicatorColumn, type IndicatorColumn } from './indicator-column.js';
import { methodologyHash } from './methodology/hash.js';
import type { Block, IndicatorNode, Methodology } from './methodology/types.js';
import { normalise } from './normalise/normalise.js';
import { rank } from './rank.js';
import { impute } from './treat/impute.js';
import { screen } from './treat/screen.js';
import { treat } from './treat/treat.js';
import type { ComputeOptions, DataTable, MissingReason, NodeResult, TreatmentRecord } from './types.js';

export interface PreparedBlock {
  block: Block;
  tree: FlatTree;
  units: string[];
  /** Reason that removes a whole unit ('unit-suppressed' or 'screened'), else null. */
  unitReasons: (MissingReason | null)[];
  screened: string[];
  /** Normalised scores by flat-node position (indicators only). */
  scores: Float64Array[];
  /** Indicator results by flat-node position, without weights (reweight adds them). */
  indicators: Map<number, Omit<NodeResult, 'weight' | 'effectiveWeight'>>;
  treatment: TreatmentRecord[];
}

export interface Prepared {
  methodology: Methodology;
  hash: string;
  edition: number | null;
  blocks: PreparedBlock[];
}

/**
 * Everything weights cannot change, done once: per block, suppression, denomination, imputation, screening,
 * treatment, benchmarks and normalisation. The methodology is assumed checked (checkMethodology).
 */
export function prepare(m: Methodology, table: DataTable, options: ComputeOptions = {}): Prepared {
  const edition = options.edition ?? table.edition ?? null;
  const blocks = m.blocks.map((block) => prepareBlock(m, block, table, edition, options));
  return { methodology: m, hash: methodologyHash(m), edition, blocks };
}

function prepareBlock(
  m: Methodology,
  block: Block,
  table: DataTable,
  edition: number | null,
  options: ComputeOptions,
): PreparedBlock {
  const rows: number[] = [];
  table.units.forEach((u, i) => u.block === block.code && rows.push(i));
  const units = rows.map((r) => table.units[r]!.code);
  const tree = flatten(m.tree, block.components);
  const min = m.minRespondents ?? 0;
  const unitReasons = rows.map((r): MissingReason | null => {
    const n = table.units[r]!.respondents;
    return min > 0 && n !== undefined && n < min ? 'unit-suppressed' : null;
  });
  const leaves = tree.indicators.map((at) => tree.nodes[at]!.node as IndicatorNode);
  const columns = leaves.map((ind) => indicatorColumn(m, ind, table, rows));
  const imputed = leaves.map((_, k) => imputeColumn(m, table, rows, columns[k]!));
  const screened: string[] = [];
  if (m.screening) {
    const keep = screen(
      columns.map((c) => c.x),
      m.screening.minAvailability,
    );
    keep.forEach((ok, j) => {
      if (ok || unitReasons[j]) return;
      unitReasons[j] = 'screened';
      screened.push(units[j]!);
      for (const c of columns) {
        c.x[j] = NaN;
        c.reasons[j] = 'screened';
      }
    });
  }
  const scores: Float64Array[] = [];
  const indicators: PreparedBlock['indicators'] = new Map();
  const treatment: TreatmentRecord[] = [];
  leaves.forEach((ind, k) => {
    const at = tree.indicators[k]!;
    const col = columns[k]!;
    let x = col.x;
    if ((ind.treatment ?? m.treatment?.method ?? 'none') === 'jrc') {
      const t = treat(ind.code, x, {
        winmax: m.treatment?.winmax,
        skewThreshold: m.treatment?.skewThreshold,
        kurtThreshold: m.treatment?.kurtThreshold,
      });
      x = t.x;
      treatment.push(t.record);
    }
    const benchmark = resolveBenchmark(m, ind, block.code, x, edition, table, options);
    const usable = benchmark && benchmark.min !== null && benchmark.max !== null;
    const score =
      benchmark && !usable
        ? new Float64Array(x.length).fill(NaN)
        : normalise(
            x,
            ind.normaliser,
            ind.direction,
            usable ? { min: benchmark.min!, max: benchmark.max! } : undefined,
          );
    const reasons = col.reasons.map((r, j) => r ?? (score[j] === score[j] ? null : 'undefined'));
    scores[at] = score;
    const node = tree.nodes[at]!;
    indicators.set(at, {
      code: ind.code,
      name: ind.name,
      type: 'indicator',
      parent: node.parent >= 0 ? tree.nodes[node.parent]!.node.code : null,
      children: [],
      values: toCells(score),
      reasons,
      ranks: toCells(rank(score)),
      direction: ind.direction,
      normaliser: ind.normaliser,
      raw: toCells(col.raw),
      n: col.n ? toCells(col.n) : undefined,
      treated: toCells(x),
      imputed: imputed[k],
      benchmark,
    });
  });
  return { block, tree, units, unitReasons, screened, scores, indicators, treatment };
}

function imputeColumn(m: Methodology, table: DataTable, rows: number[], col: IndicatorColumn): boolean[] {
  const method = m.imputation?.method ?? 'none';
  if (method === 'none') return new Array<boolean>(rows.length).fill(false);
  const key = m.imputation?.group;
  const groups = key ? rows.map((r) => table.units[r]!.groups?.[key]) : undefined;
  const skip = col.reasons.map((r) => r !== null && r !== 'missing');
  const result = impute(col.x, method, groups, skip);
  col.x.set(result.x);
  result.imputed.forEach((done, j) => done && (col.reasons[j] = null));
  return result.imputed;
}
