// Numbers-only form of prepare() for the bootstrap, which prepares a fresh table per resample: the same per-block
// steps (prepare-block.ts, shared with prepare()) without the methodology hash, the per-indicator ranks and the
// NodeResult objects that only the published result needs. test/scoring/prepare-scores.test.ts checks that
// scoreArrays(prepareScores(…)) equals computeIndex.

import type { FlatTree } from './flatten.js';
import type { Methodology } from './methodology/types.js';
import { blockFrames, type BlockFrame } from './block-frame.js';
import { prepareBlock } from './prepare-block.js';
import type { ComputeOptions, DataTable } from './types.js';

export interface ScoredBlock {
  block: { code: string };
  tree: FlatTree;
  units: string[];
  /** Normalised scores by flat-node position (indicators only). */
  scores: Float64Array[];
}

export interface PreparedScores {
  methodology: Methodology;
  blocks: ScoredBlock[];
}

/**
 * prepareScores(m, table, options?, reuse?) — what scoreArrays needs from prepare(), and nothing else. For many
 * tables with the same units, respondents and n (the bootstrap's resamples), `reuse.frames` (blockFrames(m, t))
 * works out suppression and denominators once, and `reuse.nanIsMissing` accepts Float64Array columns with NaN
 * for missing values.
 */
export function prepareScores(
  m: Methodology,
  table: DataTable,
  options: ComputeOptions = {},
  reuse: { frames?: readonly BlockFrame[]; nanIsMissing?: boolean } = {},
): PreparedScores {
  const edition = options.edition ?? table.edition ?? null;
  const frames = reuse.frames ?? blockFrames(m, table);
  const blocks = frames.map((frame): ScoredBlock => {
    const { scores } = prepareBlock(m, frame, table, edition, options, reuse.nanIsMissing);
    const byPosition: Float64Array[] = [];
    frame.tree.indicators.forEach((at, k) => (byPosition[at] = scores[k]!));
    return { block: frame.block, tree: frame.tree, units: frame.units, scores: byPosition };
  });
  return { methodology: m, blocks };
}
