import { expect } from 'chai';
import { evaluateSurvey } from '#scoring/indicators/evaluate.js';
import { prepareSurvey } from '#scoring/indicators/prepare.js';
import { evaluateResample, resampleFrame } from '#scoring/indicators/resample.js';
import type { Observation } from '#scoring/indicators/types.js';
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
  ['A', 4, 30],
  ['B', 1, 7],
  ['B', 3, 7],
  ['B', 5, 90],
  // Unit C: "don't know" is the most frequent answer to D, so the left-out slot is the not-counted one; its
  // durations are not small integers, so its distinct values are sorted rather than tabled.
  ['C', 3, null],
  ['C', 4, 300.5],
  ['C', null, null],
  ['C', 2, 12.25],
  ['C', 5, null],
];
const obs: Observation[] = rows.map(([unit, r, d]) => ({ unit, answers: { R: r, D: d } }));

function expectSame(
  a: { value: Float64Array; n: Int32Array },
  b: { value: Float64Array; n: Int32Array },
): void {
  expect(Array.from(a.n)).to.deep.equal(Array.from(b.n));
  for (let i = 0; i < b.value.length; i++) {
    if (Number.isNaN(b.value[i])) expect(Number.isNaN(a.value[i])).to.equal(true);
    else expect(a.value[i]).to.be.closeTo(b.value[i]!, 1e-12);
  }
}

describe('evaluateResample', () => {
  it('evaluateResample(frame, counts) equals evaluateSurvey on the rows repeated counts times', () => {
    const counts = [2, 0, 1, 3, 1, 0, 2, 1, 1, 2, 0, 3, 1];
    const expanded = obs.flatMap((o, i) => Array.from({ length: counts[i]! }, () => o));
    const weighted = evaluateResample(resampleFrame(prepareSurvey(obs, m)), counts);
    expectSame(weighted, evaluateSurvey(prepareSurvey(expanded, m)));
  });

  it('evaluateResample(frame, ones) equals evaluateSurvey(prepared)', () => {
    const prep = prepareSurvey(obs, m);
    expectSame(evaluateResample(resampleFrame(prep), new Array(obs.length).fill(1)), evaluateSurvey(prep));
  });

  it('evaluateResample(frame, counts) gives NaN and n 0 when the resample holds no answer', () => {
    // Unit A keeps only row 1 (R = 2, D missing): the duration columns have no answer.
    const e = evaluateResample(resampleFrame(prepareSurvey(obs, m)), [0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(e.n[2]).to.equal(0);
    expect(Number.isNaN(e.value[2])).to.equal(true);
    expect(e.value[1]).to.equal(2);
  });
});
