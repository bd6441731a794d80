// Numbers-only form of prepare() for the bootstrap, which prepares a fresh table per resample: the same per-block
// steps (prepare-block.ts, shared with prepare()) without the methodology hash, the per-indicator ranks and the
// NodeResult objects that only the published result needs. test/scoring/prepare-scores.test.ts checks that
// scoreArrays(prepareScores(…)) equals computeIndex.

import type { FlatTree } from './flatten.js';
import type { Methodology } from './methodology/types.js';
import { blockFrames, prepareBlock, type BlockFrame } from './prepare-block.js';
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
 * prepareScores(m, table, options?, frames?) — what scoreArrays needs from prepare(), and nothing else. `frames`
 * (blockFrames(m, t)) may be passed when preparing many tables with t's units, respondents and n, as the
 * bootstrap's resamples do, so that suppression and denominators are worked out once.
 */
export function prepareScores(
  m: Methodology,
  table: DataTable,
  options: ComputeOptions = {},
  frames: readonly BlockFrame[] = blockFrames(m, table),
): PreparedScores {
  const edition = options.edition ?? table.edition ?? null;
  const blocks = frames.map((frame): ScoredBlock => {
    const { scores } = prepareBlock(m, frame, table, edition, options);
    const byPosition: Float64Array[] = [];
    frame.tree.indicators.forEach((at, k) => (byPosition[at] = scores[k]!));
    return { block: frame.block, tree: frame.tree, units: frame.units, scores: byPosition };
  });
  return { methodology: m, blocks };
}
