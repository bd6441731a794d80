import { expect } from 'chai';
import { computeIndex } from '#scoring/compute.js';
import { sensitivity } from '#scoring/sensitivity.js';
import { intervalChartState } from '#client/src/workspace/sensitivity/chart-state.js';
import { monteCarlo, type MonteCarloRequest } from '#client/src/workspace/sensitivity/monte-carlo.js';
import { robustRows, type RobustRow } from '#client/src/workspace/sensitivity/rows.js';
import { asemMethodology, asemTable } from '#test/scoring/support/asem.js';

describe('workspace sensitivity view (Monte Carlo rank intervals)', () => {
  // ASEM (COINr's example): 51 countries, two sub-indices, real data.
  const m = asemMethodology();
  const table = asemTable();
  const first = table.units[0]!.code;
  const request = (o: Partial<MonteCarloRequest> = {}): MonteCarloRequest => ({
    methodology: m,
    table,
    history: [],
    runs: 300,
    noise: 0.5,
    level: 'subindex',
    seed: 1,
    ...o,
  });

  it('monteCarlo(request) gives the nominal ranks of computeIndex and ordered 5–95 % intervals, seeded', () => {
    const r = monteCarlo(request());
    const nominal = computeIndex(m, table, { edition: table.edition });
    for (const [block, s] of Object.entries(r.blocks)) {
      const b = nominal.blocks[block]!;
      expect(s.nominal).to.deep.equal(b.nodes[b.root]!.ranks);
      s.units.forEach((_, u) => {
        expect(s.lower[u]!).to.be.at.most(s.median[u]!);
        expect(s.median[u]!).to.be.at.most(s.upper[u]!);
      });
    }
    expect(r.rankInterval).to.deep.equal([5, 95]);
    expect(monteCarlo(request())).to.deep.equal(r);
    // ±50 % on the sub-index weights moves some unit's rank in some run.
    const widths = Object.values(r.blocks).flatMap((s) => s.units.map((_, u) => s.upper[u]! - s.lower[u]!));
    expect(Math.max(...widths)).to.be.above(0);
  });

  it('monteCarlo noises only the sub-index weights unless asked for every weight', () => {
    const sub = monteCarlo(request());
    const all = monteCarlo(request({ level: 'all' }));
    const direct = sensitivity(m, table, {
      runs: 300,
      seed: 1,
      weights: { p: 0.5, levels: ['subindex'] },
      compute: { edition: table.edition, history: [] },
    });
    expect(sub.blocks).to.deep.equal(direct.blocks);
    expect(all.blocks).not.to.deep.equal(sub.blocks);
  });

  it('monteCarlo reports progress about a hundred times, ending at the last run', () => {
    const seen: number[] = [];
    monteCarlo(request({ runs: 1000 }), (done, total) => {
      expect(total).to.equal(1000);
      seen.push(done);
    });
    expect(seen.length).to.be.within(100, 101);
    expect(seen.at(-1)).to.equal(1000);
    expect(seen).to.deep.equal([...seen].sort((a, b) => a - b));
  });

  it('robustRows sorts by nominal rank, names the units and gives the rank range without one sub-index', () => {
    const r = monteCarlo(request());
    const names = new Map([[`all/${first}`, { vi: 'Nước đầu', en: 'First country' }]]);
    const rows = robustRows(r, names);
    const deps = rows.all!;
    expect(deps.map((x) => x.nominal)).to.deep.equal([...deps.map((x) => x.nominal)].sort((a, b) => a! - b!));
    expect(deps.find((x) => x.code === first)!.name).to.deep.equal({ vi: 'Nước đầu', en: 'First country' });
    const s = r.blocks.all!;
    for (const row of deps) {
      const u = s.units.indexOf(row.code);
      const ranks = [row.nominal!, ...Object.values(r.removal.all!).map((x) => x.ranks[u]!)];
      expect(row.without).to.deep.equal([Math.min(...ranks), Math.max(...ranks)]);
      expect([row.lower, row.upper]).to.deep.equal([s.lower[u], s.upper[u]]);
    }
  });

  it('intervalChartState puts rank 1 at the left, the last rank at the right, one row per ranked unit', () => {
    const row = (code: string, nominal: number | null, lower: number, upper: number): RobustRow => ({
      code,
      name: null,
      nominal,
      lower,
      upper,
      median: nominal,
      meanAbsShift: 0,
      without: null,
    });
    const rows = [row('a', 1, 1, 2), row('b', 2, 1, 3), row('c', 3, 2, 3), row('x', null, 1, 1)];
    const s = intervalChartState(rows, 800, (r) => r.code);
    expect(s.marks.map((x) => x.code)).to.deep.equal(['a', 'b', 'c']);
    expect(s.marks[0]!.x).to.equal(s.margin.left);
    expect(s.marks[2]!.x).to.equal(800 - s.margin.right);
    expect(s.marks[1]!.x0).to.equal(s.margin.left);
    expect(s.ticks.map((t) => t.rank)).to.deep.equal([1, 2, 3]);
    expect(s.labelled).to.equal(true);
    const many = Array.from({ length: 100 }, (_, i) => row(`u${i}`, i + 1, i + 1, i + 1));
    const big = intervalChartState(many, 375, (r) => r.code);
    expect(big.labelled).to.equal(false);
    expect(big.ticks.map((t) => t.rank)).to.deep.equal([1, 20, 40, 60, 80, 100]);
    expect(big.height).to.equal(big.margin.top + 100 * big.rowHeight + big.margin.bottom);
  });
});
