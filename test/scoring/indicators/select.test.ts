import { expect } from 'chai';
import { quantileSelect } from '#scoring/indicators/select.js';
import { quantileSorted } from '#scoring/quantile.js';
import { randomSource } from '#scoring/random.js';

describe('quantileSelect', () => {
  it('quantileSelect(values, p) equals quantileSorted of the sorted values for tied, spread and signed data, zeros of either sign', () => {
    const rng = randomSource(7);
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(rng.uniform(0, 60));
      const spread = t % 3 === 0 ? 4 : 1000;
      // −0 and +0 among the ties: the result must not depend on which of them the selection meets first.
      const xs = Float64Array.from(
        { length: n },
        (_, i) => Math.floor(rng.uniform(-spread, spread)) / 2 || (i % 2 ? -0 : 0),
      );
      for (const p of [0, 0.1, 0.5, 0.9, 0.975, 1]) {
        const want = quantileSorted(xs.slice().sort(), p);
        expect(Object.is(quantileSelect(xs.slice(), p), want), `p ${p} of ${xs.join()}`).to.equal(true);
      }
    }
  });

  it('quantileSelect(empty, p) is NaN', () => {
    expect(Number.isNaN(quantileSelect(new Float64Array(0), 0.5))).to.equal(true);
  });
});
