import { expect } from 'chai';
import type { Ranking, RankingRow } from '#api/releases.js';
import { whatIf } from '#client/src/public/what-if.js';

const row = (
  code: string,
  rank: number | null,
  composite: number | null,
  a: number,
  b: number,
): RankingRow => ({
  rank,
  unit: { code, name: { vi: code, en: code } },
  composite,
  reason: null,
  tier: null,
  scores: { a, b },
  ranks: {},
  reasons: {},
  n: null,
  interval: null,
  rankRange: null,
  change: null,
  subIndices: {},
});

const name = { vi: 'x', en: 'x' };
const ranking = {
  components: [
    { code: 'a', name, weight: 1 },
    { code: 'b', name, weight: 1 },
  ],
  tiers: [],
  // u1 is strong on a, u2 on b; with equal weights u1 leads (a 8 + b 5 > a 4 + b 7).
  rows: [row('u1', 1, 65, 8, 5), row('u2', 2, 55, 4, 7), row('u3', null, null, 1, 1)],
} as unknown as Ranking;

describe('whatIf', () => {
  it('whatIf(ranking, official weights) reproduces the official composites through the fitted ×10 scale', () => {
    const r = whatIf(ranking, {});
    expect(r.scale).to.equal('fitted');
    expect(r.units.get('u1')).to.deep.include({ composite: 65, rank: 1, shift: 0 });
    expect(r.units.get('u2')).to.deep.include({ composite: 55, rank: 2, shift: 0 });
  });

  it('whatIf(ranking, weights) re-ranks: weight on b alone puts u2 first', () => {
    const r = whatIf(ranking, { a: 0, b: 1 });
    expect(r.units.get('u2')).to.deep.include({ composite: 70, rank: 1, shift: 1 });
    expect(r.units.get('u1')).to.deep.include({ composite: 50, rank: 2, shift: -1 });
  });

  it('whatIf(ranking, weights) leaves a unit without an official composite unscored', () => {
    expect(whatIf(ranking, { a: 2 }).units.get('u3')).to.deep.equal({
      composite: null,
      rank: null,
      tier: null,
      shift: null,
    });
  });

  it('whatIf(ranking, weights, methodology) uses its scale and tier rule', () => {
    const r = whatIf(
      ranking,
      { a: 1, b: 0 },
      {
        scale: { from: [0, 10], to: [0, 100] },
        tiers: { method: 'fixed', cutoffs: [60], labels: [name, name] },
        tree: { type: 'index', code: 'c', name, weight: 1, aggregator: 'arithmetic', children: [] },
      },
    );
    expect(r.scale).to.equal('methodology');
    expect(r.units.get('u1')).to.deep.include({ composite: 80, tier: 0 });
    expect(r.units.get('u2')).to.deep.include({ composite: 40, tier: 1 });
  });
});
