import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import { scores, unitLineage, units } from '#server/db/schema/index.js';
import { PCI_DATA_DIR } from '#server/import/context.js';
import { formatFileProblem } from '#api/file-problem.js';
import { ImportFailed } from '#server/import/issues.js';
import { importFile, shippedPciFiles } from '#server/import/run.js';
import { describeEachDatabase } from '#test/support/db.js';

const dir = mkdtempSync(path.join(tmpdir(), 'import-test-'));
const SCORES = path.join(PCI_DATA_DIR, 'pci-scores-2006-2016.csv');
const scoreLines = readFileSync(SCORES, 'utf8').trimEnd().split('\n');
const header = scoreLines[0]!;
/** A copy of the first rows of the published scores file with `edit` applied to its data lines. */
function scoresFile(name: string, edit: (lines: string[]) => string[], head = header): string {
  const file = path.join(dir, name);
  writeFileSync(file, [head, ...edit(scoreLines.slice(1, 6))].join('\n') + '\n');
  return file;
}

async function failure(db: Db, kind: string, file: string): Promise<string[]> {
  try {
    await importFile(db, kind, file, path.basename(file));
  } catch (e) {
    if (e instanceof ImportFailed) return e.issues.map(formatFileProblem);
    throw e;
  }
  throw new Error('expected the import to fail');
}

const scoreCount = async (db: Db) => (await db.select({ n: count() }).from(scores))[0]!.n;

describeEachDatabase('importFile', (ctx) => {
  const db = () => ctx.database.db;

  before(async () => {
    for (const [kind, file] of shippedPciFiles.slice(0, 3)) await importFile(db(), kind, file);
  });

  it('importFile(db, "pci-units") loads 65 provinces with Hà Tây ending in 2008', async () => {
    const [hatay] = await db().select().from(units).where(eq(units.code, 'hatay'));
    expect(hatay).to.include({ nameVi: 'Hà Tây', validTo: '2008-07-31' });
    expect((await db().select({ n: count() }).from(units))[0]!.n).to.equal(65);
  });

  it('importFile(db, "pci-lineage") links Hà Tây into Hà Nội by a merge dated 2008-08-01', async () => {
    const rows = await db().select().from(unitLineage);
    const ids = new Map((await db().select().from(units)).map((u) => [u.id, u.code]));
    const hatay = rows.find((r) => ids.get(r.fromUnitId) === 'hatay');
    expect(hatay).to.include({ event: 'merge', date: '2008-08-01' });
    expect(ids.get(hatay!.toUnitId!)).to.equal('hanoi');
    expect(rows.filter((r) => r.date === '2025-07-01')).to.have.length(29);
  });

  it('importFile(db, "pci-scores", good file) loads every row and reports counts', async () => {
    const file = scoresFile('good.csv', (l) => l);
    const report = await importFile(db(), 'pci-scores', file);
    expect(report).to.include({ kind: 'pci-scores', rows: 5, updated: 0, unchanged: 0 });
    expect(report.inserted).to.equal(await scoreCount(db()));
  });

  it('importFile(db, kind, same file) a second time changes nothing', async () => {
    const file = scoresFile('good.csv', (l) => l);
    const before = await db().select().from(scores).orderBy(scores.id);
    const report = await importFile(db(), 'pci-scores', file);
    expect(report).to.include({ inserted: 0, updated: 0 });
    expect(await db().select().from(scores).orderBy(scores.id)).to.deep.equal(before);
  });

  it('importFile(db, kind, file with an unknown province key) reports file:line: column and writes nothing', async () => {
    const n = await scoreCount(db());
    const file = scoresFile('unknown.csv', (l) => [
      l[0]!.replace(',binhduong,', ',atlantis,'),
      ...l.slice(1),
    ]);
    expect(await failure(db(), 'pci-scores', file)).to.deep.equal([
      'unknown.csv:2:province_key: unknown province key "atlantis"',
    ]);
    expect(await scoreCount(db())).to.equal(n);
  });

  it('importFile(db, kind, file with a non-numeric score) names the line and column', async () => {
    const file = scoresFile('nan.csv', (l) => [l[0]!, l[1]!.replace(/,9\.168946,/, ',nine,')]);
    expect(await failure(db(), 'pci-scores', file)).to.deep.equal([
      'nan.csv:3:entry_costs: not a number: "nine"',
    ]);
  });

  it('importFile(db, kind, file missing a column) names the column on line 1', async () => {
    const cols = header.split(',');
    const drop = cols.indexOf('pci_weighted');
    const file = scoresFile(
      'missing.csv',
      (l) =>
        l.map((x) =>
          x
            .split(',')
            .filter((_, i) => i !== drop)
            .join(','),
        ),
      cols.filter((_, i) => i !== drop).join(','),
    );
    expect(await failure(db(), 'pci-scores', file)).to.deep.equal([
      'missing.csv:1:pci_weighted: missing column',
    ]);
  });

  it('importFile(db, kind, file with a duplicate row) names both lines', async () => {
    const file = scoresFile('dup.csv', (l) => [l[0]!, l[1]!, l[0]!]);
    expect(await failure(db(), 'pci-scores', file)).to.deep.equal([
      'dup.csv:4:province_key: duplicate row for this year and province (first at line 2)',
    ]);
  });

  it('importFile(db, kind, file with good rows and one bad row) writes none of them', async () => {
    const n = await scoreCount(db());
    const file = scoresFile('mixed.csv', (l) => [
      ...l.map((x) => x.replace(/^2006,/, '2007,')),
      l[0]!.replace(/^2006,/, '2007,').replace(',binhduong,', ',nowhere,'),
    ]);
    const issues = await failure(db(), 'pci-scores', file);
    expect(issues).to.deep.equal(['mixed.csv:7:province_key: unknown province key "nowhere"']);
    expect(await scoreCount(db())).to.equal(n);
  });

  it('importFile(db, kind, file with a province outside its validity) refuses Hà Tây in 2009', async () => {
    const row = scoreLines
      .find((l) => l.startsWith('2008,') && l.includes(',hatay,'))!
      .replace(/^2008,/, '2009,')
      .replace(/,,([^,]*),([^,]*),([^,]*),([^,]*),([^,]*)$/, ',,$1,$2,$3,$4,$5');
    const file = scoresFile('hatay.csv', () => [row]);
    const issues = await failure(db(), 'pci-scores', file);
    expect(issues[0]).to.equal('hatay.csv:2:province_key: province "hatay" did not exist in 2009');
  });

  it('importFile(db, "nonsense") names the known kinds', async () => {
    let message = '';
    await importFile(db(), 'nonsense', SCORES).catch((e: Error) => (message = e.message));
    expect(message).to.match(/unknown import kind "nonsense"; expected one of pci-units, /);
  });
});
