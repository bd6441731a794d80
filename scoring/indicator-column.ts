import { toColumn } from './column.js';
import type { IndicatorNode, Methodology } from './methodology/types.js';
import { denominate } from './treat/denominate.js';
import type { Cell, DataTable, MissingReason } from './types.js';

export interface IndicatorColumn {
  /** Value after suppression and denomination, NaN when missing. */
  x: Float64Array;
  raw: Float64Array;
  n: Float64Array | null;
  reasons: (MissingReason | null)[];
}

/**
 * What decides a column's reasons without looking at its values: unit suppression, n against the indicator's
 * minimum, and the denominator. The bootstrap builds it once and refills it with every resample's values.
 */
export interface ColumnFrame {
  code: string;
  rows: readonly number[];
  n: Float64Array | null;
  /** 'unit-suppressed' or 'indicator-suppressed' (n known and below the minimum), else null. */
  suppressed: (MissingReason | null)[];
  /** 1 where a minimum applies but n is unknown: a value there is suppressed, a null stays 'missing'. */
  unknownN: Uint8Array | null;
  denominator: Float64Array | null;
}

/**
 * One indicator's column for the given rows of a table: unit suppression → n below the indicator's
 * minRespondents → invalid/missing input → denomination.
 * @public the module's one-call form (scoring/README.md); the engine calls its two steps itself.
 */
export function indicatorColumn(
  m: Methodology,
  indicator: IndicatorNode,
  table: DataTable,
  rows: readonly number[],
): IndicatorColumn {
  return fillColumn(columnFrame(m, indicator, table, rows), table.values[indicator.code]!);
}

/**
 * columnFrame(m, indicator, table, rows) decides suppression from respondents alone. n is checked before the
 * value, so a cell that scoring/indicators already dropped for too few respondents (value null, n below the
 * minimum) keeps the reason 'indicator-suppressed' rather than 'missing'. The methodology format has no
 * methodology-wide indicator minimum (its minRespondents is per unit), so only indicator.minRespondents applies.
 */
export function columnFrame(
  m: Methodology,
  indicator: IndicatorNode,
  table: DataTable,
  rows: readonly number[],
): ColumnFrame {
  if (!table.values[indicator.code]) {
    throw new RangeError(`table has no column "${indicator.code}" (indicator ${indicator.code})`);
  }
  const nSource = table.n?.[indicator.code];
  const k = rows.length;
  const n = nSource ? new Float64Array(k) : null;
  const suppressed = new Array<MissingReason | null>(k).fill(null);
  const minUnit = m.minRespondents ?? 0;
  const minIndicator = indicator.minRespondents ?? 0;
  let unknownN: Uint8Array | null = null;
  for (let j = 0; j < k; j++) {
    const r = rows[j]!;
    if (n) n[j] = toNumber(nSource![r]);
    const respondents = table.units[r]!.respondents;
    if (minUnit > 0 && respondents !== undefined && respondents < minUnit) suppressed[j] = 'unit-suppressed';
    else if (n && minIndicator > 0) {
      if (n[j]! < minIndicator) suppressed[j] = 'indicator-suppressed';
      else if (n[j] !== n[j]) (unknownN ??= new Uint8Array(k))[j] = 1;
    }
  }
  let denominator: Float64Array | null = null;
  if (indicator.denominator) {
    const d = table.values[indicator.denominator];
    if (!d)
      throw new RangeError(
        `table has no column "${indicator.denominator}" (denominator of ${indicator.code})`,
      );
    denominator = toColumn(rows.map((r) => d[r] ?? null));
  }
  return { code: indicator.code, rows, n, suppressed, unknownN, denominator };
}

/**
 * fillColumn(frame, values, nanIsMissing?) reads the frame's rows of `values` (indexed by table row) into a fresh
 * column. With nanIsMissing, NaN counts as null ('missing', not 'invalid'): the bootstrap passes its resampled
 * values as Float64Arrays, which avoids boxing every number into a (number | null)[] per resample.
 */
export function fillColumn(
  frame: ColumnFrame,
  values: ArrayLike<Cell | undefined>,
  nanIsMissing = false,
): IndicatorColumn {
  const { rows, suppressed, unknownN } = frame;
  const k = rows.length;
  const x = new Float64Array(k);
  const raw = new Float64Array(k);
  const reasons = suppressed.slice();
  for (let j = 0; j < k; j++) {
    const v = values[rows[j]!];
    const ok = typeof v === 'number' && Number.isFinite(v);
    raw[j] = ok ? v : NaN;
    if (reasons[j] === null) {
      if (v === null || v === undefined || (nanIsMissing && v !== v)) reasons[j] = 'missing';
      else if (!ok) reasons[j] = 'invalid';
      else if (unknownN !== null && unknownN[j] === 1) reasons[j] = 'indicator-suppressed';
    }
    x[j] = reasons[j] === null ? raw[j]! : NaN;
  }
  if (frame.denominator) {
    const d = denominate(x, frame.denominator);
    for (let j = 0; j < k; j++) {
      if (reasons[j] === null && d[j] !== d[j]) reasons[j] = 'missing';
      x[j] = d[j]!;
    }
  }
  // n is shared with the frame: nothing downstream writes to it.
  return { x, raw, n: frame.n, reasons };
}

function toNumber(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
}
