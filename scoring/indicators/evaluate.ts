// Indicator values from a PreparedSurvey, optionally under bootstrap counts (row r taken counts[r] times).
// share, mean and count need only Σ value and n per unit and column; quantiles walk the unit's present rows in
// value order (sortedRows builds that order once). The result is raw: suppression is applied by the caller.

import type { PreparedSurvey } from './prepare.js';
import { quantileSorted } from './quantile.js';

export interface Evaluation {
  /** units × columns, unit-major; NaN when n = 0. */
  value: Float64Array;
  n: Int32Array;
}

/** Per quantile column, each unit's present rows sorted by value (ties by row), with the values alongside. */
export interface SortedRows {
  columns: Int32Array;
  /** For quantile column q and unit u, entries start[q·U + u] … start[q·U + u + 1] − 1. */
  start: Int32Array;
  rows: Int32Array;
  values: Float64Array;
}

/** sortedRows(prepared) builds the value order of every quantile column once (for the bootstrap). */
export function sortedRows(prep: PreparedSurvey): SortedRows {
  const K = prep.columns.length;
  const U = prep.units.length;
  const qcols = quantileColumns(prep);
  const start = new Int32Array(qcols.length * U + 1);
  let total = 0;
  for (let q = 0; q < qcols.length; q++) {
    for (let u = 0; u < U; u++) {
      start[q * U + u] = total;
      for (let r = prep.unitStart[u]!; r < prep.unitStart[u + 1]!; r++)
        total += prep.present[r * K + qcols[q]!]!;
    }
  }
  start[qcols.length * U] = total;
  const rows = new Int32Array(total);
  const values = new Float64Array(total);
  for (let q = 0; q < qcols.length; q++) {
    const k = qcols[q]!;
    for (let u = 0; u < U; u++) {
      let at = start[q * U + u]!;
      const from = at;
      for (let r = prep.unitStart[u]!; r < prep.unitStart[u + 1]!; r++)
        if (prep.present[r * K + k]) rows[at++] = r;
      const seg = rows
        .subarray(from, at)
        .sort((a, b) => prep.value[a * K + k]! - prep.value[b * K + k]! || a - b);
      for (let i = 0; i < seg.length; i++) values[from + i] = prep.value[seg[i]! * K + k]!;
    }
  }
  return { columns: qcols, start, rows, values };
}

/**
 * evaluateSurvey(prepared, counts?, sorted?, out?) — counts (length rows) weights each row; without counts every
 * row counts once. sorted is required with counts when there are quantile columns.
 */
export function evaluateSurvey(
  prep: PreparedSurvey,
  counts?: ArrayLike<number>,
  sorted?: SortedRows,
  out?: Evaluation,
): Evaluation {
  const K = prep.columns.length;
  const U = prep.units.length;
  const value = out?.value ?? new Float64Array(U * K);
  const n = out?.n ?? new Int32Array(U * K);
  const { value: v, present, unitStart } = prep;
  const sum = new Float64Array(K);
  const cnt = new Float64Array(K);
  for (let u = 0; u < U; u++) {
    sum.fill(0);
    cnt.fill(0);
    const end = unitStart[u + 1]!;
    if (counts === undefined) {
      for (let r = unitStart[u]!; r < end; r++) {
        const base = r * K;
        for (let k = 0; k < K; k++) {
          sum[k]! += v[base + k]!;
          cnt[k]! += present[base + k]!;
        }
      }
    } else {
      for (let r = unitStart[u]!; r < end; r++) {
        const c = counts[r]!;
        if (c === 0) continue;
        const base = r * K;
        for (let k = 0; k < K; k++) {
          sum[k]! += c * v[base + k]!;
          cnt[k]! += c * present[base + k]!;
        }
      }
    }
    const o = u * K;
    for (let k = 0; k < K; k++) {
      const m = cnt[k]!;
      n[o + k] = m;
      value[o + k] = m === 0 ? NaN : prep.columns[k]!.statistic === 'count' ? m : sum[k]! / m;
    }
  }
  const qcols = sorted?.columns ?? quantileColumns(prep);
  if (qcols.length === 0) return { value, n };
  if (counts !== undefined) {
    if (sorted === undefined) throw new TypeError('sorted is required with counts');
    for (let q = 0; q < qcols.length; q++) {
      const k = qcols[q]!;
      const p = prep.columns[k]!.p;
      for (let u = 0; u < U; u++) {
        const i = u * K + k;
        if (n[i] === 0) continue;
        const from = sorted.start[q * U + u]!;
        const to = sorted.start[q * U + u + 1]!;
        value[i] = quantileSorted(sorted.values, p, counts, sorted.rows, from, to);
      }
    }
    return { value, n };
  }
  // Point estimate: copy the unit's present values and sort natively (faster than building a row order).
  const scratch = new Float64Array(maxUnitRows(prep));
  for (const k of qcols) {
    const p = prep.columns[k]!.p;
    for (let u = 0; u < U; u++) {
      let m = 0;
      for (let r = unitStart[u]!; r < unitStart[u + 1]!; r++)
        if (present[r * K + k]) scratch[m++] = v[r * K + k]!;
      if (m === 0) continue;
      value[u * K + k] = quantileSorted(scratch.subarray(0, m).sort(), p);
    }
  }
  return { value, n };
}

function quantileColumns(prep: PreparedSurvey): Int32Array {
  const out: number[] = [];
  prep.columns.forEach((c, k) => {
    if (c.statistic === 'median' || c.statistic === 'percentile') out.push(k);
  });
  return Int32Array.from(out);
}

function maxUnitRows(prep: PreparedSurvey): number {
  let max = 0;
  for (let u = 0; u < prep.units.length; u++)
    max = Math.max(max, prep.unitStart[u + 1]! - prep.unitStart[u]!);
  return max;
}
