// Per-edition extremes for pooled benchmarks, with COINr's global-normalisation semantics (Normalise(purse,
// global = TRUE) pools each coin's treated data set): an edition's values are taken after denomination,
// imputation, screening and treatment run on that edition alone (its own group means, its own skew and kurtosis),
// over the units it keeps (screened and suppressed units are NaN and drop out).
//
// Each earlier edition is prepared once per methodology and table object (a WeakMap, as the methodology hash in
// prepare.ts), so re-weighting, Monte Carlo and bootstrap runs that reuse one history pay for it once. Tables and
// methodologies are treated as immutable.

import { blockFrame } from './block-frame.js';
import { extent } from './column.js';
import type { Block, Methodology } from './methodology/types.js';
import { treatBlock } from './treat-block.js';
import type { DataTable } from './types.js';

/** Indicator code → [min, max] of the treated values of one edition's block (NaN, NaN when none). */
export type EditionExtremes = Map<string, [number, number]>;

const cache = new WeakMap<Methodology, WeakMap<DataTable, Map<string, EditionExtremes>>>();

/** editionExtremes(m, block, table) — extremes of every indicator `table` has, for the block's units. */
export function editionExtremes(m: Methodology, block: Block, table: DataTable): EditionExtremes {
  let byTable = cache.get(m);
  if (!byTable) cache.set(m, (byTable = new WeakMap()));
  let byBlock = byTable.get(table);
  if (!byBlock) byTable.set(table, (byBlock = new Map()));
  let out = byBlock.get(block.code);
  if (!out) {
    const frame = blockFrame(m, block, table, true);
    const steps = treatBlock(m, frame, table);
    out = new Map(frame.leaves.map((ind, k) => [ind.code, extent(steps.treated[k]!)]));
    byBlock.set(block.code, out);
  }
  return out;
}
