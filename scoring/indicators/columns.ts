// Checks each survey indicator's source spec and encodes answers: what a row contributes is 0/1 for share, 1 for
// count, and the numeric answer for mean, median and percentile. Share categories match by String(code), so an
// answer 4 and a category "4" match (codes arrive as either).

import type { IndicatorNode, SourceFilter, Statistic, SurveySource } from '#scoring/methodology/types.js';
import { compileFilter } from './filter.js';
import type { AnswerValue } from './types.js';

export interface SurveyColumn {
  code: string;
  item: string;
  statistic: Statistic;
  /** Quantile probability in [0, 1] (median 0.5); NaN for other statistics. */
  p: number;
  /** Minimum non-missing answers for a value. */
  min: number;
  filter: SourceFilter | null;
  /** share: success codes; a number answer is looked up in `numbers`, a string in `strings`. */
  numbers: Set<number> | null;
  strings: Set<string> | null;
}

/** surveyColumn(indicator, defaultMin) validates the source of a survey indicator. */
export function surveyColumn(indicator: IndicatorNode, defaultMin: number): SurveyColumn {
  const source = indicator.source as SurveySource;
  const at = `indicator ${indicator.code}: source`;
  if (typeof source.item !== 'string' || source.item === '')
    throw new TypeError(`${at}.item is not a string`);
  const min = indicator.minRespondents ?? defaultMin;
  if (!Number.isInteger(min) || min < 0) {
    throw new RangeError(`indicator ${indicator.code}: minRespondents is not an integer ≥ 0`);
  }
  let p = NaN;
  let numbers: Set<number> | null = null;
  let strings: Set<string> | null = null;
  switch (source.statistic) {
    case 'share': {
      const cats = source.categories;
      if (!Array.isArray(cats) || cats.length === 0)
        throw new TypeError(`${at}.categories is not a non-empty array`);
      strings = new Set(cats.map(String));
      const canonical = strings;
      numbers = new Set(cats.map(Number).filter((x) => Number.isFinite(x) && canonical.has(String(x))));
      break;
    }
    case 'percentile':
      if (typeof source.p !== 'number' || !(source.p >= 0 && source.p <= 100)) {
        throw new RangeError(`${at}.p is not a number in [0, 100]`);
      }
      p = source.p / 100;
      break;
    case 'median':
      p = 0.5;
      break;
    case 'mean':
    case 'count':
      break;
    default:
      throw new TypeError(`${at}.statistic is not one of share mean median percentile count`);
  }
  if (source.filter !== undefined) compileFilter(source.filter); // validates now, names the indicator on error
  return {
    code: indicator.code,
    item: source.item,
    statistic: source.statistic,
    p,
    min,
    filter: source.filter ?? null,
    numbers,
    strings,
  };
}

/**
 * encodeAnswer(column, answer, where) is what a non-null answer contributes: 0/1 for share, 1 for count, the
 * number for mean and quantiles. `where` names the answer in the error for a non-numeric answer to a numeric
 * statistic; it is a function so the hot path never builds the string.
 */
export function encodeAnswer(col: SurveyColumn, a: Exclude<AnswerValue, null>, where: () => string): number {
  if (col.numbers !== null) {
    if (typeof a === 'number') return col.numbers.has(a) ? 1 : 0;
    if (typeof a === 'string') return col.strings!.has(a) ? 1 : 0;
    return a.some((v) => col.strings!.has(v)) ? 1 : 0;
  }
  if (col.statistic === 'count') return 1;
  if (typeof a === 'number' && Number.isFinite(a)) return a;
  throw new TypeError(`${where()} is not a finite number`);
}
