import { expect } from 'chai';
import { compileKernel, type Kernel } from '#scoring/kernel.js';
import { LANES } from '#scoring/kernel-batch.js';
import { prepareScores } from '#scoring/prepare-scores.js';
import { randomSource } from '#scoring/random.js';
import { sensitivity } from '#scoring/sensitivity.js';
import { asemEdition } from '#bench/asem.js';
import { ddciDemo, ddciTable } from './support/ddci.js';
import { oddScores } from './support/odd-scores.js';

const bits = (x: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex');

// Each lane's roots against runWeights on that lane's weights alone, bit for bit, for `rounds` batches.
function expectLanesMatch(k: Kernel, weightsFor: (lane: number) => Float64Array, rounds: number): void {
  const batch = k.batch()!;
  const c = k.codes.length;
  for (let r = 0; r < rounds; r++) {
    const lanes = Array.from({ length: LANES }, (_, d) => weightsFor(r * LANES + d));
    const w = new Float64Array(c * LANES);
    lanes.forEach((x, d) => w.set(x, d * c));
    batch.runLanes(w);
    lanes.forEach((x, d) => {
      k.runWeights(x);
      k.blocks.forEach(({ units: { length: n } }, b) =>
        expect(bits(batch.roots(b).subarray(d * n, d * n + n)), `round ${r} lane ${d} block ${b}`).to.equal(
          bits(k.root(b)),
        ),
      );
    });
  }
}

function noisy(k: Kernel, seed: string, zeroEvery = 0): (lane: number) => Float64Array {
  const rng = randomSource(seed);
  return (lane) =>
    Float64Array.from(k.nominal, (w, i) =>
      zeroEvery && (lane + i) % zeroEvery === 0 ? 0 : w * rng.uniform(0.5, 1.5),
    );
}

describe('batchKernel (four runs at once)', () => {
  const asem = asemEdition();
  const prepared = prepareScores(asem.methodology, asem.table);

  it('kernel.batch().runLanes(w) gives each lane runWeights’ roots bit for bit on ASEM (51 units, gaps)', () => {
    const k = compileKernel(prepared);
    expectLanesMatch(k, noisy(k, 'asem'), 50);
  });

  it('kernel.batch().runLanes(w) stays bit-identical with zero weights (Σ w = 0 rows, children dropped)', () => {
    const k = compileKernel(prepared);
    expectLanesMatch(k, noisy(k, 'zeros', 5), 30);
  });

  it('kernel.batch().runLanes(w) stays bit-identical when scores hold ±Infinity and NaN', () => {
    const odd = oddScores(prepared);
    const k = compileKernel(odd);
    expectLanesMatch(k, noisy(k, 'odd', 7), 20);
  });

  it('kernel.batch().runLanes(w) is bit-identical on the DDCI fixture (two blocks, coverage, 0–100 scale)', () => {
    const m = ddciDemo();
    const table = ddciTable(m, 2025);
    (table.values.tr1 as (number | null)[])[2] = null;
    const k = compileKernel(
      prepareScores(m, table, { history: [ddciTable(m, 2023, 1), ddciTable(m, 2024, 2)] }),
    );
    expect(k.blocks).to.have.length(2);
    expectLanesMatch(k, noisy(k, 'ddci', 9), 20);
  });

  it('kernel.batch() is null when a node is not an arithmetic mean', () => {
    expect(compileKernel(prepared, { aggregator: { aggregator: 'geometric' } }).batch()).to.equal(null);
    expect(compileKernel(prepared, { aggregator: { aggregator: 'copeland' } }).batch()).to.equal(null);
    expect(compileKernel(prepared, { aggregator: { aggregator: 'arithmetic' } }).batch()).to.not.equal(null);
  });

  it('sensitivity(…, keepRuns) gives run j the composite of its own draw, in batches and partial batches', () => {
    // 11 runs: two full batches and a partial one; two aggregators: batched arithmetic and one-at-a-time geometric.
    const s = sensitivity(asem.methodology, asem.table, {
      runs: 11,
      seed: 5,
      weights: { p: 0.3 },
      aggregators: [{ aggregator: 'arithmetic' }, { aggregator: 'geometric' }],
      keepRuns: true,
      keepDraws: true,
    });
    const kernels = [0, 1].map((a) =>
      compileKernel(prepared, { aggregator: { aggregator: a ? 'geometric' : 'arithmetic' } }),
    );
    expect(new Set(s.draws!.map((d) => d.aggregator))).to.deep.equal(new Set([0, 1]));
    s.draws!.forEach((draw, j) => {
      const k = kernels[draw.aggregator]!;
      k.run(draw.weights);
      const want = Array.from(k.root(0), (v) => (Number.isFinite(v) ? v : null));
      expect(Object.values(s.perRun!)[0]!.composite[j], `run ${j}`).to.deep.equal(want);
    });
  });
});
