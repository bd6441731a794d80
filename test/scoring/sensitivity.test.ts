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
  it('sensitivity(m, table) with nothing uncertain throws a RangeError that says what to give', () => {
    const { m, table } = tiny();
    expect(() => sensitivity(m, table, { runs: 20 })).to.throw(RangeError, 'nothing is uncertain');
    expect(() => sensitivity(m, table, { weights: { p: 0 } })).to.throw(RangeError, 'weight noise');
  });

  it('sensitivity(m, table, {weightSets: [nominal]}) gives every run the nominal rank', () => {
    const { m, table } = tiny();
    const r = sensitivity(m, table, { runs: 20, weightSets: [{}] }).blocks.all!;
    expect(r.mean).to.deep.equal([2, 2, 1]);
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
    const { S2 } = sensitivity(m, table, { runs: 1, weightSets: [{}] }).removal.all!;
    // Without S2 the composite is S1: 100, 0, 60 → ranks 1, 3, 2.
    expect(S2!.ranks).to.deep.equal([1, 3, 2]);
    expect(S2!.shift).to.deep.equal([-1, 1, 1]);
    expect(S2!.meanAbsShift).to.equal(1);
  });

  it('sensitivity(m, table) gives a zero removal shift for a zero-weight component', () => {
    const { m, table } = tiny(0);
    const { S3 } = sensitivity(m, table, { runs: 1, weightSets: [{}] }).removal.all!;
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

  it('sensitivity(m, table, {weightSets}) runs each set in turn and reports mean, median and shift', () => {
    const { m, table } = tiny();
    // S1 heavy: composites 100·¾, 25, 60 → ranks 1, 3, 2; S2 heavy: 25, 75, 60 → 3, 1, 2; nominal 2, 2, 1.
    const sets: Record<string, number>[] = [{ S1: 3 }, { S2: 3 }];
    const r = sensitivity(m, table, { weightSets: sets, keepRuns: true, keepDraws: true });
    expect(r.runs).to.equal(2);
    const b = r.blocks.all!;
    expect(b.mean).to.deep.equal([2, 2, 2]);
    expect(b.median).to.deep.equal([2, 2, 2]);
    expect(b.lower).to.deep.equal([1.1, 1.1, 2]);
    expect(b.upper).to.deep.equal([2.9, 2.9, 2]);
    expect(b.meanAbsShift).to.deep.equal([1, 1, 1]);
    expect(r.perRun!.all!.rank).to.deep.equal([
      [1, 3, 2],
      [3, 1, 2],
    ]);
    expect(r.perRun!.all!.composite[0]).to.deep.equal([75, 25, 60]);
    expect(r.draws!.map((d) => d.weightSet)).to.deep.equal([0, 1]);
  });

  it('sensitivity(m, table, {weights: {levels}}) puts noise only on nodes of those levels', () => {
    const m = asemMethodology();
    const r = sensitivity(m, asemTable(), {
      runs: 5,
      weights: { p: 0.2, levels: ['subindex'], byNode: { LPI: 0.5 } },
      keepDraws: true,
    });
    expect(Object.keys(r.draws![0]!.weights)).to.deep.equal(['Conn', 'LPI', 'Sust']);
  });

  it('sensitivity(m, table, {weights: {byLevel: {bogus}}}) throws a RangeError naming the level', () => {
    const { m, table } = tiny();
    expect(() =>
      sensitivity(m, table, { weights: { byLevel: { bogus: 0.1 } as Record<string, number> } }),
    ).to.throw(RangeError, 'bogus');
  });

  it('sensitivity(m, table, {imputations}) draws an imputation method per run', () => {
    const m = asemMethodology({ imputation: { method: 'groupMean', group: 'EurAsia_group' } });
    const r = sensitivity(m, asemTable(), {
      runs: 40,
      seed: 4,
      imputations: ['mean', 'median', 'groupMedian'],
      keepDraws: true,
    });
    expect(new Set(r.draws!.map((d) => d.imputation))).to.deep.equal(new Set([0, 1, 2]));
    expect(r.blocks.all!.meanAbsShift.some((x) => x! > 0)).to.equal(true);
  });

  it('sensitivity(m, table, {weightSets: [negative]}) throws a RangeError naming the set and node', () => {
    const { m, table } = tiny();
    expect(() => sensitivity(m, table, { weightSets: [{ S1: -1 }] })).to.throw(
      RangeError,
      'weightSets[0].S1',
    );
  });

  it('sensitivity(m, table, {runs: 1.5 or 2e6}) throws a RangeError', () => {
    const { m, table } = tiny();
    expect(() => sensitivity(m, table, { runs: 1.5 })).to.throw(RangeError, 'runs');
    expect(() => sensitivity(m, table, { runs: 2e6, weightSets: [{}] })).to.throw(RangeError, '1000000');
  });
});
