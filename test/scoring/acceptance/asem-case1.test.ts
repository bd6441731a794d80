import { expect } from 'chai';
import { computeIndex } from '#scoring/compute.js';
import { effectiveWeights } from '#scoring/aggregate/effective-weights.js';
import { ASEM_INDICATORS, asemDataset, asemMethodology, asemTable } from '#test/scoring/support/asem.js';
import { expectClose } from '#test/scoring/support/close.js';
import { cell, fixture, readCsv } from '#test/scoring/support/csv.js';

describe('ASEM case 1 (min-max [0, 100], arithmetic means)', () => {
  const m = asemMethodology();
  const result = computeIndex(m, asemTable());
  const block = result.blocks.all!;
  const at = (unit: string) => block.units.indexOf(unit);

  it('computeIndex(asem) reproduces every normalised value of normalised.csv', () => {
    const expected = asemDataset('asem/case1_minmax_amean/normalised.csv');
    let checked = 0;
    for (const [unit, row] of expected) {
      for (const code of ASEM_INDICATORS()) {
        expectClose(block.nodes[code]!.values[at(unit)], cell(row[code]), `${unit} ${code}`);
        checked++;
      }
    }
    expect(checked).to.equal(51 * 49);
  });

  it('computeIndex(asem) keeps the 63 missing indicator values missing, with reason "missing"', () => {
    const missing = ASEM_INDICATORS().flatMap((code) =>
      block.nodes[code]!.reasons.filter((r) => r === 'missing'),
    );
    expect(missing).to.have.length(63);
  });

  it('computeIndex(asem) reproduces every aggregate and rank of scores.csv', () => {
    const rows = readCsv(fixture('asem/case1_minmax_amean/scores.csv'));
    const aggregates = Object.keys(rows[0]!).filter((k) => k !== 'uCode' && k !== 'Rank');
    for (const row of rows) {
      for (const code of aggregates)
        expectClose(block.nodes[code]!.values[at(row.uCode!)], cell(row[code]), code);
      expect(block.nodes.Index!.ranks[at(row.uCode!)], row.uCode).to.equal(Number(row.Rank));
    }
    expect(rows[0]!.uCode).to.equal('DEU');
  });

  it('effectiveWeights(tree) reproduces effective_weights.csv', () => {
    const weights = effectiveWeights(m.tree);
    const rows = readCsv(fixture('asem/case1_minmax_amean/effective_weights.csv'));
    expect(rows).to.have.length(60);
    for (const row of rows) {
      expectClose(weights[row.iCode!], Number(row.EffWeight), row.iCode!);
      expectClose(block.nodes[row.iCode!]!.effectiveWeight, Number(row.EffWeight), row.iCode!);
    }
  });

  it('computeIndex(asem) records the methodology hash and no NaN or Infinity anywhere', () => {
    expect(result.methodology.hash).to.match(/^[0-9a-f]{64}$/);
    const text = JSON.stringify(result);
    expect(text).not.to.match(/NaN|Infinity/);
  });
});
