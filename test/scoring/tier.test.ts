import { expect } from 'chai';
import type { TierRule } from '#scoring/methodology/types.js';
import { tier } from '#scoring/tier.js';

const labels = ['A', 'B', 'C'].map((en) => ({ vi: en.toLowerCase(), en }));

describe('tier', () => {
  it('tier(scores, fixed) puts a score equal to a cut-off in the better tier', () => {
    const rule: TierRule = { method: 'fixed', cutoffs: [60, 50], labels };
    expect(tier([60, 59.9, 50, 10], rule).tiers.map((t) => t!.label.en)).to.deep.equal(['A', 'B', 'B', 'C']);
  });
  it('tier(scores, quantile) cuts at R type-7 quantiles of the scores', () => {
    const r = tier([1, 2, 3, 4, 5], { method: 'quantile', probabilities: [0.8, 0.4], labels });
    expect(r.cutoffs).to.deep.equal([4.2, 2.6]);
    expect(r.tiers.map((t) => t!.index)).to.deep.equal([2, 2, 1, 1, 0]);
  });
  it('tier(scores, meansd) cuts at mean + k·sd with the sample sd', () => {
    const r = tier([2, 4, 6], { method: 'meansd', k: [1, -1], labels });
    expect(r.cutoffs).to.deep.equal([6, 2]);
  });
  it('tier(scores, rule) gives missing scores no tier', () => {
    expect(tier([null, 70], { method: 'fixed', cutoffs: [60, 50], labels }).tiers[0]).to.equal(null);
  });
  it('tier(all missing, quantile) returns no cut-offs and no tiers', () => {
    const r = tier([null, null], { method: 'quantile', probabilities: [0.5], labels: labels.slice(0, 2) });
    expect(r).to.deep.equal({ tiers: [null, null], cutoffs: [] });
  });
});
