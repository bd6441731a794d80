import { expect } from 'chai';
import { change } from '#scoring/change.js';
import type { BlockResult } from '#scoring/types.js';

function block(units: string[], values: (number | null)[], ranks: (number | null)[]): BlockResult {
  const node = {
    code: 'i',
    name: { vi: 'i', en: 'i' },
    type: 'index' as const,
    parent: null,
    children: [],
    weight: 1,
    effectiveWeight: 1,
    values,
    reasons: values.map(() => null),
    ranks,
  };
  return {
    block: 'b',
    units,
    screened: [],
    root: 'i',
    scale: null,
    nodes: { i: node },
    tiers: [],
    tierCutoffs: [],
    treatment: [],
  };
}

describe('change', () => {
  const previous = block(['a', 'b', 'c'], [60, 55, null], [1, 2, null]);
  const current = block(['b', 'a', 'c', 'd'], [62, 58, 50, 40], [1, 2, 3, 4]);
  it('change(current, previous) matches units by code and reports score change and rank gain', () => {
    expect(change(current, previous)[0]).to.deep.equal({
      unit: 'b',
      score: 62,
      previousScore: 55,
      scoreChange: 7,
      rank: 1,
      previousRank: 2,
      rankChange: 1,
    });
    expect(change(current, previous)[1]!.rankChange).to.equal(-1);
  });
  it('change(current, previous) gives null changes to units missing or new in either edition', () => {
    const [, , c, d] = change(current, previous);
    expect([c!.scoreChange, c!.rankChange, d!.previousScore, d!.rankChange]).to.deep.equal([
      null,
      null,
      null,
      null,
    ]);
  });
});
