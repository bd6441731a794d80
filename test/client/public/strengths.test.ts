import { expect } from 'chai';
import { strengthsAndWeaknesses } from '#client/src/public/strengths.js';

const s = (code: string, rank: number | null, ranked = 20) => ({ code, rank, ranked });

describe('strengthsAndWeaknesses', () => {
  it('strengthsAndWeaknesses(standings) takes the top and bottom quarter by percentile rank', () => {
    const r = strengthsAndWeaknesses([
      s('a', 5),
      s('b', 10),
      s('c', 15),
      s('d', 20),
      s('e', 8),
      s('f', 12),
      s('g', 9),
      s('h', 11),
    ]);
    expect(r.strengths).to.deep.equal(['a', 'e']);
    expect(r.weaknesses).to.deep.equal(['d', 'c']);
    expect(r.percentiles.a).to.be.closeTo((100 * 15) / 19, 1e-9);
  });

  it('strengthsAndWeaknesses(standings) makes any component ranked 1–3 a strength, never a weakness', () => {
    const r = strengthsAndWeaknesses([s('a', 1), s('b', 2), s('c', 3), s('d', 3)]);
    expect(r.strengths).to.have.members(['a', 'b', 'c', 'd']);
    expect(r.weaknesses).to.deep.equal([]);
  });

  it('strengthsAndWeaknesses(standings) signals nothing in a block of fewer than 5 units', () => {
    const r = strengthsAndWeaknesses([s('a', 1, 4), s('b', 4, 4)]);
    expect(r).to.deep.include({ strengths: [], weaknesses: [], withheld: 'few-units' });
  });

  it('strengthsAndWeaknesses(standings) signals nothing when under half the components have a value', () => {
    const r = strengthsAndWeaknesses([s('a', 1), s('b', null), s('c', null)]);
    expect(r.withheld).to.equal('low-coverage');
  });
});
