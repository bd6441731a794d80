import { expect } from 'chai';
import { aggregate } from '#scoring/aggregate/aggregate.js';
import { toColumn } from '#scoring/column.js';

const cols = (...c: (number | null)[][]) => c.map((x) => toColumn(x));
const out = (x: Float64Array) => Array.from(x, (v) => (Number.isNaN(v) ? null : v));

describe('aggregate', () => {
  it('aggregate(children, w, "arithmetic") re-normalises weights over the available children', () => {
    expect(out(aggregate(cols([2, null], [4, 6]), [1, 3], 'arithmetic'))).to.deep.equal([3.5, 6]);
  });
  it('aggregate(children, w, "geometric") is undefined (NaN) when a value is 0, never -Infinity', () => {
    expect(out(aggregate(cols([0, 4], [4, 1]), [1, 1], 'geometric'))).to.deep.equal([null, 2]);
  });
  it('aggregate(children, w, agg, {coverage}) is missing when the share of available children is below it', () => {
    expect(
      out(aggregate(cols([1, 1], [null, 2], [null, 3]), [1, 1, 1], 'arithmetic', { coverage: 0.5 })),
    ).to.deep.equal([null, 2]);
  });
  it('aggregate(children, w, "copeland") scores pairwise majorities across units', () => {
    expect(out(aggregate(cols([3, 2, 1], [3, 2, 1]), [1, 1], 'copeland'))).to.deep.equal([2, 0, -2]);
  });
  it('aggregate(children, w, "power") without p throws a RangeError', () => {
    expect(() => aggregate(cols([1]), [1], 'power')).to.throw(RangeError, 'p must be finite and non-zero');
  });
  it('aggregate(children, w) throws a RangeError when weights and children differ in length', () => {
    expect(() => aggregate(cols([1]), [1, 2], 'arithmetic')).to.throw(RangeError);
  });
});
