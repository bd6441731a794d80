// The per-block steps of prepare(), in one place: prepare() adds the published NodeResults on top, and
// prepareScores() (the bootstrap's form) keeps only the score columns. Order: the data steps of treat-block.ts
// (suppression and denomination, imputation, screening, JRC treatment), then benchmark and normalisation.

import { resolveBenchmark } from './benchmark.js';
import type { BlockFrame } from './block-frame.js';
import type { Methodology } from './methodology/types.js';
import { normalise } from './normalise/normalise.js';
import { treatBlock, type TreatedBlock } from './treat-block.js';
import type { BenchmarkUsed, ComputeOptions, DataTable } from './types.js';

export interface BlockSteps extends TreatedBlock {
  benchmarks: (BenchmarkUsed | undefined)[];
  /** Per indicator, the normalised score. */
  scores: Float64Array[];
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
  const steps = treatBlock(m, frame, table, nanIsMissing);
  const benchmarks: (BenchmarkUsed | undefined)[] = [];
  const scores: Float64Array[] = [];
  frame.leaves.forEach((ind, k) => {
    const x = steps.treated[k]!;
    const benchmark = resolveBenchmark(m, ind, frame.block, x, edition, options);
    const usable = benchmark && benchmark.min !== null && benchmark.max !== null;
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
  return { ...steps, benchmarks, scores };
}
