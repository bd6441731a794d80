import { expect } from 'chai';
import type { RankingRow } from '#api/releases.js';
import { defaultDir, sortRows } from '#client/src/public/ranking-sort.js';

const row = (code: string, rank: number | null, composite: number | null, x: number | null): RankingRow => ({
  rank,
  unit: { code, name: { vi: code, en: code } },
  composite,
  reason: null,
  tier: null,
  scores: { x },
  ranks: { x: null },
  reasons: {},
  n: null,
  interval: null,
  rankRange: null,
  change: null,
  subIndices: {},
});

const rows = [row('b', 2, 60, 5), row('a', 1, 70, null), row('c', 3, 50, 5), row('d', null, null, 9)];

describe('sortRows', () => {
  it('sortRows(rows, "rank", "asc") puts unranked rows last', () => {
    expect(sortRows(rows, 'rank', 'asc').map((r) => r.unit.code)).to.deep.equal(['a', 'b', 'c', 'd']);
  });

  it('sortRows(rows, component, "desc") sorts high to low, ties in rank order, missing last', () => {
    expect(sortRows(rows, 'x', 'desc').map((r) => r.unit.code)).to.deep.equal(['d', 'b', 'c', 'a']);
  });

  it('sortRows(rows, component, "asc") still puts missing values last', () => {
    expect(sortRows(rows, 'x', 'asc').map((r) => r.unit.code)).to.deep.equal(['b', 'c', 'd', 'a']);
  });

  it('sortRows(rows, "unit", "asc") sorts names with the locale’s collation', () => {
    const vi = [row('Đà Nẵng', 1, 1, 1), row('Bình Dương', 2, 1, 1), row('Ða', 3, 1, 1)];
    vi.forEach((r) => (r.unit.name.vi = r.unit.code));
    expect(sortRows(vi, 'unit', 'asc').map((r) => r.unit.code)[0]).to.equal('Bình Dương');
  });

  it('sortRows(rows, ...) does not modify its input', () => {
    const copy = [...rows];
    sortRows(rows, 'x', 'desc');
    expect(rows).to.deep.equal(copy);
  });

  it('sortRows(rows, "rank", "asc", locale, whatIf) orders by the what-if ranks', () => {
    const over = new Map([
      ['a', { rank: 3, composite: 40, shift: -2 }],
      ['b', { rank: 1, composite: 80, shift: 1 }],
      ['c', { rank: 2, composite: 60, shift: 1 }],
      ['d', { rank: null, composite: null, shift: null }],
    ]);
    expect(sortRows(rows, 'rank', 'asc', 'vi', over).map((r) => r.unit.code)).to.deep.equal([
      'b',
      'c',
      'a',
      'd',
    ]);
  });

  it('defaultDir(column) starts scores high-to-low and rank or names ascending', () => {
    expect([defaultDir('rank'), defaultDir('unit'), defaultDir('composite'), defaultDir('x')]).to.deep.equal([
      'asc',
      'asc',
      'desc',
      'desc',
    ]);
  });
});
