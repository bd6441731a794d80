import { expect } from 'chai';
import { computeIndex } from '#scoring/compute.js';
import { computedBlocks } from '#server/releases/build-computed.js';
import { asemMethodology, asemTable } from '#test/scoring/support/asem.js';

// Labels whose Vietnamese text no lookup table knows: the release must carry the methodology's codes.
const labels = [
  { code: 'leaders', vi: 'Nhóm dẫn đầu', en: 'Leaders' },
  { code: 'middle', vi: 'Nhóm giữa', en: 'Middle' },
  { code: 'trailing', vi: 'Nhóm cuối', en: 'Trailing' },
];

function blocks(tierLabels: Array<{ code?: string; vi: string; en: string }>) {
  const m = asemMethodology({
    tiers: { method: 'quantile', probabilities: [0.66, 0.33], labels: tierLabels },
  });
  const table = asemTable();
  const result = computeIndex(m, table);
  const names = [{ code: 'all', name: { vi: 'Tất cả', en: 'All' }, units: new Map() }];
  return computedBlocks(m, 2018, result, table, names);
}

describe('computedBlocks tiers', () => {
  it('computedBlocks publishes the methodology tier codes, whatever the label text', () => {
    const [block] = blocks(labels);
    expect(block!.tiers.map((t) => t.code)).to.deep.equal(['leaders', 'middle', 'trailing']);
    const used = new Set(block!.units.map((u) => u.tier?.code));
    expect([...used].sort()).to.deep.equal(['leaders', 'middle', 'trailing']);
  });

  it('computedBlocks falls back to tier_N, never the label text, for labels without a code', () => {
    const [block] = blocks(labels.map(({ vi, en }) => ({ vi, en })));
    expect(block!.tiers.map((t) => t.code)).to.deep.equal(['tier_1', 'tier_2', 'tier_3']);
  });
});
