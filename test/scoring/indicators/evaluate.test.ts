import { expect } from 'chai';
import { evaluateSurvey } from '#scoring/indicators/evaluate.js';
import { prepareSurvey } from '#scoring/indicators/prepare.js';
import type { Observation } from '#scoring/indicators/types.js';
import { indicator, methodologyOf } from './fixture.js';

describe('evaluateSurvey', () => {
  it('evaluateSurvey(prepared) gives the median of an even count as the mean of the two middle values', () => {
    const obs: Observation[] = [45, 10, 30, 20].map((d) => ({ unit: 'A', answers: { D: d } }));
    const m = methodologyOf(indicator('MED', { kind: 'survey', item: 'D', statistic: 'median' }));
    expect(evaluateSurvey(prepareSurvey(obs, m)).value[0]).to.equal(25);
  });

  it('evaluateSurvey(prepared) interpolates a percentile as R type 7', () => {
    // h = (5 − 1)·0.9 = 3.6 → 40 + 0.6·(100 − 40) = 76; R: quantile(c(10, 20, 30, 40, 100), 0.9) = 76
    const obs: Observation[] = [100, 10, 40, 20, 30].map((d) => ({ unit: 'A', answers: { D: d } }));
    const m = methodologyOf(indicator('P90', { kind: 'survey', item: 'D', statistic: 'percentile', p: 90 }));
    expect(evaluateSurvey(prepareSurvey(obs, m)).value[0]).to.be.closeTo(76, 1e-12);
  });

  it('evaluateSurvey(prepared) gives NaN and n 0 for a unit without answers', () => {
    const obs: Observation[] = [{ unit: 'A', answers: { D: null } }];
    const m = methodologyOf(indicator('MEAN', { kind: 'survey', item: 'D', statistic: 'mean' }));
    const e = evaluateSurvey(prepareSurvey(obs, m));
    expect(e.n[0]).to.equal(0);
    expect(Number.isNaN(e.value[0])).to.equal(true);
  });
});
