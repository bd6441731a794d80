import { expect } from 'chai';
import { sampleQuantiles } from '#scoring/sample-quantiles.js';

describe('sampleQuantiles', () => {
  it('sampleQuantiles(samples, runs, probs) gives type-7 quantiles per column', () => {
    // Five runs of two columns: column 0 draws 1…5, column 1 draws 10, 40, 20, 30, 50.
    const samples = Float64Array.from([1, 10, 2, 40, 3, 20, 4, 30, 5, 50]);
    const [q10, q50] = sampleQuantiles(samples, 2, [0.1, 0.5]);
    expect(Array.from(q10!)).to.deep.equal([1.4, 14]);
    expect(Array.from(q50!)).to.deep.equal([3, 30]);
  });
  it('sampleQuantiles(samples, runs, probs) leaves NaN draws out', () => {
    const [q] = sampleQuantiles(Float64Array.from([NaN, 2, 4]), 1, [0.5]);
    expect(q![0]).to.equal(3);
  });
  it('sampleQuantiles(samples, runs, probs) gives NaN for a column without draws', () => {
    const [q] = sampleQuantiles(Float64Array.from([NaN, NaN]), 1, [0.5]);
    expect(Number.isNaN(q![0])).to.equal(true);
  });
  it('sampleQuantiles(samples, 3, probs) throws a RangeError when samples is not a multiple of columns', () => {
    expect(() => sampleQuantiles(new Float64Array(4), 3, [0.5])).to.throw(RangeError, 'multiple of columns');
  });
});
