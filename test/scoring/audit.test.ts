import { expect } from 'chai';
import { audit } from '#scoring/audit/audit.js';
import { averageRanks, pearson, spearman } from '#scoring/audit/correlation.js';
import { cronbachAlpha } from '#scoring/audit/cronbach.js';
import { columnStats } from '#scoring/audit/stats.js';
import type { Methodology } from '#scoring/methodology/types.js';
import type { DataTable } from '#scoring/types.js';
import { asemMethodology, asemTable } from './support/asem.js';
import { cell, fixture, readCsv } from './support/csv.js';

describe('audit building blocks', () => {
  it('pearson and spearman use pairwise-complete pairs; spearman ranks ties by their average', () => {
    const x = [1, 2, 3, 4, 5, NaN];
    const y = [2, 4, 5, 4, 5, 100];
    expect(pearson(x, y)).to.be.closeTo(0.7745966692414834, 1e-12);
    expect(spearman(x, y)).to.be.closeTo(0.7378647873726218, 1e-12);
    expect(Array.from(averageRanks([2, 4, 5, 4, 5]))).to.deep.equal([1, 2.5, 4.5, 2.5, 4.5]);
    expect(Number.isNaN(pearson([1, 1, 1], [1, 2, 3]))).to.equal(true);
  });

  it('cronbachAlpha(columns) is k/(k−1)·(1 − Σ var / Σ cov): 2/3 for (1, 2, 3) and (1, 3, 2), 1 for copies', () => {
    expect(
      cronbachAlpha([
        [1, 2, 3],
        [1, 3, 2],
      ]),
    ).to.be.closeTo(2 / 3, 1e-12);
    expect(
      cronbachAlpha([
        [1, 2, 4],
        [1, 2, 4],
        [1, 2, 4],
      ]),
    ).to.be.closeTo(1, 1e-12);
    expect(Number.isNaN(cronbachAlpha([[1, 2, 3]]))).to.equal(true);
  });

  it('columnStats(x) gives the statistics over available values and the JRC, zero and unique flags', () => {
    const s = columnStats([0, 0, 0, 0, 1, NaN, NaN, NaN]);
    expect([s.n, s.min, s.max, s.mean, s.median]).to.deep.equal([5, 0, 1, 0.2, 0]);
    expect(s.sd).to.be.closeTo(Math.sqrt(0.2), 1e-12);
    expect([s.availability, s.shareZeros, s.shareUnique]).to.deep.equal([5 / 8, 0.8, 0.4]);
    expect(s.flags).to.deep.equal(['low-availability', 'mostly-zeros', 'low-variation', 'outliers']);
    expect(columnStats([1, 2, 3, 4, 5, 6]).flags).to.deep.equal([]);
  });
});

describe('audit (statistical audit)', () => {
  const treatDetails = readCsv(fixture('asem/case2_example_coin/treat_details.csv'));

  it('audit(ASEM denominated + imputed, stage treated) flags as outliers exactly the columns COINr treats', () => {
    const m = asemMethodology({ imputation: { method: 'groupMean', group: 'EurAsia_group' } }, true);
    const r = audit(m, asemTable(), { stage: 'treated' }).blocks.all!;
    const flagged = r.nodes.filter((n) => n.flags.includes('outliers')).map((n) => n.code);
    const treated = treatDetails.filter((t) => t['check_SkewKurt0.Pass'] === 'FALSE').map((t) => t.iCode);
    expect(flagged.sort()).to.deep.equal(treated.sort());
    for (const t of treatDetails) {
      const s = r.nodes.find((n) => n.code === t.iCode)!.stats!;
      expect(s.skew!).to.be.closeTo(cell(t['check_SkewKurt0.Skew'])!, 1e-9);
      expect(s.kurt!).to.be.closeTo(cell(t['check_SkewKurt0.Kurt'])!, 1e-9);
    }
  });

  it('audit(ASEM example coin, stage treated) flags no outliers after treatment', () => {
    const m = asemMethodology(
      { imputation: { method: 'groupMean', group: 'EurAsia_group' }, treatment: { method: 'jrc' } },
      true,
    );
    const r = audit(m, asemTable(), { stage: 'treated' }).blocks.all!;
    expect(r.nodes.filter((n) => n.flags.includes('outliers'))).to.deep.equal([]);
  });

  it('audit(ASEM) gives every node correlations with parent and index, alpha per aggregate, no NaN', () => {
    const r = audit(asemMethodology(), asemTable());
    const b = r.blocks.all!;
    expect(b.nodes).to.have.length(49 + 11);
    const physical = b.nodes.find((n) => n.code === 'Physical')!;
    expect(physical.alpha).to.be.a('number');
    expect(physical.pearsonParent!).to.be.within(-1, 1);
    expect(b.pairs.filter((p) => p.parent === 'Physical')).to.have.length((8 * 7) / 2);
    expect(b.nodes.find((n) => n.code === 'Index')!.pearsonParent).to.equal(null);
    expect(JSON.stringify(r)).not.to.match(/NaN|Infinity/);
  });

  it('audit flags a component against its group, and a collinear pair of siblings', () => {
    const ind = (code: string) => ({
      type: 'indicator' as const,
      code,
      name: { vi: code, en: code },
      weight: 1,
      source: { kind: 'hard' as const, series: code },
      direction: 1 as const,
      normaliser: { method: 'minmax' as const },
    });
    const m: Methodology = {
      id: 't',
      version: '1',
      name: { vi: 't', en: 't' },
      blocks: [{ code: 'all', name: { vi: 'all', en: 'all' } }],
      tree: {
        type: 'index',
        code: 'I',
        name: { vi: 'I', en: 'I' },
        weight: 1,
        aggregator: 'arithmetic',
        children: [ind('a'), ind('b'), ind('c')],
      },
    };
    const table: DataTable = {
      units: ['u1', 'u2', 'u3', 'u4', 'u5'].map((code) => ({ code, block: 'all' })),
      values: { a: [1, 2, 3, 4, 5], b: [2, 4, 6, 8, 11], c: [5, 4, 3, 2, 1] },
    };
    const nodes = audit(m, table).blocks.all!.nodes;
    expect(nodes.find((n) => n.code === 'c')!.flags).to.include('negative-with-parent');
    expect(nodes.find((n) => n.code === 'a')!.flags).to.include('collinear:b');
    expect(nodes.find((n) => n.code === 'c')!.flags).to.include('negative-pair:a');
  });
});
