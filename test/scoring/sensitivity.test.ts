import { expect } from 'chai';
import { computeIndex } from '#scoring/compute.js';
import type { AggregateNode, IndicatorNode, Methodology } from '#scoring/methodology/types.js';
import { sensitivity } from '#scoring/sensitivity.js';
import type { DataTable } from '#scoring/types.js';
import { asemMethodology, asemTable } from './support/asem.js';

// Three units, one hard indicator per sub-index, min–max [0, 100]: U1 (100, 0), U2 (0, 100), U3 (60, 60) after
// normalising; equal weights give composites 50, 50, 60 → ranks 2, 2, 1.
function tiny(extraWeight?: number): { m: Methodology; table: DataTable } {
  const ind = (code: string): IndicatorNode => ({
    type: 'indicator',
    code,
    name: { vi: code, en: code },
    weight: 1,
    source: { kind: 'hard', series: code },
    direction: 1,
    normaliser: { method: 'minmax', lower: 0, upper: 100 },
  });
  const sub = (code: string, weight = 1): AggregateNode => ({
    type: 'subindex',
    code,
    name: { vi: code, en: code },
    weight,
    aggregator: 'arithmetic',
    children: [ind(`X${code}`)],
  });
  const children = [sub('S1'), sub('S2')];
  if (extraWeight !== undefined) children.push(sub('S3', extraWeight));
  const m: Methodology = {
    id: 'tiny',
    version: '1',
    name: { vi: 'tiny', en: 'tiny' },
    blocks: [{ code: 'all', name: { vi: 'all', en: 'all' } }],
    tree: {
      type: 'index',
      code: 'I',
      name: { vi: 'I', en: 'I' },
      weight: 1,
      aggregator: 'arithmetic',
      children,
    },
  };
  const table: DataTable = {
    units: ['U1', 'U2', 'U3'].map((code) => ({ code, block: 'all' })),
    values: { XS1: [10, 0, 6], XS2: [0, 10, 6], XS3: [1, 5, 9] },
  };
  return { m, table };
}

describe('sensitivity', () => {
  it('sensitivity(m, table) without noise or alternatives gives every run the nominal rank', () => {
    const { m, table } = tiny();
    const r = sensitivity(m, table, { runs: 20 }).blocks.all!;
    expect(r.nominal).to.deep.equal([2, 2, 1]);
    expect(r.median).to.deep.equal([2, 2, 1]);
    expect([r.lower, r.upper]).to.deep.equal([
      [2, 2, 1],
      [2, 2, 1],
    ]);
    expect(r.meanAbsShift).to.deep.equal([0, 0, 0]);
  });

  it('sensitivity(m, table) records the rank shift when each child of the root is removed', () => {
    const { m, table } = tiny();
    const { S2 } = sensitivity(m, table, { runs: 1 }).removal.all!;
    // Without S2 the composite is S1: 100, 0, 60 → ranks 1, 3, 2.
    expect(S2!.ranks).to.deep.equal([1, 3, 2]);
    expect(S2!.shift).to.deep.equal([-1, 1, 1]);
    expect(S2!.meanAbsShift).to.equal(1);
  });

  it('sensitivity(m, table) gives a zero removal shift for a zero-weight component', () => {
    const { m, table } = tiny(0);
    const { S3 } = sensitivity(m, table, { runs: 1 }).removal.all!;
    expect(S3!.shift).to.deep.equal([0, 0, 0]);
    expect(S3!.meanAbsShift).to.equal(0);
  });

  it('sensitivity(m, table, {seed}) gives identical results for the same seed', () => {
    const m = asemMethodology();
    const table = asemTable();
    const options = { runs: 50, seed: 'asem', weights: { p: 0.3 }, keepDraws: true };
    expect(sensitivity(m, table, options)).to.deep.equal(sensitivity(m, table, options));
  });

  it('sensitivity(m, table, {weights}) gives rank ranges around the median, on ASEM', () => {
    const r = sensitivity(asemMethodology(), asemTable(), { runs: 200, seed: 1, weights: { p: 0.25 } }).blocks
      .all!;
    r.units.forEach((_, u) => {
      expect(r.lower[u]!).to.be.at.most(r.median[u]!);
      expect(r.upper[u]!).to.be.at.least(r.median[u]!);
      expect(r.lower[u]!).to.be.at.most(r.nominal[u]! + 1);
      expect(r.upper[u]!).to.be.at.least(r.nominal[u]! - 1);
    });
    expect(r.meanAbsShift.some((s) => s! > 0)).to.equal(true);
  });

  it('sensitivity(m, table, {keepDraws}) keeps weights within (1 ± p) of the nominal weights', () => {
    const { m, table } = tiny();
    const { draws } = sensitivity(m, table, { runs: 30, seed: 2, weights: { p: 0.2 }, keepDraws: true });
    expect(draws).to.have.length(30);
    for (const d of draws!)
      for (const w of Object.values(d.weights)) expect(w >= 0.8 && w < 1.2).to.equal(true);
  });

  it('sensitivity(m, table, {normalisers: [one]}) ranks as computeIndex with that normaliser', () => {
    const { m, table } = tiny();
    const rankNorm = { method: 'rank' as const };
    const swapped: Methodology = JSON.parse(JSON.stringify(m));
    for (const s of swapped.tree.children)
      for (const i of (s as AggregateNode).children) (i as IndicatorNode).normaliser = rankNorm;
    const want = computeIndex(swapped, table).blocks.all!.nodes.I!.ranks;
    expect(sensitivity(m, table, { runs: 5, normalisers: [rankNorm] }).blocks.all!.median).to.deep.equal(
      want,
    );
  });

  it('sensitivity(m, table, {weights: {nodes: [unknown]}}) throws a RangeError naming the node', () => {
    const { m, table } = tiny();
    expect(() => sensitivity(m, table, { weights: { p: 0.1, nodes: ['NOPE'] } })).to.throw(
      RangeError,
      'NOPE',
    );
  });

  it('sensitivity(m, table, {runs: 1.5}) throws a RangeError', () => {
    const { m, table } = tiny();
    expect(() => sensitivity(m, table, { runs: 1.5 })).to.throw(RangeError, 'runs');
  });
});
