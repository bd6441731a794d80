import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { compileKernel } from '#scoring/kernel.js';
import { prepare } from '#scoring/prepare.js';
import { prepareScores } from '#scoring/prepare-scores.js';
import { randomSource } from '#scoring/random.js';
import { rank } from '#scoring/rank.js';
import { rankInto } from '#scoring/rank-into.js';
import { rankTracker } from '#scoring/rank-tracker.js';
import { reweight } from '#scoring/reweight.js';
import { reweighter } from '#scoring/reweighter.js';
import { scoreArrays } from '#scoring/score-arrays.js';
import { sensitivity } from '#scoring/sensitivity.js';
import { asemEdition } from '#bench/asem.js';
import { ddciDemo, ddciTable } from './support/ddci.js';
import { oddScores } from './support/odd-scores.js';

const sha = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');
const bits = (x: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex');

describe('compileKernel (the re-weighting kernel)', () => {
  const asem = asemEdition();
  const prepared = prepareScores(asem.methodology, asem.table);

  for (const aggregator of ['arithmetic', 'geometric', 'harmonic', 'power'] as const) {
    it(`kernel.run(weights) is bit-identical to scoreArrays with ${aggregator} at every node`, () => {
      const how = aggregator === 'power' ? { aggregator, p: 2 } : { aggregator };
      const k = compileKernel(prepared, { aggregator: how });
      const rng = randomSource(aggregator);
      for (let run = 0; run < 20; run++) {
        const weights = { Conn: rng.uniform(0, 2), LPI: rng.uniform(0, 3), Environ: run % 3 === 0 ? 0 : 1 };
        k.run(weights);
        const want = scoreArrays(prepared, { weights, aggregator: how })[0]!;
        want.values.forEach((v, at) => {
          const n = v.length;
          expect(bits(k.blocks[0]!.values.subarray(at * n, at * n + n)), `node ${at}`).to.equal(bits(v));
        });
      }
    });
  }

  it('kernel.run on the DDCI fixture (blocks, coverage, scale) is bit-identical to scoreArrays', () => {
    const m = ddciDemo();
    const table = ddciTable(m, 2025);
    (table.values.tr1 as (number | null)[])[2] = null;
    const p = prepareScores(m, table, { history: [ddciTable(m, 2023, 1), ddciTable(m, 2024, 2)] });
    const k = compileKernel(p);
    k.run({ transparency: 3 });
    expect(k.blocks).to.have.length(2);
    scoreArrays(p, { weights: { transparency: 3 } }).forEach((b, i) =>
      expect(bits(k.root(i))).to.equal(bits(b.values[b.tree.root]!)),
    );
  });

  it('kernel.run stays bit-identical to scoreArrays when scores hold ±Infinity, NaN gaps and zero weights', () => {
    // Rows that are not finite take the two-pass path (∞ − ∞ = NaN must be listed as missing for the parents).
    const odd = oddScores(prepared);
    const k = compileKernel(odd);
    const weightSets: Record<string, number>[] = [
      {},
      { LPI: 0 },
      { Physical: 0, Conn: 2 },
      { Flights: 3, LPI: 1e-300 },
    ];
    for (const weights of weightSets) {
      k.run(weights);
      const want = scoreArrays(odd, { weights })[0]!;
      want.values.forEach((v, node) => {
        const n = v.length;
        expect(bits(k.blocks[0]!.values.subarray(node * n, node * n + n)), `node ${node}`).to.equal(bits(v));
      });
    }
  });

  it('rankInto(x, out) equals rank(x) with ties, −0, NaN and Infinity', () => {
    const x = [3, 1, 3, NaN, -0, 0, Infinity, 2, -Infinity, 3];
    expect(Array.from(rankInto(x, new Float64Array(x.length)))).to.deep.equal(Array.from(rank(x)));
  });
});

// Hashes recorded from the implementation before the kernel (scoreArrays + rank + sampleQuantiles per run), on
// the same inputs: the speed-ups change no number.
describe('speed-ups change no result (hashes recorded before them)', () => {
  const asem = asemEdition();
  const old = (s: ReturnType<typeof sensitivity>) => ({
    blocks: Object.fromEntries(
      Object.entries(s.blocks).map(([k, b]) => [
        k,
        {
          units: b.units,
          nominal: b.nominal,
          median: b.median,
          lower: b.lower,
          upper: b.upper,
          meanAbsShift: b.meanAbsShift,
        },
      ]),
    ),
    removal: s.removal,
  });

  it('sensitivity(ASEM, weights ±25 %, 2 normalisers × 2 aggregators, 200 runs) hashes as before', () => {
    const s = sensitivity(asem.methodology, asem.table, {
      runs: 200,
      seed: 7,
      weights: { p: 0.25 },
      normalisers: [
        { method: 'minmax', lower: 1, upper: 100 },
        { method: 'zscore', mean: 100, sd: 10 },
      ],
      aggregators: [{ aggregator: 'arithmetic' }, { aggregator: 'geometric' }],
    });
    expect(sha(old(s))).to.equal('b982da3fd374bcf76e6850f8975a2da5589ad8052b394c6a60d3c0db64f122b0');
  });

  it('sensitivity(ASEM, noise on four nodes, 300 runs) hashes as before', () => {
    const s = sensitivity(asem.methodology, asem.table, {
      runs: 300,
      seed: 3,
      weights: { p: 0.4, nodes: ['Conn', 'Sust', 'LPI', 'Physical'] },
    });
    expect(sha(old(s))).to.equal('c600c8b6a5db0209ccfeeef90bb20145f97c778d8164f2aa96bba229622580b7');
  });

  it('reweight(ASEM, {Conn: 2, LPI: 0.3, Environ: 0}) hashes as before', () => {
    const r = reweight(prepare(asem.methodology, asem.table), { Conn: 2, LPI: 0.3, Environ: 0 });
    expect(sha(r)).to.equal('1cccff97969f939edc26d9dc3019cce28c279b370407b4f05bc83e1039e5695e');
  });
});

describe('reweighter (re-weighting loop)', () => {
  it('reweighter(p).scores(weights) gives reweight’s composite and ranks, by object or by code vector', () => {
    const asem = asemEdition();
    const p = prepare(asem.methodology, asem.table);
    const loop = reweighter(p);
    const weights = { Conn: 3, LPI: 0.2, Social: 0 };
    const want = reweight(p, weights).blocks.all!.nodes.Index!;
    const [got] = loop.scores(weights);
    expect(Array.from(got!.composite)).to.deep.equal(want.values);
    expect(Array.from(got!.ranks)).to.deep.equal(want.ranks);
    const vector = Float64Array.from(loop.codes, (c) => (weights as Record<string, number>)[c] ?? NaN);
    loop.codes.forEach((c, i) => {
      if (Number.isNaN(vector[i]))
        vector[i] = p.blocks[0]!.tree.nodes[p.blocks[0]!.tree.byCode.get(c)!]!.node.weight;
    });
    expect(Array.from(loop.scores(vector)[0]!.ranks)).to.deep.equal(want.ranks);
    expect(loop.result(weights)).to.deep.equal(reweight(p, weights));
    expect(() => loop.scores(new Float64Array(2))).to.throw(RangeError);
  });
});

describe('rankTracker (ranks across runs)', () => {
  it('rankTracker(n) gives rank() for every run of a sequence with ties, NaN, Infinity and reorderings', () => {
    const rng = randomSource('tracker');
    const track = rankTracker(9);
    const out = new Float64Array(9);
    for (let run = 0; run < 200; run++) {
      const x = Array.from({ length: 9 }, () => Math.floor(rng.uniform(0, 6)) / 2);
      if (run % 7 === 0) x[run % 9] = NaN;
      if (run % 11 === 0) x[(run + 3) % 9] = -Infinity;
      if (run % 13 === 0) x[(run + 5) % 9] = -0;
      track(x, 0, out, 0);
      expect(Array.from(out), `run ${run}`).to.deep.equal(Array.from(rank(x)));
    }
  });

  it('rankTracker(n > 64) sorts each run afresh and still gives rank()', () => {
    const rng = randomSource('tracker-long');
    const x = Array.from({ length: 100 }, () => Math.floor(rng.uniform(0, 40)));
    const out = new Float64Array(100);
    rankTracker(100)(x, 0, out, 0);
    expect(Array.from(out)).to.deep.equal(Array.from(rank(x)));
  });
});
