import { expect } from 'chai';
import { blockFrames } from '#scoring/block-frame.js';
import { prepareBlock } from '#scoring/prepare-block.js';
import type { DataTable } from '#scoring/types.js';
import { asemMethodology, asemTable } from './support/asem.js';

describe('prepareBlock', () => {
  const m = asemMethodology(
    {
      imputation: { method: 'groupMean', group: 'EurAsia_group' },
      screening: { minAvailability: 0.9 },
      treatment: { method: 'jrc', winmax: 5 },
    },
    true,
  );
  const table = asemTable();

  it('prepareBlock(m, frame, other) with the frame of a table with the same units, n and denominators equals its own frame', () => {
    // Another table over the same units (as a bootstrap resample): every indicator value scaled, some removed;
    // denominators (hard series) unchanged.
    const codes = new Set(blockFrames(m, table)[0]!.leaves.map((ind) => ind.code));
    const values = Object.fromEntries(
      Object.entries(table.values).map(([code, col]) => [
        code,
        codes.has(code)
          ? Array.from(col, (v, i) => (v === null || i % 7 === 3 ? null : v * (1 + (i % 5) / 10)))
          : col,
      ]),
    );
    const other: DataTable = { ...table, values };
    const reused = blockFrames(m, table).map((f) => prepareBlock(m, f, other, null, {}));
    const own = blockFrames(m, other).map((f) => prepareBlock(m, f, other, null, {}));
    expect(reused).to.deep.equal(own);
  });

  it('prepareBlock(m, frame, table) imputes before screening and treats after', () => {
    const [steps] = blockFrames(m, table).map((f) => prepareBlock(m, f, table, null, {}));
    const imputed = steps!.imputed.flatMap((col) => col ?? []).filter(Boolean).length;
    expect(imputed).to.be.above(0);
    expect(steps!.treatment.length).to.be.above(0);
    steps!.screened.forEach((code) => {
      const j = blockFrames(m, table)[0]!.units.indexOf(code);
      expect(steps!.unitReasons[j]).to.equal('screened');
      expect(steps!.scores.every((s) => Number.isNaN(s[j]))).to.equal(true);
    });
  });
});
