// Public form of the indicator step: a DataTable that computeIndex consumes, with n and the reason for every null.

import type { Cell } from '#scoring/types.js';
import type { Evaluation } from './evaluate.js';
import type { PreparedSurvey } from './prepare.js';
import type { HardData, IndicatorReason, IndicatorTable } from './types.js';

/**
 * indicatorTableOf(prepared, evaluation, hard?, edition?) applies the minimum-respondent rule: a survey value
 * with n below the indicator's minimum (or n = 0) becomes null with reason "too_few_respondents", and n is still
 * reported. The value is dropped here, not only flagged, so a table that leaves the engine never carries a
 * statistic of two or three firms' answers.
 * Hard indicators take hard[series][unit]; absent or non-finite → null with reason "no_hard_value".
 */
export function indicatorTableOf(
  prep: PreparedSurvey,
  evaluation: Evaluation,
  hard: HardData = {},
  edition?: number,
): IndicatorTable {
  const U = prep.units.length;
  const K = prep.columns.length;
  const values: Record<string, Cell[]> = Object.create(null);
  const n: Record<string, Cell[]> = Object.create(null);
  const reasons: Record<string, (IndicatorReason | null)[]> = Object.create(null);
  prep.columns.forEach((col, k) => {
    const vs: Cell[] = new Array(U);
    const ns: Cell[] = new Array(U);
    const rs: (IndicatorReason | null)[] = new Array(U);
    for (let u = 0; u < U; u++) {
      const m = evaluation.n[u * K + k]!;
      const ok = m > 0 && m >= col.min; // n = 0 has no value whatever the minimum
      vs[u] = ok ? evaluation.value[u * K + k]! : null;
      ns[u] = m;
      rs[u] = ok ? null : 'too_few_respondents';
    }
    values[col.code] = vs;
    n[col.code] = ns;
    reasons[col.code] = rs;
  });
  for (const h of prep.hard) {
    const series = Object.hasOwn(hard, h.series) ? hard[h.series] : undefined;
    const vs: Cell[] = new Array(U);
    const rs: (IndicatorReason | null)[] = new Array(U);
    prep.units.forEach((unit, u) => {
      const x = series !== undefined && Object.hasOwn(series, unit.code) ? series[unit.code] : null;
      const ok = typeof x === 'number' && Number.isFinite(x);
      vs[u] = ok ? x : null;
      rs[u] = ok ? null : 'no_hard_value';
    });
    values[h.code] = vs;
    reasons[h.code] = rs;
  }
  const units = prep.units.map((unit, u) => ({
    code: unit.code,
    block: unit.block,
    respondents: prep.unitStart[u + 1]! - prep.unitStart[u]!,
  }));
  return {
    ...(edition !== undefined ? { edition } : {}),
    units,
    values,
    n,
    reasons,
    excludedObservations: prep.excludedObservations,
  };
}
