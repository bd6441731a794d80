import { expect } from 'chai';
import { methodologyHash } from '#scoring/methodology/hash.js';
import { prepare } from '#scoring/prepare.js';
import { prepareScores } from '#scoring/prepare-scores.js';
import { ddciDemo, ddciTable } from './support/ddci.js';

describe('prepare', () => {
  const m = ddciDemo();
  const table = ddciTable(m, 2025);

  it('prepare(m, table).hash equals methodologyHash(m) on the first and later calls', () => {
    expect(prepare(m, table).hash).to.equal(methodologyHash(m));
    expect(prepare(m, ddciTable(m, 2024)).hash).to.equal(methodologyHash(m));
  });

  it('prepare(copy, table) hashes a changed copy of a methodology afresh', () => {
    const first = prepare(m, table).hash;
    const heavier = structuredClone(m);
    heavier.tree.children[0]!.weight = 3;
    expect(prepare(heavier, table).hash).to.equal(methodologyHash(heavier)).and.not.equal(first);
  });

  it('prepare(m, table) gives the scores prepareScores(m, table) gives, block by block', () => {
    const full = prepare(m, table);
    prepareScores(m, table).blocks.forEach((b, i) => {
      expect(b.units).to.deep.equal(full.blocks[i]!.units);
      b.tree.indicators.forEach((at) => expect(b.scores[at]).to.deep.equal(full.blocks[i]!.scores[at]));
    });
  });
});
