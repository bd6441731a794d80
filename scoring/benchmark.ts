import { extent } from './column.js';
import { indicatorColumn } from './indicator-column.js';
import { BENCHMARKED_METHODS, type IndicatorNode, type Methodology } from './methodology/types.js';
import type { BenchmarkUsed, ComputeOptions, DataTable } from './types.js';

/**
 * Resolves an indicator's benchmark for one block: a replayed value from options.benchmarks wins; `fixed` uses the
 * supplied min and max; `pooled` takes the extremes over the listed editions (values after suppression and
 * denomination, units of the same block; the current table counts if its edition is listed); `current` takes the
 * extremes of `current` (the treated column of this edition). Returns undefined for normalisers without one.
 */
export function resolveBenchmark(
  m: Methodology,
  indicator: IndicatorNode,
  block: string,
  current: Float64Array,
  edition: number | null,
  table: DataTable,
  options: ComputeOptions,
): BenchmarkUsed | undefined {
  if (!BENCHMARKED_METHODS.includes(indicator.normaliser.method)) return undefined;
  const policy = indicator.benchmark ?? { kind: 'current' as const };
  const replay = options.benchmarks?.[indicator.code];
  if (replay) return { kind: policy.kind, min: replay.min, max: replay.max, replayed: true };
  if (policy.kind === 'fixed') return { kind: 'fixed', min: policy.min ?? null, max: policy.max ?? null };
  if (policy.kind === 'current') {
    const [min, max] = extent(current);
    return { kind: 'current', min: finite(min), max: finite(max) };
  }
  const wanted = policy.editions ?? [];
  const tables = [table, ...(options.history ?? [])];
  const used: number[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of wanted) {
    const t = tables.find((t) => (t === table ? edition : (t.edition ?? null)) === e);
    if (!t || !t.values[indicator.code]) continue;
    const rows: number[] = [];
    t.units.forEach((u, i) => u.block === block && rows.push(i));
    const [min, max] = extent(indicatorColumn(m, indicator, t, rows).x);
    if (min === min) {
      used.push(e);
      lo = Math.min(lo, min);
      hi = Math.max(hi, max);
    }
  }
  return {
    kind: 'pooled',
    min: finite(lo),
    max: finite(hi),
    editions: used,
    missingEditions: wanted.filter((e) => !used.includes(e)),
  };
}

const finite = (v: number) => (Number.isFinite(v) ? v : null);
