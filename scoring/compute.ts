import type { Methodology } from './methodology/types.js';
import { prepare } from './prepare.js';
import { reweight } from './reweight.js';
import type { ComputeOptions, DataTable, IndexResult } from './types.js';

/** Full computation: prepare (suppression → normalisation) then reweight (aggregation, ranks, tiers). */
export function computeIndex(m: Methodology, table: DataTable, options: ComputeOptions = {}): IndexResult {
  return reweight(prepare(m, table, options));
}
