import { expect } from 'chai';
import { evaluateSurvey, sortedRows } from '../../../scoring/indicators/evaluate.js';
import { prepareSurvey } from '../../../scoring/indicators/prepare.js';
import type { Observation } from '../../../scoring/indicators/types.js';
import { indicator, methodologyOf } from './fixture.js';

const m = methodologyOf(
  indicator('S', { kind: 'survey', item: 'R', statistic: 'share', categories: [4, 5] }),
  indicator('MEAN', { kind: 'survey', item: 'R', statistic: 'mean' }),
  indicator('MED', { kind: 'survey', item: 'D', statistic: 'median' }),
  indicator('P25', { kind: 'survey', item: 'D', statistic: 'percentile', p: 25 }),
  indicator('N', { kind: 'survey', item: 'D', statistic: 'count' }),
);
const rows: [string, number | null, number | null][] = [
  ['A', 5, 30],
  ['A', 2, null],
  ['A', 4, 10],
  ['A', null, 45],
  ['B', 1, 7],
  ['B', 3, 7],
  ['B', 5, 90],
];
const obs: Observation[] = rows.map(([unit, r, d]) => ({ unit, answers: { R: r, D: d } }));

describe('evaluateSurvey', () => {
  it('evaluateSurvey(prepared, counts, sorted) equals the plain evaluation of the rows repeated counts times', () => {
    const counts = [2, 0, 1, 3, 0, 2, 1];
    const expanded = obs.flatMap((o, i) => Array.from({ length: counts[i]! }, () => o));
    const prep = prepareSurvey(obs, m);
    const weighted = evaluateSurvey(prep, counts, sortedRows(prep));
    const plain = evaluateSurvey(prepareSurvey(expanded, m));
    expect(Array.from(weighted.n)).to.deep.equal(Array.from(plain.n));
    for (let i = 0; i < plain.value.length; i++)
      expect(weighted.value[i]).to.be.closeTo(plain.value[i]!, 1e-12);
  });

  it('evaluateSurvey(prepared, ones, sorted) equals evaluateSurvey(prepared)', () => {
    const prep = prepareSurvey(obs, m);
    const a = evaluateSurvey(prep, new Array(obs.length).fill(1), sortedRows(prep));
    const b = evaluateSurvey(prep);
    expect(Array.from(a.value)).to.deep.equal(Array.from(b.value));
  });

  it('evaluateSurvey(prepared, counts) gives NaN and n 0 when the resample holds no answer', () => {
    const prep = prepareSurvey(obs, m);
    const e = evaluateSurvey(prep, [0, 1, 0, 0, 1, 1, 1], sortedRows(prep));
    // Unit A keeps only row 2 (R = 2, D missing): the duration columns have no answer.
    expect(e.n[2]).to.equal(0);
    expect(Number.isNaN(e.value[2])).to.equal(true);
  });

  it('evaluateSurvey(prepared, counts) without sorted throws a TypeError when there are quantile columns', () => {
    const prep = prepareSurvey(obs, m);
    expect(() => evaluateSurvey(prep, new Array(obs.length).fill(1))).to.throw(
      TypeError,
      'sorted is required',
    );
  });
});
