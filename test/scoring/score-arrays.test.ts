import { expect } from 'chai';
import { computeIndex } from '#scoring/compute.js';
import { surveyIndicators } from '#scoring/indicators/index.js';
import type { AggregateNode, MethodologyNode } from '#scoring/methodology/types.js';
import { prepare } from '#scoring/prepare.js';
import { reweight } from '#scoring/reweight.js';
import { flatWeights, scoreArrays } from '#scoring/score-arrays.js';
import { flatten } from '#scoring/flatten.js';
import type { IndexResult } from '#scoring/types.js';
import { surveyEdition } from './indicators/fixture.js';
import { asemMethodology, asemTable } from './support/asem.js';

function expectSameValues(result: IndexResult, got: ReturnType<typeof scoreArrays>): void {
  for (const b of got) {
    const block = result.blocks[b.block]!;
    b.tree.nodes.forEach((flat, at) => {
      const want = block.nodes[flat.node.code]!.values;
      Array.from(b.values[at]!).forEach((x, u) => {
        if (want[u] === null) expect(Number.isNaN(x)).to.equal(true, `${flat.node.code} ${u}`);
        else expect(x).to.be.closeTo(want[u]!, 1e-9 * Math.max(1, Math.abs(want[u]!)));
      });
    });
  }
}

function withAggregator(node: MethodologyNode, aggregator: 'geometric'): MethodologyNode {
  if (node.type === 'indicator') return node;
  return { ...node, aggregator, children: node.children.map((c) => withAggregator(c, aggregator)) };
}

describe('scoreArrays', () => {
  it('scoreArrays(prepare(m, table)) equals computeIndex on ASEM', () => {
    const m = asemMethodology();
    const table = asemTable();
    expectSameValues(computeIndex(m, table), scoreArrays(prepare(m, table)));
  });

  it('scoreArrays(prepared, {weights}) equals reweight(prepared, weights) on a survey edition with a scale', () => {
    const { methodology: m, observations } = surveyEdition();
    const table = surveyIndicators(observations, m);
    const prepared = prepare(m, table);
    const weights = { TRANS: 3, T_MEAN: 0.5 };
    expectSameValues(reweight(prepared, weights), scoreArrays(prepared, { weights }));
  });

  it('scoreArrays(prepared, {aggregator}) equals computeIndex with that aggregator on every aggregate node', () => {
    const m = asemMethodology({}, false);
    const table = asemTable();
    const geo = { ...m, tree: withAggregator(m.tree, 'geometric') as AggregateNode };
    // min–max [0, 100] gives zeros, for which the geometric mean is undefined: shift to [1, 100] first.
    const shift = (node: MethodologyNode): MethodologyNode =>
      node.type === 'indicator'
        ? { ...node, normaliser: { method: 'minmax', lower: 1, upper: 100 } }
        : { ...node, children: node.children.map(shift) };
    const m1 = { ...m, tree: shift(m.tree) as AggregateNode };
    const g1 = { ...geo, tree: shift(geo.tree) as AggregateNode };
    expectSameValues(
      computeIndex(g1, table),
      scoreArrays(prepare(m1, table), { aggregator: { aggregator: 'geometric' } }),
    );
  });
});

describe('flatWeights', () => {
  const tree: AggregateNode = {
    type: 'index',
    code: 'root',
    name: { vi: 'r', en: 'r' },
    weight: 1,
    aggregator: 'arithmetic',
    children: ['constructor', 'toString', 'b'].map((code) => ({
      type: 'indicator' as const,
      code,
      name: { vi: code, en: code },
      weight: 2,
      source: { kind: 'hard' as const, series: code },
      direction: 1 as const,
      normaliser: { method: 'minmax' as const },
    })),
  };

  it('flatWeights(tree, overrides) takes overrides by code and the node weight elsewhere', () => {
    expect(Array.from(flatWeights(flatten(tree), { b: 5 }))).to.deep.equal([2, 2, 5, 1]);
  });

  it('flatWeights(tree, {}) never reads inherited keys such as constructor as overrides', () => {
    expect(Array.from(flatWeights(flatten(tree), {}))).to.deep.equal([2, 2, 2, 1]);
  });
});
