import { toColumn } from './column.js';
import type { IndicatorNode, Methodology } from './methodology/types.js';
import { denominate } from './treat/denominate.js';
import type { DataTable, MissingReason } from './types.js';

export interface IndicatorColumn {
  /** Value after suppression and denomination, NaN when missing. */
  x: Float64Array;
  raw: Float64Array;
  n: Float64Array | null;
  reasons: (MissingReason | null)[];
}

/**
 * One indicator's column for the given rows of a table: input → invalid/missing → unit and indicator
 * suppression → denomination. `unitReasons` carries per-unit reasons decided before (suppressed units).
 */
export function indicatorColumn(
  m: Methodology,
  indicator: IndicatorNode,
  table: DataTable,
  rows: readonly number[],
): IndicatorColumn {
  const source = table.values[indicator.code];
  if (!source) throw new RangeError(`table has no column "${indicator.code}" (indicator ${indicator.code})`);
  const nSource = table.n?.[indicator.code];
  const k = rows.length;
  const x = new Float64Array(k);
  const raw = new Float64Array(k);
  const n = nSource ? new Float64Array(k) : null;
  const reasons = new Array<MissingReason | null>(k).fill(null);
  let denominator: Float64Array | null = null;
  if (indicator.denominator) {
    const d = table.values[indicator.denominator];
    if (!d)
      throw new RangeError(
        `table has no column "${indicator.denominator}" (denominator of ${indicator.code})`,
      );
    denominator = toColumn(rows.map((r) => d[r] ?? null));
  }
  const minUnit = m.minRespondents ?? 0;
  const minIndicator = indicator.minRespondents ?? 0;
  for (let j = 0; j < k; j++) {
    const r = rows[j]!;
    const v = source[r];
    raw[j] = typeof v === 'number' && Number.isFinite(v) ? v : NaN;
    if (n) n[j] = toNumber(nSource![r]);
    const respondents = table.units[r]!.respondents;
    if (v === null || v === undefined) reasons[j] = 'missing';
    else if (!(typeof v === 'number' && Number.isFinite(v))) reasons[j] = 'invalid';
    if (minUnit > 0 && respondents !== undefined && respondents < minUnit) reasons[j] = 'unit-suppressed';
    else if (reasons[j] === null && n && minIndicator > 0 && !(n[j]! >= minIndicator)) {
      reasons[j] = 'indicator-suppressed';
    }
    x[j] = reasons[j] === null ? raw[j]! : NaN;
  }
  if (denominator) {
    const d = denominate(x, denominator);
    for (let j = 0; j < k; j++) {
      if (reasons[j] === null && d[j] !== d[j]) reasons[j] = 'missing';
      x[j] = d[j]!;
    }
  }
  return { x, raw, n, reasons };
}

function toNumber(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
}
