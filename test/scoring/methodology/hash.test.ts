import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { canonicalJson } from '#api/canonical-json.js';
import { methodologyHash } from '#scoring/methodology/hash.js';
import { asemMethodology } from '#test/scoring/support/asem.js';

describe('methodologyHash', () => {
  it('methodologyHash(m) is the SHA-256 of canonicalJson(m), as node:crypto computes it', () => {
    const m = asemMethodology();
    const expected = createHash('sha256').update(canonicalJson(m), 'utf8').digest('hex');
    expect(methodologyHash(m)).to.equal(expected);
  });
  it('methodologyHash(m) ignores key order', () => {
    const m = asemMethodology();
    const reordered = JSON.parse(
      JSON.stringify({ tree: m.tree, blocks: m.blocks, name: m.name, version: m.version, id: m.id }),
    );
    expect(methodologyHash(reordered)).to.equal(methodologyHash(m));
  });
  it('methodologyHash(m) changes when a weight changes', () => {
    const m = asemMethodology();
    const other = structuredClone(m);
    other.tree.children[0]!.weight = 2;
    expect(methodologyHash(other)).not.to.equal(methodologyHash(m));
  });
});
