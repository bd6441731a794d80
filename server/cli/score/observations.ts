// The seam for scoring survey responses: observations (one firm's ratings of one unit) → indicator table →
// computeIndex. The database path (responses of an edition → observations) plugs in here; see README.md.

import { computeIndex } from '#scoring/compute.js';
import { surveyIndicators } from '#scoring/indicators/index.js';
import type { IndicatorOptions, IndicatorTable, Observation } from '#scoring/indicators/types.js';
import type { Methodology } from '#scoring/methodology/types.js';
import type { ComputeOptions, IndexResult } from '#scoring/types.js';

export interface ObservationScore {
  table: IndicatorTable;
  result: IndexResult;
}

/** scoreObservations(observations, methodology, options?) — compute options (history, benchmarks) under `compute`. */
export function scoreObservations(
  observations: readonly Observation[],
  m: Methodology,
  options: IndicatorOptions & { compute?: ComputeOptions } = {},
): ObservationScore {
  const table = surveyIndicators(observations, m, options);
  const result = computeIndex(m, table, { edition: options.edition, ...options.compute });
  return { table, result };
}
