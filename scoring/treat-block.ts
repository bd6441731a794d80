// The data steps of a block before normalisation, in order: the indicator columns (suppression, missing and
// invalid values, denomination: indicator-column.ts), imputation, screening, JRC treatment. prepare-block.ts adds
// benchmarks and normalisation; pool.ts runs the same steps on other editions for pooled benchmarks.

import type { BlockFrame } from './block-frame.js';
import { fillColumn, type IndicatorColumn } from './indicator-column.js';
import type { Methodology } from './methodology/types.js';
import { impute } from './treat/impute.js';
import { screen } from './treat/screen.js';
import { treat } from './treat/treat.js';
import type { DataTable, MissingReason, TreatmentRecord } from './types.js';

export interface TreatedBlock {
  columns: IndicatorColumn[];
  /** Per indicator, which cells were imputed; null when the methodology does not impute. */
  imputed: (boolean[] | null)[];
  /** Reason that removes a whole unit ('unit-suppressed' or 'screened'), else null. */
  unitReasons: (MissingReason | null)[];
  screened: string[];
  /** Per indicator (frame.leaves order), the values the normaliser sees; NaN for missing and screened units. */
  treated: Float64Array[];
  treatment: TreatmentRecord[];
}

/** treatBlock(m, frame, table, nanIsMissing?) — see prepareBlock for `frame` and `nanIsMissing`. */
export function treatBlock(
  m: Methodology,
  frame: BlockFrame,
  table: DataTable,
  nanIsMissing = false,
): TreatedBlock {
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
    treated.push(x);
  });
  return { columns, imputed, unitReasons, screened, treated, treatment };
}
