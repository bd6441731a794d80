import { expect } from 'chai';
import { randomSource } from '#scoring/random.js';

describe('randomSource', () => {
  it('randomSource(42).nextUint32() matches the xoshiro128** C reference seeded the same way', () => {
    // Reference: prng.di.unimi.it/xoshiro128starstar.c, state from splitmix32(42) as in random.ts.
    const r = randomSource(42);
    const got = [0, 1, 2, 3, 4].map(() => r.nextUint32());
    expect(got).to.deep.equal([2837322924, 544945897, 479756282, 3500138142, 339756180]);
  });
  it('randomSource(seed) repeats its sequence for the same seed', () => {
    const a = randomSource('ddci-2024');
    const b = randomSource('ddci-2024');
    for (let i = 0; i < 100; i++) expect(a.uniform()).to.equal(b.uniform());
  });
  it('randomSource(seed) gives different sequences for different seeds', () => {
    const a = randomSource(1);
    const b = randomSource(2);
    expect([a.uniform(), a.uniform()]).to.not.deep.equal([b.uniform(), b.uniform()]);
  });
  it('randomSource(seed).uniform() stays in [0, 1) with mean near 1/2', () => {
    const r = randomSource(7);
    let sum = 0;
    for (let i = 0; i < 20000; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).to.equal(true);
      sum += u;
    }
    // sd of the mean = √(1/12/20000) ≈ 0.002; 0.01 is five sd.
    expect(sum / 20000).to.be.closeTo(0.5, 0.01);
  });
  it('randomSource(seed).uniform(min, max) scales to [min, max)', () => {
    const r = randomSource(3);
    for (let i = 0; i < 1000; i++) {
      const u = r.uniform(0.8, 1.2);
      expect(u >= 0.8 && u < 1.2).to.equal(true);
    }
  });
  it('randomSource(seed).int(min, max) covers every integer of [min, max) about equally', () => {
    const r = randomSource(11);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60000; i++) counts[r.int(-2, 4) + 2]++;
    // Each count ~ Binomial(60000, 1/6): sd ≈ 91; 500 is five sd.
    for (const c of counts) expect(c).to.be.closeTo(10000, 500);
  });
  it('randomSource(seed).int(0, 2^30) stays in range (the wide-range path)', () => {
    const r = randomSource(5);
    for (let i = 0; i < 1000; i++) {
      const x = r.int(0, 2 ** 30);
      expect(Number.isInteger(x) && x >= 0 && x < 2 ** 30).to.equal(true);
    }
  });
  it('randomSource(seed).normal(mu, sigma) has mean mu and sd sigma', () => {
    const r = randomSource(13);
    const xs = Array.from({ length: 20000 }, () => r.normal(10, 2));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
    expect(mean).to.be.closeTo(10, 0.07); // sd of the mean ≈ 0.014
    expect(sd).to.be.closeTo(2, 0.07);
  });
  it('randomSource(seed).int(3, 3) throws a RangeError', () => {
    expect(() => randomSource(1).int(3, 3)).to.throw(RangeError, 'max is not greater than min');
  });
  it('randomSource(1.5) throws a TypeError', () => {
    expect(() => randomSource(1.5)).to.throw(TypeError, 'seed is not an integer or a string');
  });

  it('randomSource(seed).fillUniform(out, n) gives the numbers of n uniform() calls and continues the stream', () => {
    const a = randomSource('fill');
    const b = randomSource('fill');
    const out = new Float64Array(7);
    a.fillUniform(out, 5);
    expect(Array.from(out.subarray(0, 5))).to.deep.equal(Array.from({ length: 5 }, () => b.uniform()));
    expect(a.nextUint32()).to.equal(b.nextUint32());
  });
});
