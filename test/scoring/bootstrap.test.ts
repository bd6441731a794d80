import { expect } from 'chai';
import { bootstrap } from '#scoring/bootstrap.js';
import type { Observation } from '#scoring/indicators/types.js';
import { indicator, surveyEdition } from './indicators/fixture.js';

describe('bootstrap', () => {
  const { methodology, observations } = surveyEdition();

  it('bootstrap(obs, m, {seed}) gives identical results for the same seed', () => {
    const a = bootstrap(observations, methodology, { resamples: 30, seed: 9 });
    const b = bootstrap(observations, methodology, { resamples: 30, seed: 9 });
    expect(a.blocks).to.deep.equal(b.blocks);
  });

  it('bootstrap(obs, m, {seed}) gives different intervals for different seeds', () => {
    const a = bootstrap(observations, methodology, { resamples: 30, seed: 1 });
    const b = bootstrap(observations, methodology, { resamples: 30, seed: 2 });
    expect(a.blocks.all!.nodes.INDEX!.lower).to.not.deep.equal(b.blocks.all!.nodes.INDEX!.lower);
  });

  it('bootstrap(obs, m) gives composite and sub-index intervals that contain the point estimate', () => {
    const { nodes } = bootstrap(observations, methodology, { resamples: 200, seed: 3 }).blocks.all!;
    for (const code of ['INDEX', 'TRANS', 'TIME']) {
      const { estimate, lower, upper } = nodes[code]!;
      estimate.forEach((x, u) => {
        expect(lower[u]!).to.be.at.most(x!);
        expect(upper[u]!).to.be.at.least(x!);
        expect(upper[u]!).to.be.above(lower[u]!);
      });
    }
  });

  it('bootstrap(obs, m) gives indicator intervals that contain the point estimate', () => {
    const { indicators } = bootstrap(observations, methodology, { resamples: 200, seed: 3 }).blocks.all!;
    for (const code of ['T_SHARE', 'T_MEAN', 'D_MED', 'D_P90']) {
      const { estimate, lower, upper } = indicators[code]!;
      estimate.forEach((x, u) =>
        expect(x! >= lower[u]! && x! <= upper[u]!).to.equal(true, `${code} unit ${u}`),
      );
    }
  });

  it('bootstrap(obs, m) gives rank ranges that bracket the rank', () => {
    const { rank, rankLower, rankUpper } = bootstrap(observations, methodology, { resamples: 200, seed: 4 })
      .blocks.all!.nodes.INDEX!;
    rank.forEach((r, u) => expect(r! >= rankLower[u]! && r! <= rankUpper[u]!).to.equal(true, `unit ${u}`));
  });

  it('bootstrap(obs, m) gives a unit far ahead of the others the rank range [1, 1]', () => {
    const best = observations.map((o) => (o.unit === 'U3' ? { ...o, answers: { T1: 5, T2: 5, D1: 1 } } : o));
    const { rank, rankLower, rankUpper } = bootstrap(best, methodology, { resamples: 100, seed: 2 }).blocks
      .all!.nodes.INDEX!;
    expect([rank[2], rankLower[2], rankUpper[2]]).to.deep.equal([1, 1, 1]);
    expect(rankUpper.filter((r, u) => u !== 2).every((r) => r! > 1)).to.equal(true);
  });

  it('bootstrap(obs, m) gives a zero-width interval when every firm of a unit answers alike', () => {
    const m = {
      ...methodology,
      tree: {
        ...methodology.tree,
        children: [indicator('MEAN', { kind: 'survey', item: 'R', statistic: 'mean' })],
      },
    };
    const obs: Observation[] = [
      ...Array.from({ length: 10 }, () => ({ unit: 'A', answers: { R: 4 } })),
      ...Array.from({ length: 10 }, (_, i) => ({ unit: 'B', answers: { R: 1 + (i % 5) } })),
    ];
    const { MEAN } = bootstrap(obs, m, { resamples: 50, seed: 1 }).blocks.all!.indicators;
    expect([MEAN!.lower[0], MEAN!.upper[0]]).to.deep.equal([4, 4]);
    expect(MEAN!.upper[1]! - MEAN!.lower[1]!).to.be.above(0);
  });

  it('bootstrap(obs, m, {minRespondents}) keeps a suppressed indicator null in the interval', () => {
    const small = [
      ...observations.filter((o) => o.unit !== 'U1'),
      ...observations.filter((o) => o.unit === 'U1').slice(0, 5),
    ];
    const { indicators } = bootstrap(small, methodology, { resamples: 20, seed: 1, minRespondents: 10 })
      .blocks.all!;
    const u1 = 0;
    expect([
      indicators.T_MEAN!.estimate[u1],
      indicators.T_MEAN!.lower[u1],
      indicators.T_MEAN!.upper[u1],
    ]).to.deep.equal([null, null, null]);
  });

  it('bootstrap(obs, m, {hard}) does not resample hard data: its interval is the value', () => {
    const m = {
      ...methodology,
      tree: {
        ...methodology.tree,
        children: [...methodology.tree.children, indicator('WEB', { kind: 'hard', series: 'web' })],
      },
    };
    const hard = { web: Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6'].map((u, i) => [u, 20 + i])) };
    const { WEB } = bootstrap(observations, m, { resamples: 20, seed: 1, hard }).blocks.all!.indicators;
    expect(WEB!.lower).to.deep.equal(WEB!.estimate);
    expect(WEB!.upper).to.deep.equal([20, 21, 22, 23, 24, 25]);
  });

  it('bootstrap(obs, m, {onProgress}) reports every resample', () => {
    const seen: number[] = [];
    bootstrap(observations, methodology, { resamples: 5, seed: 1, onProgress: (done) => seen.push(done) });
    expect(seen).to.deep.equal([1, 2, 3, 4, 5]);
  });

  it('bootstrap(obs, m, {resamples: 0}) throws a RangeError', () => {
    expect(() => bootstrap(observations, methodology, { resamples: 0 })).to.throw(RangeError, 'resamples');
  });

  it('bootstrap(obs, m, {interval: [97.5, 2.5]}) throws a RangeError naming interval', () => {
    expect(() => bootstrap(observations, methodology, { interval: [97.5, 2.5] })).to.throw(
      RangeError,
      'interval',
    );
  });
});
