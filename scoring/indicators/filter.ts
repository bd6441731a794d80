// Sub-population filters ("firms registered after the Enterprise Law"). A row whose filter item is missing is
// outside the sub-population: membership cannot be established.
//
// Comparison rules: "=", "!=" and "in" compare String(value), so 4 and "4" match (answer codes arrive as either).
// "<", "<=", ">", ">=" compare numbers numerically and strings lexicographically (ISO dates order correctly);
// a number against a string is not comparable and the row is outside. A multi-select answer (string[]) is "="
// when it contains the value, "in" when it contains any listed value, and never ordered.

import type { SourceFilter } from '#scoring/methodology/types.js';
import type { AnswerValue } from './types.js';

export type FilterTest = (answer: AnswerValue) => boolean;

const OPS = new Set(['=', '!=', '<', '<=', '>', '>=', 'in']);

/** compileFilter(filter) returns a membership test for one answer of filter.item. */
export function compileFilter(filter: SourceFilter): FilterTest {
  if (filter == null || typeof filter !== 'object') throw new TypeError('filter is not an object');
  if (typeof filter.item !== 'string' || filter.item === '')
    throw new TypeError('filter.item is not a string');
  if (!OPS.has(filter.op)) throw new TypeError(`filter.op is not one of ${[...OPS].join(' ')}`);
  const { op, value } = filter;
  if (op === 'in') {
    if (!Array.isArray(value)) throw new TypeError('filter.value is not an array (op "in")');
    const set = new Set(value.map(String));
    return (a) => (a === null ? false : Array.isArray(a) ? a.some((v) => set.has(v)) : set.has(String(a)));
  }
  if (Array.isArray(value) || (typeof value !== 'number' && typeof value !== 'string')) {
    throw new TypeError(`filter.value is not a number or string (op "${op}")`);
  }
  const key = String(value);
  if (op === '=') return (a) => (a === null ? false : Array.isArray(a) ? a.includes(key) : String(a) === key);
  if (op === '!=')
    return (a) => (a === null ? false : Array.isArray(a) ? !a.includes(key) : String(a) !== key);
  const sign = op === '<' || op === '<=' ? -1 : 1;
  const strict = op === '<' || op === '>';
  return (a) => {
    if (a === null || Array.isArray(a) || typeof a !== typeof value) return false;
    if (typeof a === 'number' && !Number.isFinite(a)) return false;
    const c = a < value ? -1 : a > value ? 1 : 0;
    return strict ? c === sign : c === sign || c === 0;
  };
}
