import { expect } from 'chai';
import { quantileSorted as d3QuantileSorted } from 'd3-array';
import { quantileSorted } from '../../../scoring/indicators/quantile.js';

describe('quantileSorted', () => {
  it('quantileSorted(sorted, 0.5) of an even count is the mean of the two middle values', () => {
    expect(quantileSorted([10, 20, 30, 45], 0.5)).to.equal(25);
  });
  it('quantileSorted(sorted, 0.5) of an odd count is the middle value', () => {
    expect(quantileSorted([1, 7, 30], 0.5)).to.equal(7);
  });
  it('quantileSorted(sorted, p) interpolates linearly as R type 7', () => {
    // h = (5 − 1)·0.9 = 3.6 → 40 + 0.6·(100 − 40) = 76; R: quantile(c(10,20,30,40,100), 0.9) = 76
    expect(quantileSorted([10, 20, 30, 40, 100], 0.9)).to.be.closeTo(76, 1e-12);
  });
  it('quantileSorted(sorted, p) agrees with d3.quantileSorted', () => {
    const xs = [0.5, 1, 1, 2, 3, 5, 8, 13, 21];
    for (const p of [0, 0.1, 0.25, 0.33, 0.5, 0.75, 0.95, 1]) {
      expect(quantileSorted(xs, p)).to.be.closeTo(d3QuantileSorted(xs, p)!, 1e-12);
    }
  });
  it('quantileSorted([], p) is NaN', () => {
    expect(Number.isNaN(quantileSorted([], 0.5))).to.equal(true);
  });
  it('quantileSorted(sorted, p, counts) equals the quantile of the values repeated counts times', () => {
    const values = [1, 2, 4, 8];
    const counts = [2, 0, 3, 1];
    const expanded = [1, 1, 4, 4, 4, 8];
    for (const p of [0, 0.2, 0.5, 0.7, 0.9, 1]) {
      expect(quantileSorted(values, p, counts)).to.be.closeTo(quantileSorted(expanded, p), 1e-12);
    }
  });
  it('quantileSorted(sorted, p, counts, order, from, to) reads counts through order within the segment', () => {
    const values = [9, 3, 5, 7, 9];
    const order = [0, 4, 2, 1, 3];
    const counts = [1, 1, 1, 1, 1];
    expect(quantileSorted(values, 0.5, counts, order, 1, 4)).to.equal(5);
  });
  it('quantileSorted(sorted, p, counts) of zero counts is NaN', () => {
    expect(Number.isNaN(quantileSorted([1, 2], 0.5, [0, 0]))).to.equal(true);
  });
  it('quantileSorted(sorted, 1.5) throws a RangeError', () => {
    expect(() => quantileSorted([1], 1.5)).to.throw(RangeError, 'p is not in [0, 1]');
  });
});
