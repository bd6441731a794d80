import { expect } from 'chai';
import { normalise } from '#scoring/normalise/normalise.js';

const out = (x: Float64Array) => Array.from(x, (v) => (Number.isNaN(v) ? null : v));

describe('normalise', () => {
  it('normalise(values, pci) maps the minimum to 1 and the maximum to 10', () => {
    expect(out(normalise([2, 4, 6], { method: 'pci' }, 1))).to.deep.equal([1, 5.5, 10]);
  });
  it('normalise(values, pci, -1) gives the lowest raw value 10', () => {
    expect(out(normalise([2, 4, 6], { method: 'pci' }, -1))).to.deep.equal([10, 5.5, 1]);
  });
  it("normalise(values, pci, 1, benchmark) uses the pooled min and max, not this edition's, and does not clip", () => {
    expect(out(normalise([2, 4, 12], { method: 'pci' }, 1, { min: 0, max: 10 }))).to.deep.equal([
      2.8, 4.6, 11.8,
    ]);
  });
  it('normalise(values, pci) keeps missing values missing', () => {
    expect(out(normalise([null, 1, 3], { method: 'pci' }, 1))).to.deep.equal([null, 1, 10]);
  });
  it('normalise(constant, pci) gives every value 5.5 when max = min', () => {
    expect(out(normalise([3, 3], { method: 'pci' }, 1))).to.deep.equal([5.5, 5.5]);
  });
  it('normalise(constant, minmax) gives the midpoint of [lower, upper]', () => {
    expect(out(normalise([3, 3], { method: 'minmax', lower: 0, upper: 100 }, 1))).to.deep.equal([50, 50]);
  });
  it('normalise(constant, zscore) gives the target mean', () => {
    expect(out(normalise([3, 3, null], { method: 'zscore', mean: 100, sd: 10 }, 1))).to.deep.equal([
      100,
      100,
      null,
    ]);
  });
  it('normalise(one value, prank) gives 0.5', () => {
    expect(out(normalise([null, 7], { method: 'prank' }, 1))).to.deep.equal([null, 0.5]);
  });
  it('normalise(values, rank, -1) ranks the lowest raw value highest, ties at the minimum', () => {
    expect(out(normalise([1, 3, 3, 5], { method: 'rank' }, -1))).to.deep.equal([4, 2, 2, 1]);
  });
  it('normalise(values, dist2target, -1) uses (max − x)/(max − target) and caps at 1', () => {
    expect(out(normalise([1, 5, 9], { method: 'dist2target', target: 3, cap: true }, -1))).to.deep.equal([
      1,
      4 / 6,
      0,
    ]);
  });
  it('normalise(values, scaled, -1) mirrors the fixed scale', () => {
    expect(out(normalise([0, 10], { method: 'scaled', lower: 0, upper: 10, scale: 100 }, -1))).to.deep.equal([
      100, 0,
    ]);
  });
  it('normalise(all missing, pci) stays missing', () => {
    expect(out(normalise([null, null], { method: 'pci' }, 1))).to.deep.equal([null, null]);
  });
  it('normalise(values, spec, 0) throws a RangeError', () => {
    expect(() => normalise([1], { method: 'pci' }, 0 as 1)).to.throw(RangeError, 'direction must be 1 or -1');
  });
});
