// Turns each survey indicator's source spec into a per-answer encoder: the number a row contributes, or NaN when
// the row does not count (missing answer, outside the sub-population). share → 0/1, count → 1, mean, median and
// percentile → the numeric answer.

import type { IndicatorNode, Statistic, SurveySource } from '../methodology/types.js';
import { compileFilter, type FilterTest } from './filter.js';
import type { AnswerValue } from './types.js';

export interface SurveyColumn {
  code: string;
  item: string;
  statistic: Statistic;
  /** Quantile probability in [0, 1] (median 0.5); NaN for other statistics. */
  p: number;
  /** Minimum non-missing answers for a value. */
  min: number;
  filterItem: string | null;
  filter: FilterTest | null;
  /** Encodes a non-null answer; NaN = not counted. Throws on a non-numeric answer to a numeric statistic. */
  encode: (answer: Exclude<AnswerValue, null>, where: string) => number;
}

/** surveyColumn(indicator, defaultMin) validates the source and compiles its encoder. */
export function surveyColumn(indicator: IndicatorNode, defaultMin: number): SurveyColumn {
  const source = indicator.source as SurveySource;
  const at = `indicator ${indicator.code}: source`;
  if (typeof source.item !== 'string' || source.item === '')
    throw new TypeError(`${at}.item is not a string`);
  const min = indicator.minRespondents ?? defaultMin;
  if (!Number.isInteger(min) || min < 0)
    throw new RangeError(`indicator ${indicator.code}: minRespondents is not an integer ≥ 0`);
  let p = NaN;
  let encode: SurveyColumn['encode'];
  switch (source.statistic) {
    case 'share': {
      const cats = source.categories;
      if (!Array.isArray(cats) || cats.length === 0)
        throw new TypeError(`${at}.categories is not a non-empty array`);
      const strings = new Set(cats.map(String));
      const numbers = new Set(cats.map(Number).filter((x) => Number.isFinite(x) && strings.has(String(x))));
      encode = (a) =>
        typeof a === 'number'
          ? numbers.has(a)
            ? 1
            : 0
          : typeof a === 'string'
            ? strings.has(a)
              ? 1
              : 0
            : a.some((v) => strings.has(v))
              ? 1
              : 0;
      break;
    }
    case 'count':
      encode = () => 1;
      break;
    case 'percentile':
      if (typeof source.p !== 'number' || !(source.p >= 0 && source.p <= 100)) {
        throw new RangeError(`${at}.p is not a number in [0, 100]`);
      }
      p = source.p / 100;
      encode = numeric;
      break;
    case 'median':
      p = 0.5;
      encode = numeric;
      break;
    case 'mean':
      encode = numeric;
      break;
    default:
      throw new TypeError(`${at}.statistic is not one of share mean median percentile count`);
  }
  return {
    code: indicator.code,
    item: source.item,
    statistic: source.statistic,
    p,
    min,
    filterItem: source.filter ? source.filter.item : null,
    filter: source.filter ? compileFilter(source.filter) : null,
    encode,
  };
}

function numeric(a: Exclude<AnswerValue, null>, where: string): number {
  if (typeof a === 'number' && Number.isFinite(a)) return a;
  throw new TypeError(`${where} is not a finite number`);
}
