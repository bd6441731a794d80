import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { checkMethodology } from '#scoring/methodology/check.js';
import type { AggregateNode, IndicatorNode, Methodology } from '#scoring/methodology/types.js';
import { computeIndex } from '#scoring/compute.js';
import { cell } from '#test/scoring/support/csv.js';
import {
  pciBenchmarks,
  pciReproduction,
  pciTable,
  publishedScores,
  SUBINDICES,
} from '#test/scoring/support/pci.js';

const YEARS = [2013, 2014, 2015, 2016] as const;
const shippedFor = (year: number) =>
  checkMethodology(
    JSON.parse(
      readFileSync(new URL(`../../../scoring/methodologies/pci-${year}.json`, import.meta.url), 'utf8'),
    ),
  );
const shipped = shippedFor(2013);
const EXACT = SUBINDICES.filter((s) => s !== 'labor_training' && s !== 'business_support');

function maxError(m: Methodology, year: number, node: string): number {
  const block = computeIndex(m, pciTable(year)).blocks.provinces!;
  const published = publishedScores(year);
  let worst = 0;
  block.units.forEach((unit, i) => {
    const expected = cell(published.get(unit)![node === 'pci' ? 'pci_weighted' : node]);
    const actual = block.nodes[node]!.values[i];
    expect(actual, `${year} ${unit} ${node}`).to.be.a('number');
    worst = Math.max(worst, Math.abs((actual as number) - expected!));
  });
  return worst;
}

describe('PCI methodologies (scoring/methodologies/pci-YEAR.json)', () => {
  it('pci-2013.json carries the 2013 weights 5, 5, 20, 5, 10, 5, 5, 20, 20, 5 % in PCI order', () => {
    expect(shipped.tree.children.map((c) => c.code)).to.deep.equal([...SUBINDICES]);
    expect(shipped.tree.children.map((c) => c.weight)).to.deep.equal([5, 5, 20, 5, 10, 5, 5, 20, 20, 5]);
  });

  for (const year of YEARS) {
    it(`pci-${year}.json has every ${year} indicator of the benchmark file with its direction, weight, min and max`, () => {
      const m = shippedFor(year);
      expect(m.version).to.equal(String(year));
      expect(m.tree.children.map((c) => c.weight)).to.deep.equal([5, 5, 20, 5, 10, 5, 5, 20, 20, 5]);
      // c1_1_3 (2014–2016) has no direction and weight 0: it is not part of the published score.
      const rows = pciBenchmarks().filter((r) => Number(r.year) === year && r.direction !== '');
      const leaves = (m.tree.children as AggregateNode[]).flatMap((s) =>
        (s.children as IndicatorNode[]).map((i) => ({ s: s.code, i })),
      );
      expect(leaves).to.have.length(rows.length);
      for (const r of rows) {
        const hit = leaves.find((l) => l.s === r.subindex_key && l.i.code === r.indicator_code)!;
        expect(hit, r.indicator_code).to.not.equal(undefined);
        expect(hit.i.direction).to.equal(Number(r.direction));
        expect(hit.i.weight).to.equal(Number(r.weight));
        expect(hit.i.benchmark).to.deep.equal({ kind: 'fixed', min: Number(r.min), max: Number(r.max) });
        expect(hit.i.name.vi.length).to.be.greaterThan(3);
        expect(hit.i.name.en).not.to.equal(hit.i.name.vi);
      }
    });
  }
});

describe('PCI 2013–2016 reproduction', () => {
  for (const year of YEARS) {
    const m = shippedFor(year);
    for (const node of EXACT) {
      it(`computeIndex(pci, ${year}) reproduces the published ${node} to 1e-4`, () => {
        expect(maxError(m, year, node)).to.be.below(1e-4);
      });
    }
    for (const node of ['labor_training', 'business_support']) {
      it(`computeIndex(pci, ${year}) reproduces ${node} within the error recorded in pci-reproduction`, () => {
        const row = pciReproduction().find((r) => Number(r.year) === year && r.score === node)!;
        const recorded = Number(row.max_abs_error_vs_published_6dp);
        const error = maxError(m, year, node);
        expect(error).to.be.at.most(recorded * 1.01 + 1e-6);
      });
    }
    it(`computeIndex(pci, ${year}) reproduces the composite from recomputed sub-indices within the recorded error`, () => {
      const row = pciReproduction().find(
        (r) => Number(r.year) === year && r.score === 'pci_from_recomputed_subindices',
      )!;
      expect(maxError(m, year, 'pci')).to.be.at.most(
        Number(row.max_abs_error_vs_published_6dp) * 1.01 + 1e-6,
      );
    });
  }

  it('computeIndex(pci, 2013) assigns the published tier of every province with the shipped cut-offs', () => {
    const block = computeIndex(shipped, pciTable(2013)).blocks.provinces!;
    expect(block.tierCutoffs).to.deep.equal([62, 60, 56.9, 55.5, 53.5]);
    let agree = 0;
    const published = publishedScores(2013);
    block.units.forEach((unit, i) => {
      if (block.tiers[i]?.label.vi === published.get(unit)!.tier_vi) agree++;
    });
    // Recomputed composites differ from the published ones by up to 0.0455 (labour training), so a province
    // sitting right on a cut-off may fall on the other side.
    expect(agree).to.be.at.least(60);
  });
});
