// The hot loop of prepareSurvey: every kept observation's answers → its row of contributions. It is a function of
// its own, over flat typed tables, so V8 optimises it once and keeps it: inlined in prepareSurvey, the loop ran
// partly unoptimised and deoptimised on every call ("wrong map"), which cost more than the reading itself.
//
// The common answer, a finite number, never leaves the loop: mean and quantiles take it as is, count takes 1, and
// a share looks a small non-negative integer up in the column's 256-byte slice of `small` (codes on rating scales
// and option lists). Anything else (strings, multi-select arrays, large or fractional codes, non-finite numbers,
// inherited keys) goes through readAnswer and encodeAnswer, which validate it and name it on error.

import { readAnswer } from './answer.js';
import { encodeAnswer, type SurveyColumn } from './columns.js';
import { compileFilter, type FilterTest } from './filter.js';
import type { AnswerValue, Observation } from './types.js';

const MEAN = 0; // mean, median, percentile: the answer itself
const COUNT = 1;
const SHARE = 2;

export interface EncodedRows {
  /** rows × columns, row-major; 0 where not present. */
  value: Float64Array;
  present: Uint8Array;
  /** units × columns: Σ value and the number of present rows. */
  sum: Float64Array;
  count: Int32Array;
}

/**
 * encodeRows(observations, rowOf, statOf, columns, out) writes observation i into row rowOf[i] (skipped when
 * negative) of out.value and out.present, and adds it to out.sum and out.count at offset statOf[i] (its unit × K).
 * Filters shared by several columns are evaluated once per row.
 */
export function encodeRows(
  observations: readonly Observation[],
  rowOf: Int32Array,
  statOf: Int32Array,
  columns: readonly SurveyColumn[],
  out: EncodedRows,
): void {
  const K = columns.length;
  const items = columns.map((c) => c.item);
  const kind = new Uint8Array(K);
  const small = new Uint8Array(K * 256);
  columns.forEach((c, k) => {
    kind[k] = c.numbers !== null ? SHARE : c.statistic === 'count' ? COUNT : MEAN;
    for (const x of c.numbers ?? []) if (Number.isInteger(x) && x >= 0 && x < 256) small[k * 256 + x] = 1;
  });
  const filterKeys = new Map<string, number>();
  const filterItems: string[] = [];
  const tests: FilterTest[] = [];
  const filterOf = new Int32Array(K).fill(-1);
  columns.forEach((col, k) => {
    if (col.filter === null) return;
    const key = JSON.stringify([col.filter.item, col.filter.op, col.filter.value]);
    let f = filterKeys.get(key);
    if (f === undefined) {
      f = tests.length;
      filterKeys.set(key, f);
      filterItems.push(col.filter.item);
      tests.push(compileFilter(col.filter));
    }
    filterOf[k] = f;
  });
  const F = tests.length;
  const pass = new Uint8Array(F);
  const { value, present, sum, count } = out;

  for (let i = 0; i < observations.length; i++) {
    const row = rowOf[i]!;
    if (row < 0) continue;
    const obs = observations[i]!;
    const answers = obs.answers;
    for (let f = 0; f < F; f++) pass[f] = tests[f]!(filterAnswer(obs, filterItems[f]!, i)) ? 1 : 0;
    const base = row * K;
    const stat = statOf[i]!;
    for (let k = 0; k < K; k++) {
      const f = filterOf[k]!;
      if (f >= 0 && pass[f] === 0) continue;
      const a = answers[items[k]!];
      if (a === undefined || a === null) continue;
      let x: number;
      if (typeof a === 'number' && a - a === 0) {
        const kd = kind[k]!;
        if (kd === MEAN) x = a;
        else if (kd === COUNT) x = 1;
        else if ((a | 0) === a && a >= 0 && a < 256) x = small[k * 256 + a]!;
        else x = columns[k]!.numbers!.has(a) ? 1 : 0;
      } else {
        x = encodeOther(answers, columns[k]!, i);
        if (x !== x) continue; // NaN: an inherited key, not an answer
      }
      value[base + k] = x;
      present[base + k] = 1;
      sum[stat + k]! += x;
      count[stat + k]!++;
    }
  }
}

// Validates an answer that is not a finite number and encodes it; NaN when it is no answer at all. encodeAnswer
// never gives NaN (shares give 0/1, count 1, and other statistics throw on a non-finite number).
function encodeOther(answers: Observation['answers'], col: SurveyColumn, i: number): number {
  const a = readAnswer(answers, col.item, `observations[${i}].answers`);
  if (a === null) return NaN;
  return encodeAnswer(col, a, () => `observations[${i}].answers.${col.item}`);
}

// The filter item is looked up in the firm's profile first, then in its answers to this unit.
function filterAnswer(obs: Observation, item: string, i: number): AnswerValue {
  if (obs.profile != null && Object.hasOwn(obs.profile, item)) {
    return readAnswer(obs.profile, item, `observations[${i}].profile`);
  }
  return readAnswer(obs.answers, item, `observations[${i}].answers`);
}
