import { expect } from 'chai';
import type { IndicatorCell, ReleaseIndicator } from '#api/release-indicators.js';
import type { ProfileEntry, ScoreCell } from '#api/releases.js';
import { explainChain } from '#client/src/public/explain-chain.js';

const name = (en: string) => ({ vi: en, en });
const cell = (value: number | null): ScoreCell => ({
  value,
  rank: value === null ? null : 1,
  reason: value === null ? 'coverage' : null,
  interval: null,
  rankRange: null,
});
const indicator = (
  code: string,
  component: string,
  weight: number,
  effectiveWeight: number,
): ReleaseIndicator => ({
  code,
  name: name(code),
  component,
  parent: component,
  weight,
  effectiveWeight,
  direction: 1,
  normaliser: 'pci',
  benchmark: { min: 0, max: 1 },
  statistic: 'share',
  item: code.toUpperCase(),
});
const value = (score: number | null, raw: number | null = null): IndicatorCell => ({
  raw,
  score,
  rank: score === null ? null : 2,
  n: 30,
  reason: score === null ? 'indicator-suppressed' : null,
});

/** Two sub-indices of equal weight: a = mean(a1 = 8, a2 = 6) = 7, b = b1 = 5 (b2 suppressed); composite 60. */
function entry(over: Partial<ProfileEntry> = {}): ProfileEntry {
  return {
    release: { id: 'r1', edition: 2025, title: name('R'), status: 'current' },
    unit: { code: 'u', name: name('U') },
    relation: 'self',
    block: { code: 'b', name: name('B') },
    rankedUnits: 10,
    n: 40,
    composite: cell(60),
    tier: null,
    change: null,
    components: [
      { code: 'a', name: name('A'), weight: 0.5 },
      { code: 'b', name: name('B'), weight: 0.5 },
    ],
    subIndices: { a: cell(7), b: cell(5) },
    indicators: [
      indicator('a1', 'a', 0.5, 0.25),
      indicator('a2', 'a', 0.5, 0.25),
      indicator('b1', 'b', 0.5, 0.25),
      indicator('b2', 'b', 0.5, 0.25),
    ],
    indicatorValues: { a1: value(8, 0.7), a2: value(6, 0.5), b1: value(5, 0.4), b2: value(null) },
    ...over,
  };
}

describe('explainChain', () => {
  it('explainChain(entry) gives each sub-index weight × score × 10 points, summing to the composite', () => {
    const c = explainChain(entry());
    expect(c.components.map((x) => x.points)).to.deep.equal([35, 25]);
    expect(c.total).to.equal(60);
    expect(c.gap).to.equal(0);
    expect(c.hasIndicators).to.equal(true);
  });

  it('explainChain drops a suppressed indicator and re-normalises its siblings, as scoring/explain does', () => {
    const b = explainChain(entry()).components[1]!;
    expect(b.indicators.map((i) => i.weightUsed)).to.deep.equal([1, 0]);
    expect(b.indicators.map((i) => i.points)).to.deep.equal([5, null]);
    expect(b.indicators[1]!.cell.reason).to.equal('indicator-suppressed');
  });

  it('explainChain splits a sub-index’s composite points among its indicators by their points', () => {
    const a = explainChain(entry()).components[0]!;
    expect(a.indicators.map((i) => i.points)).to.deep.equal([4, 3]);
    expect(a.indicators.map((i) => i.compositePoints)).to.deep.equal([20, 15]);
    expect(a.indicators[0]!.cell.raw).to.equal(0.7);
  });

  it('explainChain re-normalises sub-index weights over the scored ones and reports a gap to the published composite', () => {
    const c = explainChain(entry({ subIndices: { a: cell(7), b: cell(null) }, composite: cell(71) }));
    expect(c.components.map((x) => x.weightUsed)).to.deep.equal([1, 0]);
    expect(c.total).to.equal(70);
    expect(c.gap).to.be.closeTo(1, 1e-9);
  });

  it('explainChain on a release without indicator values (imported PCI) stops at the sub-indices', () => {
    const c = explainChain(entry({ indicators: undefined, indicatorValues: undefined }));
    expect(c.hasIndicators).to.equal(false);
    expect(c.components.every((x) => x.indicators.length === 0)).to.equal(true);
    expect(c.total).to.equal(60);
  });
});
