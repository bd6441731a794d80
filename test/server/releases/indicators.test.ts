import { expect } from 'chai';
import { canonicalJson } from '#api/canonical-json.js';
import { computeIndex } from '#scoring/compute.js';
import { computedBlocks } from '#server/releases/build-computed.js';
import { asemMethodology, asemTable } from '#test/scoring/support/asem.js';

// ASEM: index → pillars (sub-indices) → groups → indicators, with missing inputs: the indicator level
// of a release must follow the tree down two levels and say why a score is missing.
function asem() {
  const m = asemMethodology();
  const table = asemTable();
  const result = computeIndex(m, table);
  const names = [{ code: 'all', name: { vi: 'Tất cả', en: 'All' }, units: new Map() }];
  const [block] = computedBlocks(m, 2018, result, table, names);
  return { block: block!, result: result.blocks.all! };
}

describe('computedBlocks indicators', () => {
  it('computedBlocks lists every indicator with its sub-index, parent group and weights', () => {
    const { block, result } = asem();
    const codes = Object.values(result.nodes)
      .filter((n) => n.type === 'indicator')
      .map((n) => n.code);
    expect(block.indicators!.map((i) => i.code).sort()).to.deep.equal([...codes].sort());
    const ldi = block.indicators!.find((i) => i.code === 'LPI')!;
    const node = result.nodes.LPI!;
    expect(ldi.parent).to.equal(node.parent);
    expect(ldi.component).to.equal(result.nodes[node.parent!]!.parent);
    expect(block.components.map((c) => c.code)).to.include(ldi.component);
    expect(ldi.effectiveWeight).to.be.closeTo(node.effectiveWeight, 1e-12);
    expect(ldi).to.deep.include({ normaliser: 'minmax', statistic: null, item: null, direction: 1 });
    expect(ldi.benchmark).to.deep.equal({ min: node.benchmark!.min, max: node.benchmark!.max });
  });

  it('computedBlocks gives each unit the raw value, normalised score and rank the engine computed', () => {
    const { block, result } = asem();
    for (const u of block.units) {
      const i = result.units.indexOf(u.code);
      for (const ind of block.indicators!) {
        const node = result.nodes[ind.code]!;
        const got = u.indicatorValues![ind.code]!;
        expect(got.raw).to.equal(node.raw![i] ?? null);
        expect(got.score).to.equal(node.values[i] ?? null);
        expect(got.rank).to.equal(node.ranks[i] ?? null);
      }
    }
  });

  it('computedBlocks gives a missing indicator score its reason, never a number', () => {
    const { block } = asem();
    const missing = block.units
      .flatMap((u) => Object.values(u.indicatorValues!))
      .filter((c) => c.score === null);
    expect(missing.length).to.be.greaterThan(0);
    for (const c of missing) expect(c.reason).to.be.a('string').and.not.equal('');
    // The document stays canonical JSON (no NaN, no undefined).
    expect(() => canonicalJson(block)).not.to.throw();
  });
});
