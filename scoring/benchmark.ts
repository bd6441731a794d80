import { extent } from './column.js';
import {
  BENCHMARKED_METHODS,
  type Block,
  type IndicatorNode,
  type Methodology,
} from './methodology/types.js';
import { editionExtremes } from './pool.js';
import type { BenchmarkUsed, ComputeOptions } from './types.js';

/**
 * Resolves an indicator's benchmark for one block: a replayed value from options.benchmarks wins; `fixed` uses the
 * supplied min and max; `current` takes the extremes of `current` (the treated column of this edition);
 * `pooled` takes the extremes over the listed editions, each edition's values after denomination, imputation,
 * screening and treatment over the units it keeps (pool.ts; COINr's global normalisation), the current edition
 * through `current`, the others from options.history. The per-edition extremes are recorded in `pool`.
 * Returns undefined for normalisers without a benchmark.
 */
export function resolveBenchmark(
  m: Methodology,
  indicator: IndicatorNode,
  block: Block,
  current: Float64Array,
  edition: number | null,
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
  const pool: NonNullable<BenchmarkUsed['pool']> = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of wanted) {
    let range: [number, number] | undefined;
    if (e === edition) range = extent(current);
    else {
      const t = options.history?.find((t) => (t.edition ?? null) === e);
      range = t ? editionExtremes(m, block, t).get(indicator.code) : undefined;
    }
    if (!range || range[0] !== range[0]) continue;
    pool.push({ edition: e, min: range[0], max: range[1] });
    lo = Math.min(lo, range[0]);
    hi = Math.max(hi, range[1]);
  }
  return {
    kind: 'pooled',
    min: finite(lo),
    max: finite(hi),
    editions: pool.map((p) => p.edition),
    missingEditions: wanted.filter((e) => !pool.some((p) => p.edition === e)),
    pool,
  };
}

const finite = (v: number) => (Number.isFinite(v) ? v : null);
