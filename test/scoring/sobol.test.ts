import { expect } from 'chai';
import { saltelliSample, sobolIndices } from '#scoring/sobol.js';
import { sobolIndex } from '#scoring/sobol-index.js';
import { asemEdition } from '#bench/asem.js';
import { sobolPoints } from '#scoring/sobol-sequence.js';

describe('sobolPoints (Sobol sequence, Joe–Kuo directions)', () => {
  it('sobolPoints(8, 3) gives the unscrambled sequence after the origin', () => {
    const p = sobolPoints(8, 3);
    const rows = Array.from({ length: 8 }, (_, j) => Array.from(p.subarray(j * 3, j * 3 + 3)));
    expect(rows).to.deep.equal([
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
      [0.1875, 0.3125, 0.9375],
    ]);
  });

  it('sobolPoints(2^10 − 1, 21) puts one point in every dyadic interval of length 2^−10 per coordinate (but 0)', () => {
    const n = 1023;
    const p = sobolPoints(n, 21);
    for (let k = 0; k < 21; k++) {
      const seen = new Set<number>();
      for (let j = 0; j < n; j++) seen.add(Math.floor(p[j * 21 + k]! * 1024));
      expect(seen.size, `dimension ${k + 1}`).to.equal(n);
      expect(seen.has(0)).to.equal(false);
    }
  });

  it('sobolPoints(n, 22) throws a RangeError naming the limit', () => {
    expect(() => sobolPoints(4, 22)).to.throw(RangeError, '21');
  });
});

describe('sobolIndices (Saltelli 2010 first order, Jansen total)', () => {
  it('saltelliSample(n, d) holds A, B and A with column i from B', () => {
    const s = saltelliSample(4, 2);
    const row = (r: number) => Array.from(s.subarray(r * 2, r * 2 + 2));
    for (let j = 0; j < 4; j++) {
      expect(row(8 + j)).to.deep.equal([row(4 + j)[0], row(j)[1]]);
      expect(row(12 + j)).to.deep.equal([row(j)[0], row(4 + j)[1]]);
    }
  });

  it('sobolIndices(Ishigami, 3, {n: 2^14}) converges to the analytic indices within 0.01', () => {
    const a = 7;
    const b = 0.1;
    const model = (x: Float64Array) => {
      const [x1, x2, x3] = Array.from(x, (u) => -Math.PI + 2 * Math.PI * u);
      return Math.sin(x1!) + a * Math.sin(x2!) ** 2 + b * x3! ** 4 * Math.sin(x1!);
    };
    const pi4 = Math.PI ** 4;
    const pi8 = Math.PI ** 8;
    const v = (a * a) / 8 + (b * pi4) / 5 + (b * b * pi8) / 18 + 0.5;
    const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
    const v2 = (a * a) / 8;
    const vt3 = (8 * b * b * pi8) / 225;
    const r = sobolIndices(model, 3, { n: 2 ** 14, bootstrap: 200 });
    const want = { first: [v1 / v, v2 / v, 0], total: [(v1 + vt3) / v, v2 / v, vt3 / v] };
    want.first.forEach((s, i) => expect(r.first[i]!).to.be.closeTo(s, 0.01));
    want.total.forEach((s, i) => expect(r.total[i]!).to.be.closeTo(s, 0.01));
    r.totalInterval.forEach((ci, i) => {
      expect(ci![0]).to.be.at.most(r.total[i]!);
      expect(ci![1]).to.be.at.least(r.total[i]!);
    });
  });

  it('sobolIndices(x1 + 2x2 + 3x1x3 on [0, 1]^3) converges to the analytic indices within 0.01', () => {
    const model = (x: Float64Array) => x[0]! + 2 * x[1]! + 3 * x[0]! * x[2]!;
    // Var = (2.5² + 2² + 1.5²)/12 + 9/144; the x1·x3 interaction adds 9/144 to both totals.
    const v = 12.5 / 12 + 9 / 144;
    const first = [6.25 / 12 / v, 4 / 12 / v, 2.25 / 12 / v];
    const total = [(6.25 / 12 + 9 / 144) / v, 4 / 12 / v, (2.25 / 12 + 9 / 144) / v];
    const r = sobolIndices(model, 3, { n: 2 ** 14, bootstrap: 0 });
    first.forEach((s, i) => expect(r.first[i]!).to.be.closeTo(s, 0.01));
    total.forEach((s, i) => expect(r.total[i]!).to.be.closeTo(s, 0.01));
    expect(r.firstInterval).to.deep.equal([null, null, null]);
  });

  it('sobolIndices(constant model) gives null indices, never NaN', () => {
    const r = sobolIndices(() => 3, 2, { n: 16, bootstrap: 10 });
    expect(r.variance).to.equal(0);
    expect(r.first).to.deep.equal([null, null]);
    expect(r.total).to.deep.equal([null, null]);
    expect(r.totalInterval).to.deep.equal([null, null]);
  });

  it('sobolIndices(model, d, {n: 2e6}) throws a RangeError naming the bound', () => {
    expect(() => sobolIndices(() => 1, 2, { n: 2e6 })).to.throw(RangeError, '1000000');
  });

  it('sobolIndices(model, d, {seed}) gives the same intervals for the same seed', () => {
    const model = (x: Float64Array) => x[0]! + x[1]! ** 2;
    expect(sobolIndices(model, 2, { n: 64, seed: 5 })).to.deep.equal(
      sobolIndices(model, 2, { n: 64, seed: 5 }),
    );
  });
});

describe('sobolIndex (Sobol indices of the ranking’s choices)', () => {
  const asem = asemEdition();

  it('sobolIndex(ASEM, weights + normaliser) gives indices in [0, 1] with intervals around them', () => {
    const r = sobolIndex(asem.methodology, asem.table, {
      n: 256,
      bootstrap: 100,
      weights: { p: 0.25 },
      normalisers: [{ method: 'minmax' }, { method: 'zscore' }, { method: 'rank' }],
    });
    expect(r.factors).to.deep.equal(['weights', 'normaliser']);
    expect(r.runs).to.equal(256 * 4);
    for (let i = 0; i < 2; i++) {
      expect(r.total[i]!).to.be.within(0, 1.2);
      expect(r.first[i]!).to.be.within(-0.2, 1.2);
      expect(r.totalInterval[i]![0]).to.be.at.most(r.totalInterval[i]![1]);
    }
    // Three normalisers move the ranks more than ±25 % weight noise does.
    expect(r.total[1]!).to.be.above(r.total[0]!);
  });

  it('sobolIndex with two identical normalisers gives the normaliser factor exactly zero total effect', () => {
    const r = sobolIndex(asem.methodology, asem.table, {
      n: 64,
      bootstrap: 0,
      weights: { p: 0.3 },
      normalisers: [{ method: 'minmax' }, { method: 'minmax' }],
    });
    expect(r.total[1]).to.equal(0);
    expect(r.first[1]).to.equal(0);
  });

  it('sobolIndex(…, {output: {unit}}) explains one unit’s rank', () => {
    const r = sobolIndex(asem.methodology, asem.table, {
      n: 64,
      bootstrap: 0,
      weights: { p: 0.5 },
      output: { unit: 'VNM' },
    });
    expect(r.output).to.deep.equal({ unit: 'VNM' });
    expect(r.variance!).to.be.above(0);
  });

  it("sobolIndex(ASEM, {weightFactors: 'per-node'}) makes each pillar's indicator weights a factor of its own", () => {
    const r = sobolIndex(asem.methodology, asem.table, {
      n: 128,
      bootstrap: 50,
      weights: { p: 0.5, levels: ['indicator'] },
      weightFactors: 'per-node',
      normalisers: [{ method: 'minmax' }, { method: 'rank' }],
    });
    const pillars = ['Physical', 'ConEcFin', 'Political', 'Instit', 'P2P', 'Environ', 'Social', 'SusEcFin'];
    expect(r.factors).to.deep.equal([...pillars.map((p) => `weights:${p}`), 'normaliser']);
    expect(r.runs).to.equal(128 * (9 + 2));
    r.total.forEach((t, i) => {
      expect(t, r.factors[i]).to.be.a('number').and.within(0, 1.2);
      expect(r.first[i], r.factors[i]).to.be.a('number').and.within(-0.2, 1.2);
    });
    // The normaliser still moves the ranks more than the indicator weights of any one pillar.
    expect(r.total[8]!).to.be.above(Math.max(...r.total.slice(0, 8).map((t) => t!)));
  });

  it("sobolIndex with one noisy node: 'per-node' gives the same indices as one weights factor", () => {
    const base = {
      n: 64,
      bootstrap: 20,
      weights: { p: 0.6, nodes: ['LPI', 'Flights', 'Ship', 'Bord'] },
      normalisers: [{ method: 'minmax' as const }, { method: 'zscore' as const }],
    };
    const one = sobolIndex(asem.methodology, asem.table, base);
    const per = sobolIndex(asem.methodology, asem.table, { ...base, weightFactors: 'per-node' });
    expect(one.factors).to.deep.equal(['weights', 'normaliser']);
    expect(per.factors).to.deep.equal(['weights:Physical', 'normaliser']);
    expect([per.first, per.total, per.totalInterval]).to.deep.equal([
      one.first,
      one.total,
      one.totalInterval,
    ]);
  });

  it('sobolIndex per node over more factors than the design holds, or an unknown weightFactors, says what to do', () => {
    const all = { n: 16, weights: { p: 0.2 }, weightFactors: 'per-node' as const };
    expect(() => sobolIndex(asem.methodology, asem.table, all)).to.throw(RangeError, 'at most 10');
    expect(() => sobolIndex(asem.methodology, asem.table, all)).to.throw(RangeError, 'weights.levels');
    expect(() =>
      sobolIndex(asem.methodology, asem.table, {
        n: 16,
        weights: { p: 0.2 },
        weightFactors: 'each' as 'one',
      }),
    ).to.throw(RangeError, 'per-node');
  });

  it('sobolIndex with nothing uncertain, or an unknown output unit, throws a RangeError that says so', () => {
    expect(() => sobolIndex(asem.methodology, asem.table, { weights: { p: 0 } })).to.throw(
      RangeError,
      'nothing is uncertain',
    );
    expect(() =>
      sobolIndex(asem.methodology, asem.table, { weights: { p: 0.2 }, output: { unit: 'XXX' } }),
    ).to.throw(RangeError, 'XXX');
  });
});
