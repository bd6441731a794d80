import { expect } from 'chai';
import { rank } from '#scoring/rank.js';

const out = (x: Float64Array) => Array.from(x, (v) => (Number.isNaN(v) ? null : v));

describe('rank', () => {
  it('rank(values) ranks the highest 1 and gives ties the lowest rank (1, 2, 2, 4)', () => {
    expect(out(rank([10, 7, 9, 9]))).to.deep.equal([1, 4, 2, 2]);
  });
  it('rank(values, {order: "ascending"}) ranks the smallest 1', () => {
    expect(out(rank([10, 7, 9, 9], { order: 'ascending' }))).to.deep.equal([4, 1, 2, 2]);
  });
  it('rank(values) leaves null, NaN and Infinity unranked without counting them', () => {
    expect(out(rank([null, 5, NaN, 3, Infinity]))).to.deep.equal([null, 1, null, 2, null]);
  });
  it('rank(values, {tolerance}) treats near-ties as ties, anchored at the first value of the run', () => {
    expect(out(rank([5.1000000000000005, 5.0999999999999996, 5], { tolerance: 1e-9 }))).to.deep.equal([
      1, 1, 3,
    ]);
    expect(out(rank([3, 2.6, 2.2], { tolerance: 0.5 }))).to.deep.equal([1, 1, 3]);
  });
  it('rank(values) keeps exact IEEE distinctions by default', () => {
    expect(out(rank([5.1000000000000005, 5.0999999999999996]))).to.deep.equal([1, 2]);
  });
  it('rank(42) throws a TypeError', () => {
    expect(() => rank(42 as unknown as number[])).to.throw(TypeError, 'values is not array-like');
  });
});
