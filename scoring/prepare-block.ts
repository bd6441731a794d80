// The per-block steps of prepare(), in one place: prepare() adds the published NodeResults on top, and
// prepareScores() (the bootstrap's form) keeps only the score columns. Order: unit and indicator suppression and
// denomination (indicator-column.ts), imputation, screening, JRC treatment, benchmark, normalisation.

import { resolveBenchmark } from './benchmark.js';
import { flatten, type FlatTree } from './flatten.js';
import { columnFrame, fillColumn, type ColumnFrame, type IndicatorColumn } from './indicator-column.js';
import type { Block, IndicatorNode, Methodology } from './methodology/types.js';
import { normalise } from './normalise/normalise.js';
import { impute } from './treat/impute.js';
import { screen } from './treat/screen.js';
import { treat } from './treat/treat.js';
import type { BenchmarkUsed, ComputeOptions, DataTable, MissingReason, TreatmentRecord } from './types.js';

/** What a block's preparation needs that its values cannot change: rows, tree, suppression, denominators. */
export interface BlockFrame {
  block: Block;
  /** Table rows of the block's units, in table order. */
  rows: number[];
  units: string[];
  tree: FlatTree;
  /** Indicator nodes in tree order (tree.indicators[k] is leaves[k]'s flat position). */
  leaves: IndicatorNode[];
  /** 'unit-suppressed' for units below the methodology's minRespondents, else null. */
  unitSuppressed: (MissingReason | null)[];
  columns: ColumnFrame[];
  /** Imputation groups per unit, when the methodology imputes by group. */
  groups: (string | undefined)[] | undefined;
}

export interface BlockSteps {
  columns: IndicatorColumn[];
  /** Per indicator, which cells were imputed; null when the methodology does not impute. */
  imputed: (boolean[] | null)[];
  /** Reason that removes a whole unit ('unit-suppressed' or 'screened'), else null. */
  unitReasons: (MissingReason | null)[];
  screened: string[];
  /** Per indicator, the values the normaliser saw (after imputation and treatment). */
  treated: Float64Array[];
  treatment: TreatmentRecord[];
  benchmarks: (BenchmarkUsed | undefined)[];
  /** Per indicator, the normalised score. */
  scores: Float64Array[];
}

/** blockFrames(m, table) gives one frame per methodology block. */
export function blockFrames(m: Methodology, table: DataTable): BlockFrame[] {
  return m.blocks.map((block) => blockFrame(m, block, table));
}

function blockFrame(m: Methodology, block: Block, table: DataTable): BlockFrame {
  const rows: number[] = [];
  table.units.forEach((u, i) => u.block === block.code && rows.push(i));
  const tree = flatten(m.tree, block.components);
  const min = m.minRespondents ?? 0;
  const unitSuppressed = rows.map((r): MissingReason | null => {
    const n = table.units[r]!.respondents;
    return min > 0 && n !== undefined && n < min ? 'unit-suppressed' : null;
  });
  const leaves = tree.indicators.map((at) => tree.nodes[at]!.node as IndicatorNode);
  const key = m.imputation?.group;
  return {
    block,
    rows,
    units: rows.map((r) => table.units[r]!.code),
    tree,
    leaves,
    unitSuppressed,
    columns: leaves.map((ind) => columnFrame(m, ind, table, rows)),
    groups: key ? rows.map((r) => table.units[r]!.groups?.[key]) : undefined,
  };
}

/**
 * prepareBlock(m, frame, table, edition, options, nanIsMissing?) runs the steps on `table`'s values. `frame`
 * comes from blockFrames(m, t) for this table or one with the same units, respondents and n (a bootstrap
 * resample). nanIsMissing: indicator columns hold NaN for missing values (see fillColumn).
 */
export function prepareBlock(
  m: Methodology,
  frame: BlockFrame,
  table: DataTable,
  edition: number | null,
  options: ComputeOptions,
  nanIsMissing = false,
): BlockSteps {
  const columns = frame.columns.map((c) => fillColumn(c, table.values[c.code]!, nanIsMissing));
  const method = m.imputation?.method ?? 'none';
  const imputed = columns.map((col) => {
    if (method === 'none') return null;
    const skip = col.reasons.map((r) => r !== null && r !== 'missing');
    const result = impute(col.x, method, frame.groups, skip);
    col.x.set(result.x);
    result.imputed.forEach((done, j) => done && (col.reasons[j] = null));
    return result.imputed;
  });
  const unitReasons = frame.unitSuppressed.slice();
  const screened: string[] = [];
  if (m.screening) {
    const keep = screen(
      columns.map((c) => c.x),
      m.screening.minAvailability,
    );
    keep.forEach((ok, j) => {
      if (ok || unitReasons[j]) return;
      unitReasons[j] = 'screened';
      screened.push(frame.units[j]!);
      for (const c of columns) {
        c.x[j] = NaN;
        c.reasons[j] = 'screened';
      }
    });
  }
  const treated: Float64Array[] = [];
  const treatment: TreatmentRecord[] = [];
  const benchmarks: (BenchmarkUsed | undefined)[] = [];
  const scores: Float64Array[] = [];
  frame.leaves.forEach((ind, k) => {
    let x = columns[k]!.x;
    if ((ind.treatment ?? m.treatment?.method ?? 'none') === 'jrc') {
      const t = treat(ind.code, x, {
        winmax: m.treatment?.winmax,
        skewThreshold: m.treatment?.skewThreshold,
        kurtThreshold: m.treatment?.kurtThreshold,
      });
      x = t.x;
      treatment.push(t.record);
    }
    const benchmark = resolveBenchmark(m, ind, frame.block.code, x, edition, table, options);
    const usable = benchmark && benchmark.min !== null && benchmark.max !== null;
    treated.push(x);
    benchmarks.push(benchmark);
    scores.push(
      benchmark && !usable
        ? new Float64Array(x.length).fill(NaN)
        : normalise(
            x,
            ind.normaliser,
            ind.direction,
            usable ? { min: benchmark.min!, max: benchmark.max! } : undefined,
          ),
    );
  });
  return { columns, imputed, unitReasons, screened, treated, treatment, benchmarks, scores };
}
