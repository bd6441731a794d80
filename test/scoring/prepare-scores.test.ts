import { expect } from 'chai';
import { computeIndex } from '#scoring/compute.js';
import { surveyIndicators } from '#scoring/indicators/index.js';
import type { Methodology, MethodologyNode } from '#scoring/methodology/types.js';
import { prepareScores } from '#scoring/prepare-scores.js';
import { scoreArrays } from '#scoring/score-arrays.js';
import type { ComputeOptions, DataTable } from '#scoring/types.js';
import { surveyEdition } from './indicators/fixture.js';
import { asemMethodology, asemTable } from './support/asem.js';

function expectSame(m: Methodology, table: DataTable, options: ComputeOptions = {}): void {
  const want = computeIndex(m, table, options);
  for (const b of scoreArrays(prepareScores(m, table, options))) {
    const block = want.blocks[b.block]!;
    expect(b.units).to.deep.equal(block.units);
    b.tree.nodes.forEach((flat, at) => {
      const values = block.nodes[flat.node.code]!.values;
      Array.from(b.values[at]!).forEach((x, u) => {
        const w = values[u];
        if (w === null) expect(Number.isNaN(x)).to.equal(true, `${flat.node.code} unit ${u}`);
        else expect(x).to.be.closeTo(w!, 1e-12 * Math.max(1, Math.abs(w!)));
      });
    });
  }
}

describe('prepareScores', () => {
  it('scoreArrays(prepareScores(m, table)) equals computeIndex on the COINr example coin (denominators, group imputation, screening, JRC treatment)', () => {
    const m = asemMethodology(
      {
        imputation: { method: 'groupMean', group: 'EurAsia_group' },
        screening: { minAvailability: 0.9 },
        treatment: { method: 'jrc', winmax: 5 },
      },
      true,
    );
    expectSame(m, asemTable());
  });

  it('scoreArrays(prepareScores(m, table)) equals computeIndex with screening that removes units', () => {
    expectSame(asemMethodology({ screening: { minAvailability: 0.99 } }), asemTable());
  });

  it('scoreArrays(prepareScores(m, table, {history})) equals computeIndex with pooled benchmarks and suppression', () => {
    const { methodology, observations } = surveyEdition(6, 40, 8);
    const pooled = (node: MethodologyNode): MethodologyNode =>
      node.type === 'indicator'
        ? { ...node, minRespondents: 38, benchmark: { kind: 'pooled', editions: [2023, 2024] } }
        : { ...node, children: node.children.map(pooled) };
    const m = { ...methodology, minRespondents: 35, tree: pooled(methodology.tree) as Methodology['tree'] };
    const current = surveyIndicators(observations.slice(0, 220), m, { edition: 2024 });
    const earlier = surveyIndicators(surveyEdition(6, 40, 9).observations, m, { edition: 2023 });
    expectSame(m, current, { history: [earlier] });
  });
});
