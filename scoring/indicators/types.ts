// Types of the survey → indicator step. The indicator source spec (SurveySource, HardSource) lives with the
// methodology format; the output extends the engine's DataTable so computeIndex consumes it directly.

import type { Cell, DataTable } from '#scoring/types.js';

export type AnswerValue = number | string | string[] | null;

/** One firm's ratings of one unit. `profile` holds the firm's profile answers, used by sub-population filters. */
export interface Observation {
  unit: string;
  block?: string;
  answers: Record<string, AnswerValue>;
  profile?: Record<string, number | string | null>;
  flags?: string[];
}

/** Why a cell is null: fewer non-missing answers than the indicator's minimum, or no hard value for the unit. */
export type IndicatorReason = 'too_few_respondents' | 'no_hard_value';

/** Hard (published) data by series code, then unit code. */
export type HardData = Record<string, Record<string, number | null>>;

export interface IndicatorOptions {
  /** Minimum non-missing answers behind a survey indicator value, unless the indicator sets its own (default 1). */
  minRespondents?: number;
  /**
   * Quality flags: false (default) keeps flagged observations; true drops any observation with a flag; a list
   * drops observations carrying one of the listed flags.
   */
  excludeFlagged?: boolean | readonly string[];
  /** Units to report, in this order, with their blocks. Default: units seen in the observations, sorted. */
  units?: readonly { code: string; block: string }[];
  hard?: HardData;
  edition?: number;
}

/**
 * DataTable plus, per indicator, why each null cell is null. Survey indicators carry `n` (non-missing answers
 * in the sub-population); hard indicators have no `n` column.
 */
export interface IndicatorTable extends DataTable {
  values: Record<string, Cell[]>;
  n: Record<string, Cell[]>;
  reasons: Record<string, (IndicatorReason | null)[]>;
  /** Observations dropped for quality flags. */
  excludedObservations: number;
}
