// Survey microdata → indicator table. See README.md for the statistics, the missing-data rules and the layout.

import type { Methodology } from '#scoring/methodology/types.js';
import { evaluateSurvey } from './evaluate.js';
import { prepareSurvey } from './prepare.js';
import { indicatorTableOf } from './table.js';
import type { IndicatorOptions, IndicatorTable, Observation } from './types.js';

export type {
  AnswerValue,
  HardData,
  IndicatorOptions,
  IndicatorReason,
  IndicatorTable,
  Observation,
} from './types.js';
export { prepareSurvey, type PreparedSurvey } from './prepare.js';
export { evaluateSurvey, type Evaluation } from './evaluate.js';
export { evaluateResample, resampleFrame, type ResampleFrame } from './resample.js';
export { indicatorTableOf } from './table.js';

/** surveyIndicators(observations, methodology, options?) computes every indicator of the methodology per unit. */
export function surveyIndicators(
  observations: readonly Observation[],
  methodology: Pick<Methodology, 'tree' | 'blocks'>,
  options: IndicatorOptions = {},
): IndicatorTable {
  const prep = prepareSurvey(observations, methodology, options);
  return indicatorTableOf(prep, evaluateSurvey(prep), options.hard, options.edition);
}
