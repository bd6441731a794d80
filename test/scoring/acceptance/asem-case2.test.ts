import { expect } from 'chai';
import { toColumn } from '#scoring/column.js';
import { computeIndex } from '#scoring/compute.js';
import { denominate } from '#scoring/treat/denominate.js';
import { impute } from '#scoring/treat/impute.js';
import { screen } from '#scoring/treat/screen.js';
import { ASEM_INDICATORS, asemDataset, asemMethodology, asemTable } from '#test/scoring/support/asem.js';
import { expectClose } from '#test/scoring/support/close.js';
import { cell, fixture, readCsv } from '#test/scoring/support/csv.js';

const DIR = 'asem/case2_example_coin';
const meta = () => readCsv(fixture('asem/input/ASEM_iMeta.csv'));

describe('ASEM case 2 (COINr example coin)', () => {
  const table = asemTable();
  const codes = ASEM_INDICATORS();
  const units = table.units.map((u) => u.code);
  const denominated = new Map<string, Float64Array>();
  for (const r of meta().filter((r) => r.Type === 'Indicator')) {
    const x = toColumn(table.values[r.iCode!]!);
    denominated.set(r.iCode!, r.Denominator ? denominate(x, toColumn(table.values[r.Denominator]!)) : x);
  }
  const imputed = new Map(
    codes.map((c) => [
      c,
      impute(
        denominated.get(c)!,
        'groupMean',
        table.units.map((u) => u.groups!.EurAsia_group),
      ).x,
    ]),
  );

  function expectDataset(path: string, actual: (code: string, i: number) => number | null | undefined) {
    const expected = asemDataset(path);
    units.forEach((unit, i) => {
      for (const code of codes)
        expectClose(actual(code, i), cell(expected.get(unit)![code]), `${unit} ${code}`);
    });
  }
  const asCell = (v: number) => (Number.isFinite(v) ? v : null);

  it('denominate(x, D) reproduces denominated.csv', () => {
    expectDataset(`${DIR}/denominated.csv`, (code, i) => asCell(denominated.get(code)![i]!));
  });

  it('impute(x, "groupMean", EurAsia_group) reproduces imputed.csv', () => {
    expectDataset(`${DIR}/imputed.csv`, (code, i) => asCell(imputed.get(code)![i]!));
  });

  it('screen(columns, 0.9) keeps every unit, as screened.csv and screen_removed_units.txt say', () => {
    const keep = screen(
      codes.map((c) => imputed.get(c)!),
      0.9,
    );
    expect(keep.every(Boolean)).to.equal(true);
    expect(readCsv(fixture(`${DIR}/screened.csv`))).to.have.length(51);
  });

  const m = asemMethodology(
    {
      imputation: { method: 'groupMean', group: 'EurAsia_group' },
      screening: { minAvailability: 0.9 },
      treatment: { method: 'jrc', winmax: 5 },
    },
    true,
  );
  const block = computeIndex(m, table).blocks.all!;

  it('computeIndex(example coin) reproduces treated.csv', () => {
    expectDataset(`${DIR}/treated.csv`, (code, i) => block.nodes[code]!.treated![i]);
  });

  it('computeIndex(example coin) reproduces every row of treat_details.csv', () => {
    const rows = readCsv(fixture(`${DIR}/treat_details.csv`));
    expect(block.treatment).to.have.length(rows.length);
    for (const row of rows) {
      const t = block.treatment.find((t) => t.code === row.iCode)!;
      expect(t.passBefore, row.iCode).to.equal(row['check_SkewKurt0.Pass'] === 'TRUE');
      expectClose(t.skewBefore, cell(row['check_SkewKurt0.Skew']), `${row.iCode} skew0`);
      expectClose(t.kurtBefore, cell(row['check_SkewKurt0.Kurt']), `${row.iCode} kurt0`);
      expect(t.nwin, row.iCode).to.equal(cell(row['winsorise.nwin']) ?? 0);
      const after = row['check_SkewKurt1.Pass'];
      expect(t.passAfter, row.iCode).to.equal(after === '' ? null : after === 'TRUE');
      expectClose(t.skewAfter, cell(row['check_SkewKurt1.Skew']), `${row.iCode} skew1`);
      expectClose(t.kurtAfter, cell(row['check_SkewKurt1.Kurt']), `${row.iCode} kurt1`);
    }
    expect(
      block.treatment.filter((t) => t.method === 'winsorise').map((t) => [t.code, t.nwin]),
    ).to.deep.equal([
      ['Flights', 1],
      ['Bord', 3],
      ['Gas', 3],
      ['Services', 4],
      ['FDI', 2],
      ['ForPort', 3],
      ['CostImpEx', 1],
      ['Tariff', 3],
      ['StMob', 2],
      ['CultServ', 3],
      ['Forest', 2],
      ['Poverty', 3],
      ['NGOs', 3],
      ['FemLab', 1],
      ['PubDebt', 1],
    ]);
  });

  it('computeIndex(example coin) reproduces treated_points.csv', () => {
    const expected = asemDataset(`${DIR}/treated_points.csv`);
    units.forEach((unit, i) => {
      for (const code of codes) {
        const t = block.treatment.find((t) => t.code === code)!;
        expect(t.points[i] ?? '', `${unit} ${code}`).to.equal(expected.get(unit)![code]);
      }
    });
  });

  it('computeIndex(example coin) reproduces normalised.csv', () => {
    expectDataset(`${DIR}/normalised.csv`, (code, i) => block.nodes[code]!.values[i]);
  });

  it('computeIndex(example coin) reproduces scores.csv (aggregates and ranks)', () => {
    const rows = readCsv(fixture(`${DIR}/scores.csv`));
    const aggregates = Object.keys(rows[0]!).filter((k) => k !== 'uCode' && k !== 'Rank');
    for (const row of rows) {
      const i = units.indexOf(row.uCode!);
      for (const code of aggregates)
        expectClose(block.nodes[code]!.values[i], cell(row[code]), `${row.uCode} ${code}`);
      expect(block.nodes.Index!.ranks[i], row.uCode).to.equal(Number(row.Rank));
    }
  });

  it('computeIndex(example coin) flags imputed cells and leaves no reason on them', () => {
    const flagged = codes.flatMap((c) =>
      block.nodes[c]!.imputed!.map((f, i) => [f, block.nodes[c]!.reasons[i]]),
    );
    const imputedCells = flagged.filter(([f]) => f);
    expect(imputedCells.length).to.be.greaterThan(0);
    expect(imputedCells.every(([, r]) => r === null)).to.equal(true);
  });
});
