import { expect } from 'chai';
import { toColumn } from '#scoring/column.js';
import { skew } from '#scoring/treat/skew.js';
import { treat } from '#scoring/treat/treat.js';
import { winsorise } from '#scoring/treat/winsorise.js';

describe('treat', () => {
  it('treat(code, x) leaves a column that passes untouched, with method "none" and no after-statistics', () => {
    const { x, record } = treat('a', toColumn([1, 2, 3, 4, 5]));
    expect(Array.from(x)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(record).to.include({ method: 'none', nwin: 0, passAfter: null });
  });
  it('treat(code, x, {winmax: 1}) falls back to the log of the original when winsorising is not enough', () => {
    const input = [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 50, 100, 1000];
    const { x, record } = treat('a', toColumn(input), {
      winmax: 1,
      skewThreshold: 0.01,
      kurtThreshold: -100,
    });
    expect(record.method).to.equal('log');
    expect(record.points.every((p) => p === 'log_CT')).to.equal(true);
    expect(x[0]).to.be.closeTo(Math.log(0.01 * 999), 1e-12);
  });
  it('winsorise(x) counts plateau points again (1..10, 30, 100: 100 → 30, then both 30s → 10, count 2)', () => {
    const w = winsorise(toColumn([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]), {
      winmax: 2,
      skewThreshold: 0.1,
      kurtThreshold: -10,
    });
    expect(Array.from(w.x.slice(10))).to.deep.equal([10, 10]);
    expect(w.nwin).to.equal(2);
  });
  it('winsorise(x) ignores missing values and leaves them missing', () => {
    const w = winsorise(toColumn([null, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]), { winmax: 2 });
    expect(Number.isNaN(w.x[0]!)).to.equal(true);
    expect(w.nwin).to.equal(1);
  });
  it('skew(x) is NaN for fewer than 3 values or a constant column', () => {
    expect(skew([1, 2])).to.satisfy(Number.isNaN);
    expect(skew([2, 2, 2])).to.satisfy(Number.isNaN);
  });
});
