import { expect } from 'chai';
import { surveyIndicators, type Observation } from '#scoring/indicators/index.js';
import { indicator, methodologyOf } from './fixture.js';

// 27 firms rate unit A: 18 registered in 2000 or later (the sub-population), one of them waited > 3 months
// (category "gt3"), as in domain.md §2.1 (1/18 = 5.56 %); one older firm also waited > 3 months, so the full
// sample gives 2/27.
function registrationFirms(): Observation[] {
  const out: Observation[] = [];
  for (let i = 0; i < 27; i++) {
    const recent = i < 18;
    const wait = i === 0 || i === 20 ? 'gt3' : 'le3';
    out.push({ unit: 'A', answers: { W: wait }, profile: { REG: recent ? 2000 + i : 1990 } });
  }
  return out;
}

describe('surveyIndicators', () => {
  it('surveyIndicators(obs, m) gives share 1/18 within a filtered sub-population', () => {
    const m = methodologyOf(
      indicator('W3', {
        kind: 'survey',
        item: 'W',
        statistic: 'share',
        categories: ['gt3'],
        filter: { item: 'REG', op: '>=', value: 2000 },
      }),
    );
    const t = surveyIndicators(registrationFirms(), m);
    expect(t.values.W3![0]).to.be.closeTo(1 / 18, 1e-15);
    expect(t.n.W3![0]).to.equal(18);
  });

  it('surveyIndicators(obs, m) looks a filter item up in the answers when the profile lacks it', () => {
    const obs: Observation[] = [
      { unit: 'A', answers: { USED: 'yes', SAT: 5 } },
      { unit: 'A', answers: { USED: 'no', SAT: 1 } },
      { unit: 'A', answers: { USED: 'yes', SAT: 3 }, profile: { USED: 'no' } },
    ];
    const m = methodologyOf(
      indicator('SAT', {
        kind: 'survey',
        item: 'SAT',
        statistic: 'mean',
        filter: { item: 'USED', op: '=', value: 'yes' },
      }),
    );
    // Row 3's profile says "no", which takes precedence over its answer.
    expect(surveyIndicators(obs, m).values.SAT).to.deep.equal([5]);
  });

  it('surveyIndicators(obs, m, {excludeFlagged: "all"}) throws a TypeError naming the option', () => {
    const m = methodologyOf(indicator('N', { kind: 'survey', item: 'R', statistic: 'count' }));
    expect(() => surveyIndicators([], m, { excludeFlagged: 'all' as unknown as boolean })).to.throw(
      TypeError,
      'options.excludeFlagged',
    );
  });

  it('surveyIndicators(obs, m) gives the full-sample share without a filter', () => {
    const m = methodologyOf(
      indicator('W3', { kind: 'survey', item: 'W', statistic: 'share', categories: ['gt3'] }),
    );
    expect(surveyIndicators(registrationFirms(), m).values.W3![0]).to.be.closeTo(2 / 27, 1e-15);
  });

  it('surveyIndicators(obs, m) leaves missing answers out of the share denominator', () => {
    const obs: Observation[] = [4, 5, null, 2, null, 5].map((x) => ({ unit: 'A', answers: { Q: x } }));
    const m = methodologyOf(
      indicator('Q45', { kind: 'survey', item: 'Q', statistic: 'share', categories: [4, 5] }),
    );
    const t = surveyIndicators(obs, m);
    expect(t.values.Q45![0]).to.equal(3 / 4);
    expect(t.n.Q45![0]).to.equal(4);
  });

  it('surveyIndicators(obs, m) counts a multi-select answer as a success when it contains a category', () => {
    const obs: Observation[] = [['a'], ['b', 'c'], [], ['c']].map((x) => ({ unit: 'A', answers: { M: x } }));
    const m = methodologyOf(
      indicator('MC', { kind: 'survey', item: 'M', statistic: 'share', categories: ['c'] }),
    );
    expect(surveyIndicators(obs, m).values.MC![0]).to.equal(2 / 4);
  });

  it('surveyIndicators(obs, m) computes mean, median, percentile and count per unit', () => {
    const obs: Observation[] = [
      ...[1, 2, 3, 6].map((x) => ({ unit: 'A', answers: { R: x } })),
      ...[5, null, 4].map((x) => ({ unit: 'B', answers: { R: x } })),
    ];
    const m = methodologyOf(
      indicator('MEAN', { kind: 'survey', item: 'R', statistic: 'mean' }),
      indicator('MED', { kind: 'survey', item: 'R', statistic: 'median' }),
      indicator('P90', { kind: 'survey', item: 'R', statistic: 'percentile', p: 90 }),
      indicator('N', { kind: 'survey', item: 'R', statistic: 'count' }),
    );
    const t = surveyIndicators(obs, m);
    expect(t.units.map((u) => u.code)).to.deep.equal(['A', 'B']);
    expect(t.values.MEAN).to.deep.equal([3, 4.5]);
    expect(t.values.MED).to.deep.equal([2.5, 4.5]);
    // A: h = 3·0.9 = 2.7 → 3 + 0.7·3 = 5.1; B: h = 0.9 → 4 + 0.9·1 = 4.9
    expect(t.values.P90![0]).to.be.closeTo(5.1, 1e-12);
    expect(t.values.P90![1]).to.be.closeTo(4.9, 1e-12);
    expect(t.values.N).to.deep.equal([4, 2]);
  });

  it('surveyIndicators(obs, m, {minRespondents}) suppresses a value below the minimum and keeps n', () => {
    const obs: Observation[] = [
      ...[1, 2, 3].map((x) => ({ unit: 'A', answers: { R: x } })),
      ...[5, 4].map((x) => ({ unit: 'B', answers: { R: x } })),
    ];
    const m = methodologyOf(indicator('MEAN', { kind: 'survey', item: 'R', statistic: 'mean' }));
    const t = surveyIndicators(obs, m, { minRespondents: 3 });
    expect(t.values.MEAN).to.deep.equal([2, null]);
    expect(t.n.MEAN).to.deep.equal([3, 2]);
    expect(t.reasons.MEAN).to.deep.equal([null, 'too_few_respondents']);
  });

  it("surveyIndicators(obs, m) lets an indicator's minRespondents override the default", () => {
    const obs: Observation[] = [1, 2, 3].map((x) => ({ unit: 'A', answers: { R: x } }));
    const m = methodologyOf(
      indicator('MEAN', { kind: 'survey', item: 'R', statistic: 'mean' }, { minRespondents: 4 }),
    );
    expect(surveyIndicators(obs, m, { minRespondents: 1 }).reasons.MEAN).to.deep.equal([
      'too_few_respondents',
    ]);
  });

  it('surveyIndicators(obs, m, {units}) reports a unit without observations as too_few_respondents with n 0', () => {
    const obs: Observation[] = [{ unit: 'A', answers: { R: 3 } }];
    const m = methodologyOf(indicator('MEAN', { kind: 'survey', item: 'R', statistic: 'mean' }));
    const t = surveyIndicators(obs, m, {
      units: [
        { code: 'A', block: 'all' },
        { code: 'Z', block: 'all' },
      ],
    });
    expect(t.values.MEAN).to.deep.equal([3, null]);
    expect(t.n.MEAN).to.deep.equal([1, 0]);
    expect(t.units.map((u) => u.respondents)).to.deep.equal([1, 0]);
  });

  it('surveyIndicators(obs, m, {excludeFlagged: true}) drops flagged observations', () => {
    const obs: Observation[] = [
      { unit: 'A', answers: { R: 1 } },
      { unit: 'A', answers: { R: 5 }, flags: ['speeder'] },
      { unit: 'A', answers: { R: 3 }, flags: [] },
    ];
    const m = methodologyOf(indicator('MEAN', { kind: 'survey', item: 'R', statistic: 'mean' }));
    expect(surveyIndicators(obs, m).values.MEAN).to.deep.equal([3]);
    const t = surveyIndicators(obs, m, { excludeFlagged: true });
    expect(t.values.MEAN).to.deep.equal([2]);
    expect(t.excludedObservations).to.equal(1);
  });

  it('surveyIndicators(obs, m, {excludeFlagged: [flag]}) drops only observations with a listed flag', () => {
    const obs: Observation[] = [
      { unit: 'A', answers: { R: 1 }, flags: ['late'] },
      { unit: 'A', answers: { R: 5 }, flags: ['speeder'] },
    ];
    const m = methodologyOf(indicator('MEAN', { kind: 'survey', item: 'R', statistic: 'mean' }));
    expect(surveyIndicators(obs, m, { excludeFlagged: ['speeder'] }).values.MEAN).to.deep.equal([1]);
  });

  it('surveyIndicators(obs, m, {hard}) takes hard indicators from the series, null with a reason when absent', () => {
    const obs: Observation[] = [
      { unit: 'A', answers: {} },
      { unit: 'B', answers: {} },
    ];
    const m = methodologyOf(indicator('WEB', { kind: 'hard', series: 'web_score' }));
    const t = surveyIndicators(obs, m, { hard: { web_score: { A: 31 } } });
    expect(t.values.WEB).to.deep.equal([31, null]);
    expect(t.reasons.WEB).to.deep.equal([null, 'no_hard_value']);
    expect(t.n.WEB).to.equal(undefined);
  });

  it('surveyIndicators(obs, m) orders discovered units by code, not by arrival', () => {
    const obs: Observation[] = ['C', 'A', 'B'].map((unit) => ({ unit, answers: { R: 1 } }));
    const m = methodologyOf(indicator('N', { kind: 'survey', item: 'R', statistic: 'count' }));
    expect(surveyIndicators(obs, m).units.map((u) => u.code)).to.deep.equal(['A', 'B', 'C']);
  });

  it('surveyIndicators(obs, m) takes the block from the observations', () => {
    const obs: Observation[] = [{ unit: 'A', block: 'departments', answers: {} }];
    const m = {
      ...methodologyOf(indicator('N', { kind: 'survey', item: 'R', statistic: 'count' })),
      blocks: [],
    };
    expect(surveyIndicators(obs, m).units[0]!.block).to.equal('departments');
  });

  it('surveyIndicators(obs, m) throws a TypeError naming the answer that is not a number for a mean', () => {
    const obs: Observation[] = [{ unit: 'A', answers: { R: 'three' } }];
    const m = methodologyOf(indicator('MEAN', { kind: 'survey', item: 'R', statistic: 'mean' }));
    expect(() => surveyIndicators(obs, m)).to.throw(
      TypeError,
      'observations[0].answers.R is not a finite number',
    );
  });

  it('surveyIndicators(obs, m) does not read inherited keys such as constructor as answers', () => {
    const obs: Observation[] = [{ unit: 'A', answers: {} }];
    const m = methodologyOf(indicator('N', { kind: 'survey', item: 'constructor', statistic: 'count' }));
    expect(surveyIndicators(obs, m).n.N).to.deep.equal([0]);
  });

  it('surveyIndicators(obs, m, {units}) throws a RangeError for an observation of an unknown unit', () => {
    const obs: Observation[] = [{ unit: 'X', answers: {} }];
    const m = methodologyOf(indicator('N', { kind: 'survey', item: 'R', statistic: 'count' }));
    expect(() => surveyIndicators(obs, m, { units: [{ code: 'A', block: 'all' }] })).to.throw(
      RangeError,
      'observations[0].unit X is not in options.units',
    );
  });

  it('surveyIndicators(obs, m) throws a TypeError naming a share source without categories', () => {
    const m = methodologyOf(indicator('S', { kind: 'survey', item: 'R', statistic: 'share' }));
    expect(() => surveyIndicators([], m)).to.throw(TypeError, 'indicator S: source.categories');
  });
});
