import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { Express } from 'express';
import request from 'supertest';
import { eq } from 'drizzle-orm';
import { auditLog, serviceDelivery } from '#server/db/schema/index.js';
import { describeEachDatabase } from '#test/support/db.js';
import { createTestUser, type TestUser } from '#test/support/users.js';
import { workspaceApp } from '#test/server/auth/support.js';

const FAMILY = 'svc-delivery-test';
const HEADER = 'centre,month,received,on_time,online,e_result';

describeEachDatabase('POST /admin/families/:family/delivery imports service-delivery figures', (ctx) => {
  let app: Express;
  let admin: TestUser;
  const api = (m: 'get' | 'post', path: string) =>
    request(app)[m](`/api/v1/admin/families/${FAMILY}${path}`).set('authorization', admin.bearer);
  const upload = (csv: string) => api('post', '/delivery').set('content-type', 'text/csv').send(csv);
  const stored = async () => (await api('get', '/delivery')).body.rows;

  before(async () => {
    app = workspaceApp(ctx.database);
    admin = await createTestUser(ctx.database.db, 'admin');
    const admins = (m: 'post', path: string) =>
      request(app)[m](`/api/v1/admin${path}`).set('authorization', admin.bearer);
    await admins('post', '/families').send({ code: FAMILY, nameVi: 'Dịch vụ', nameEn: 'Service' });
    await admins('post', `/families/${FAMILY}/blocks`).send({
      code: 'centres',
      nameVi: 'Trung tâm',
      nameEn: 'Centres',
    });
    const unit = (code: string, validTo?: string) =>
      admins('post', `/families/${FAMILY}/blocks/centres/units`).send({
        code,
        nameVi: `Trung tâm ${code}`,
        nameEn: `Centre ${code}`,
        validFrom: '2020-01-01',
        ...(validTo ? { validTo } : {}),
      });
    await unit('TT01');
    await unit('TT02');
    await unit('HUYEN_OLD', '2025-06-30');
  });

  it('stores a good file (decimal shares, percentages, a decimal comma, an empty cell) and audits it', async () => {
    const res = await upload(
      `${HEADER}\nTT01,2026-01,1520,0.97,62%,"0,88"\nTT02,2026-01,830,0.91,,0.75\nTT01,2026-02,1400,0.95,0.64,0.9\n`,
    );
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.deep.equal({ imported: 3, months: ['2026-01', '2026-02'] });
    expect(await stored()).to.deep.include({
      block: 'centres',
      centre: 'TT01',
      month: '2026-01',
      received: 1520,
      onTime: 0.97,
      online: 0.62,
      eResult: 0.88,
    });
    expect((await stored()).find((r: { centre: string }) => r.centre === 'TT02').online).to.equal(null);
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.familyCode, FAMILY));
    expect(audit.map((a) => a.action)).to.include('delivery.import');
  });

  it('a corrected file replaces the figures of the centre and month it names', async () => {
    expect((await upload(`${HEADER}\nTT01,2026-01,1600,0.98,0.63,0.89\n`)).status).to.equal(201);
    const rows = (await api('get', '/delivery?month=2026-01')).body.rows;
    expect(rows).to.have.length(2);
    expect(rows[0]).to.include({ centre: 'TT01', received: 1600, onTime: 0.98 });
  });

  it('reads the same figures from an XLSX workbook', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('data');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['TT02', '2026-02', 900, 0.9, 0.5, 0.7]);
    const res = await api('post', '/delivery')
      .set('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(Buffer.from(await book.xlsx.writeBuffer()));
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect((await api('get', '/delivery?month=2026-02')).body.rows).to.deep.include({
      block: 'centres',
      centre: 'TT02',
      month: '2026-02',
      received: 900,
      onTime: 0.9,
      online: 0.5,
      eResult: 0.7,
    });
  });

  const badRows: Array<[string, string, string, string]> = [
    ['unknown centre', 'TT99,2026-03,10,0.9,0.5,0.5', 'centre', 'unknown_centre'],
    ['centre outside its validity dates', 'HUYEN_OLD,2025-09,10,0.9,0.5,0.5', 'centre', 'centre_not_valid'],
    ['month not YYYY-MM', 'TT01,03/2026,10,0.9,0.5,0.5', 'month', 'invalid_month'],
    ['month 13', 'TT01,2026-13,10,0.9,0.5,0.5', 'month', 'invalid_month'],
    ['month in the future', 'TT01,2099-01,10,0.9,0.5,0.5', 'month', 'future_month'],
    ['negative count', 'TT01,2026-03,-5,0.9,0.5,0.5', 'received', 'invalid_count'],
    ['fractional count', 'TT01,2026-03,10.5,0.9,0.5,0.5', 'received', 'invalid_count'],
    ['share above 1 without %', 'TT01,2026-03,10,97,0.5,0.5', 'on_time', 'invalid_share'],
    ['percentage above 100', 'TT01,2026-03,10,0.9,120%,0.5', 'online', 'invalid_share'],
    ['share not a number', 'TT01,2026-03,10,0.9,0.5,=1+1', 'e_result', 'invalid_share'],
    ['row without figures', 'TT01,2026-03,,,,', 'received', 'no_values'],
  ];
  for (const [what, row, column, code] of badRows) {
    it(`refuses a file with a ${what} (${code} on line 3, column ${column}) and stores nothing`, async () => {
      const before = await ctx.database.db.select().from(serviceDelivery);
      const res = await upload(`${HEADER}\nTT02,2026-03,100,0.9,0.5,0.5\n${row}\n`);
      expect(res.status).to.equal(422);
      expect(res.body.error.code).to.equal('import_failed');
      expect(res.body.error.details[0]).to.include({ line: 3, column, code });
      expect(res.body.error.details[0].message.vi).to.be.a('string').and.not.equal('');
      expect(res.body.error.details[0].message.en).to.be.a('string').and.not.equal('');
      expect(await ctx.database.db.select().from(serviceDelivery)).to.have.length(before.length);
    });
  }

  it('refuses a centre and month repeated within the file, naming the earlier line', async () => {
    const res = await upload(`${HEADER}\nTT02,2026-03,100,0.9,0.5,0.5\nTT02,2026-03,90,0.9,0.5,0.5\n`);
    expect(res.status).to.equal(422);
    expect(res.body.error.details[0]).to.include({ line: 3, column: 'month', code: 'duplicate_row' });
    expect(res.body.error.details[0].message.en).to.contain('line 2');
  });

  it('refuses a header with a missing or an unknown column', async () => {
    const res = await upload('centre,month,received,on_time,online,extra\nTT01,2026-03,1,1,1,1\n');
    expect(res.status).to.equal(422);
    const codes = res.body.error.details.map(
      (d: { code: string; column: string }) => `${d.code}:${d.column}`,
    );
    expect(codes).to.have.members(['unknown_column:extra', 'missing_column:e_result']);
  });

  it('refuses a formula cell in an XLSX workbook', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('data');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['TT02', '2026-03', 100, { formula: '0.5+0.4' }, 0.5, 0.5]);
    const res = await api('post', '/delivery')
      .set('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(Buffer.from(await book.xlsx.writeBuffer()));
    expect(res.status).to.equal(422);
    expect(res.body.error.details[0]).to.include({ line: 2, column: 'on_time', code: 'formula' });
  });

  it('refuses an unreadable file, and an upload by a viewer (403)', async () => {
    const broken = await api('post', '/delivery').set('content-type', 'text/csv').send('"unterminated');
    expect(broken.status).to.equal(422);
    expect(broken.body.error.code).to.be.oneOf(['import_unreadable', 'import_failed']);
    const viewer = await createTestUser(ctx.database.db, 'viewer');
    const forbidden = await request(app)
      .post(`/api/v1/admin/families/${FAMILY}/delivery`)
      .set('authorization', viewer.bearer)
      .set('content-type', 'text/csv')
      .send(`${HEADER}\nTT01,2026-03,1,1,1,1\n`);
    expect(forbidden.status).to.equal(403);
  });
});
