import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Express } from 'express';
import request from 'supertest';
import type { RowError } from '#api/collection-admin.js';
import { responseRatings, responses, surveyCodes } from '#server/db/schema/index.js';
import { describeEachDatabase } from '#test/support/db.js';
import { mixNow } from './mix.js';
import { ANALYST_TOKEN, issue, publishEdition, seedFamily, testApp } from './support.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fixture = (name: string, codes: Record<string, string>): string =>
  readFileSync(new URL(`../../fixtures/surveys/${name}`, import.meta.url), 'utf8').replace(
    /\{\{(\w+)\}\}/g,
    (_, k: string) => codes[k] ?? '',
  );

describeEachDatabase('paper and phone import', (ctx) => {
  let app: Express;
  let slug: string;
  // Imported forms wait with online ones for the mixer; mixNow stores whatever is pending.
  const stored = async () => {
    await mixNow(ctx.database.db);
    return (await ctx.database.db.select({ n: count() }).from(responses))[0]!.n;
  };
  const upload = (body: string | Buffer, type: string, query = '') =>
    request(app)
      .post(`/api/v1/admin/survey-editions/${slug}/imports${query}`)
      .set('authorization', `Bearer ${ANALYST_TOKEN}`)
      .set('content-type', type)
      .send(body);

  before(async () => {
    await seedFamily(ctx.database.db);
    app = testApp(ctx.database).app;
    slug = await publishEdition(app);
  });

  it('GET import-template.csv lists the columns generated from the definition', async () => {
    const res = await request(app)
      .get(`/api/v1/admin/survey-editions/${slug}/import-template.csv`)
      .set('authorization', `Bearer ${ANALYST_TOKEN}`);
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.match(/text\/csv/);
    const header = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(',');
    expect(header.slice(0, 4)).to.deep.equal(['survey_code', 'channel', 'CONSENT', 'BLOCK']);
    expect(header).to.include.members(['R_DEPT.1.UNIT', 'R_DEPT.3.HD3', 'R_LOC.2.DT3', 'A1', 'C2']);
    expect(header).not.to.include('UNITS_DEPT');
    expect(header).not.to.include('R_DEPT.4.UNIT');
  });

  it('imports a good CSV: every row stored with its channel, codes marked used', async () => {
    const [c1, c2, c3] = await issue(app, slug, { count: 3 });
    const res = await upload(fixture('paper-good.csv', { CODE1: c1!, CODE2: c2!, CODE3: c3! }), 'text/csv');
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.deep.equal({ imported: 3, byChannel: { paper: 2, phone: 1 } });
    expect(await stored()).to.equal(3);
    const channels = await ctx.database.db.select({ channel: responses.channel }).from(responses);
    expect(channels.map((c) => c.channel).sort()).to.deep.equal(['paper', 'paper', 'phone']);
    const used = await ctx.database.db
      .select({ n: count() })
      .from(surveyCodes)
      .where(eq(surveyCodes.used, true));
    expect(used[0]!.n).to.equal(3);
    const tax = await ctx.database.db
      .select({ value: responseRatings.value, dk: responseRatings.dontKnow })
      .from(responseRatings)
      .where(eq(responseRatings.item, 'TR1'));
    expect(tax.map((t) => [t.value, t.dk]).sort()).to.deep.equal(
      [
        [2, false],
        [4, false],
        [null, true],
      ].sort(),
    );
  });

  it('re-importing a file is refused row by row (codes already used) and stores nothing', async () => {
    const [c1, c2, c3] = await issue(app, slug, { count: 3 });
    const text = fixture('paper-good.csv', { CODE1: c1!, CODE2: c2!, CODE3: c3! });
    expect((await upload(text, 'text/csv')).status).to.equal(201);
    const before = await stored();
    const res = await upload(text, 'text/csv');
    expect(res.status).to.equal(422);
    expect((res.body.error.details as RowError[]).map((d) => [d.line, d.column, d.code])).to.deep.equal([
      [2, 'survey_code', 'code_used'],
      [3, 'survey_code', 'code_used'],
      [4, 'survey_code', 'code_used'],
    ]);
    expect(await stored()).to.equal(before);
  });

  it('reports bad rows by line, item and bilingual message, and stores none of the file', async () => {
    const [c1, c2, c3, c4] = await issue(app, slug, { count: 4 });
    const typo = c4!.slice(0, 3) + (c4![3] === 'A' ? 'B' : 'A') + c4!.slice(4);
    const before = await stored();
    const res = await upload(
      fixture('paper-bad.csv', { CODE1: c1!, CODE2: c2!, CODE3: c3!, TYPO: typo }),
      'text/csv',
    );
    expect(res.status).to.equal(422);
    expect(res.body.error.code).to.equal('import_failed');
    const details = res.body.error.details as RowError[];
    const got = details.map((d) => `${d.line} ${d.column} ${d.code}`);
    expect(got).to.include.members([
      '3 R_DEPT.1.TR1 not_in_scale',
      '4 A1 required',
      '5 survey_code code_check_failed',
      '6 channel invalid_channel',
      '6 R_DEPT.1.UNIT unknown_unit',
      '6 survey_code duplicate_code',
    ]);
    expect(got.some((g) => g.startsWith('2 '))).to.equal(false);
    for (const d of details) {
      expect(d.message.vi).to.be.a('string').and.not.equal(d.message.en);
      // The file problem every importer reports, and a field error naming the cell.
      expect([d.file, d.path]).to.deep.equal(['upload', `/rows/${d.line}/${d.column}`]);
    }
    expect(await stored()).to.equal(before);
    const used = await ctx.database.db
      .select({ n: count() })
      .from(surveyCodes)
      .where(eq(surveyCodes.used, true));
    expect(used[0]!.n).to.equal(6);
  });

  it('refuses a file with an unknown column before reading any row', async () => {
    const res = await upload('survey_code,CONSENT,EVIL\r\nx,1,2\r\n', 'text/csv');
    expect(res.status).to.equal(422);
    expect(res.body.error.details[0]).to.include({ line: 1, column: 'EVIL', code: 'unknown_column' });
  });

  it('imports an XLSX filled in from the downloaded template; formula cells are refused', async () => {
    const template = await request(app)
      .get(`/api/v1/admin/survey-editions/${slug}/import-template.xlsx`)
      .set('authorization', `Bearer ${ANALYST_TOKEN}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(template.status).to.equal(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.body as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const [c1, c2] = await issue(app, slug, { count: 2 });
    const row = (values: Record<string, string | number | ExcelJS.CellFormulaValue>) =>
      header.map((h) => values[h] ?? null);
    const form = {
      CONSENT: 1,
      BLOCK: 1,
      'R_DEPT.1.UNIT': 'SO_KHDT',
      'R_DEPT.1.TR1': 5,
      'R_DEPT.1.TR4': 2,
      'R_DEPT.1.BS1': 2,
      A1: 1,
      A2: 2,
      A3: 3,
    };
    sheet.addRow(row({ ...form, survey_code: c1! }));
    const save = async () => Buffer.from(await workbook.xlsx.writeBuffer());
    const withFormula = new ExcelJS.Workbook();
    await withFormula.xlsx.load((await save()) as unknown as ArrayBuffer);
    withFormula.worksheets[0]!.addRow(
      row({ ...form, survey_code: c2!, A2: { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue }),
    );
    const refused = await upload(Buffer.from(await withFormula.xlsx.writeBuffer()), XLSX, '?channel=phone');
    expect(refused.status).to.equal(422);
    expect(refused.body.error.details[0]).to.include({ line: 3, column: 'A2', code: 'formula' });
    const before = await stored();
    const res = await upload(await save(), XLSX, '?channel=phone');
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.deep.equal({ imported: 1, byChannel: { phone: 1 } });
    expect(await stored()).to.equal(before + 1);
  });

  it('refuses an upload that is neither CSV nor XLSX, and an empty one', async () => {
    expect((await upload(Buffer.from('PK\u0003\u0004garbage'), XLSX)).body.error.code).to.equal(
      'import_unreadable',
    );
    expect((await upload('', 'text/csv')).status).to.equal(400);
  });
});
