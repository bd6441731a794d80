import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { eq } from 'drizzle-orm';
import { auditLog, units } from '#server/db/schema/index.js';
import { describeEachDatabase } from '#test/support/db.js';
import { createTestUser, type TestUser } from '#test/support/users.js';
import { workspaceApp } from '#test/server/auth/support.js';

describeEachDatabase('a province sets up its own DDCI', (ctx) => {
  let app: Express;
  let admin: TestUser;
  const api = (m: 'get' | 'post' | 'patch' | 'put', path: string) =>
    request(app)[m](`/api/v1/admin${path}`).set('authorization', admin.bearer);

  before(async () => {
    app = workspaceApp(ctx.database);
    admin = await createTestUser(ctx.database.db, 'admin');
  });

  it('POST /families, /blocks and /units create a family with bilingual units and validity, audited', async () => {
    expect(
      (
        await api('post', '/families').send({
          code: 'ddci-qn',
          nameVi: 'DDCI Quảng Ninh',
          nameEn: 'Quang Ninh DDCI',
        })
      ).status,
    ).to.equal(201);
    expect(
      (
        await api('post', '/families/ddci-qn/blocks').send({
          code: 'departments',
          nameVi: 'Sở, ngành',
          nameEn: 'Departments',
        })
      ).status,
    ).to.equal(201);
    const unit = await api('post', '/families/ddci-qn/blocks/departments/units').send({
      code: 'SO_TC',
      nameVi: 'Sở Tài chính',
      nameEn: 'Department of Finance',
      validFrom: '2025-03-01',
    });
    expect(unit.status).to.equal(201);
    expect(unit.body.units).to.deep.include({
      id: unit.body.units[0].id,
      block: 'departments',
      code: 'SO_TC',
      name: { vi: 'Sở Tài chính', en: 'Department of Finance' },
      officialCode: null,
      validFrom: '2025-03-01',
      validTo: null,
    });
    const actions = (
      await ctx.database.db.select().from(auditLog).where(eq(auditLog.familyCode, 'ddci-qn'))
    ).map((a) => a.action);
    expect(actions).to.include.members(['family.create', 'block.create', 'unit.create']);
  });

  it('refuses a reversed validity range and a taken code, naming the field, and writes nothing', async () => {
    const reversed = await api('post', '/families/ddci-qn/blocks/departments/units').send({
      code: 'SO_XD',
      nameVi: 'Sở Xây dựng',
      nameEn: 'Construction',
      validFrom: '2025-02-01',
      validTo: '2024-01-01',
    });
    expect(reversed.status).to.equal(422);
    expect(reversed.body.error.details[0].path).to.equal('/validTo');
    const dup = await api('post', '/families').send({ code: 'ddci-qn', nameVi: 'x', nameEn: 'x' });
    expect(dup.body.error.details[0]).to.include({ path: '/code', code: 'already_exists' });
    expect(await ctx.database.db.select().from(units).where(eq(units.code, 'SO_XD'))).to.have.length(0);
  });

  it('PUT /units/:code updates a unit and audits before and after', async () => {
    const res = await api('put', '/families/ddci-qn/blocks/departments/units/SO_TC').send({
      nameVi: 'Sở Tài chính QN',
      nameEn: 'Department of Finance',
      validTo: '2030-12-31',
    });
    expect(res.status).to.equal(200);
    const audit = await request(app)
      .get('/api/v1/admin/audit?action=unit.update')
      .set('authorization', admin.bearer);
    expect(audit.body.entries[0].changes).to.deep.include({
      field: 'nameVi',
      before: 'Sở Tài chính',
      after: 'Sở Tài chính QN',
    });
  });

  it('POST /units.csv reports every bad row by line and column and writes none of the file', async () => {
    const csv =
      'block,code,name_vi,name_en,valid_from\ndepartments,SO_KHDT,Sở Kế hoạch,Planning,\nnowhere,X1,Tên,Name,\ndepartments,SO_YT,,Health,2025-13-45\n';
    const res = await api('post', '/families/ddci-qn/units.csv').type('text/csv').send(csv);
    expect(res.status).to.equal(422);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal([
      '/rows/3/block',
      '/rows/4/name_vi',
      '/rows/4/valid_from',
    ]);
    expect(await ctx.database.db.select().from(units).where(eq(units.code, 'SO_KHDT'))).to.have.length(0);
  });

  it('POST /units.csv and /lineage.csv import units and a rename, idempotently', async () => {
    const csv =
      'block,code,name_vi,name_en,valid_from,valid_to\ndepartments,SO_KHDT,Sở Kế hoạch và Đầu tư,Planning and Investment,,2025-02-28\ndepartments,SO_TC,Sở Tài chính QN,Department of Finance,,2030-12-31\n';
    const first = await api('post', '/families/ddci-qn/units.csv').type('text/csv').send(csv);
    expect(first.body).to.deep.equal({ rows: 2, created: 1, updated: 0, unchanged: 1 });
    const lineage =
      'event,date,from_block,from_code,to_block,to_code,note_vi,note_en\nmerge,2025-03-01,departments,SO_KHDT,departments,SO_TC,Hợp nhất,Merged\n';
    expect(
      (await api('post', '/families/ddci-qn/lineage.csv').type('text/csv').send(lineage)).body,
    ).to.include({ created: 1 });
    expect(
      (await api('post', '/families/ddci-qn/lineage.csv').type('text/csv').send(lineage)).body,
    ).to.include({ created: 0, unchanged: 1 });
    const detail = await api('get', '/families/ddci-qn');
    expect(detail.body.lineage).to.deep.equal([
      {
        id: detail.body.lineage[0].id,
        event: 'merge',
        date: '2025-03-01',
        from: { block: 'departments', code: 'SO_KHDT' },
        to: { block: 'departments', code: 'SO_TC' },
        note: { vi: 'Hợp nhất', en: 'Merged' },
      },
    ]);
  });

  it('refuses a file that is not UTF-8 instead of storing it garbled', async () => {
    const latin1 = Buffer.from('block,code,name_vi,name_en\ndepartments,SO_X,S\xf4 X,X\n', 'latin1');
    const res = await api('post', '/families/ddci-qn/units.csv').type('text/csv').send(latin1);
    expect(res.status).to.equal(422);
    expect(res.body.error.details[0].code).to.equal('not_utf8');
  });

  it('POST /commune-table imports Quảng Ninh: 54 new units from 1 July 2025 with lineage from old communes', async () => {
    const res = await api('post', '/families/ddci-qn/commune-table').send({
      province: '22',
      newBlock: 'communes',
      oldBlock: 'communes-2024',
      oldLevel: 'commune',
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.include({ province: '22', newUnits: 54 });
    expect(res.body.lineage).to.be.greaterThan(150);
    const detail = await api('get', '/families/ddci-qn');
    const hongGai = detail.body.units.find(
      (u: { block: string; name: { vi: string } }) =>
        u.block === 'communes' && u.name.vi === 'Phường Hồng Gai',
    );
    expect(hongGai).to.include({ validFrom: '2025-07-01' });
    expect(hongGai.name.en).to.equal('Hong Gai Ward');
    const again = await api('post', '/families/ddci-qn/commune-table').send({
      province: '22',
      newBlock: 'communes',
      oldBlock: 'communes-2024',
      oldLevel: 'commune',
    });
    expect(again.body.lineage).to.equal(0);
  });

  it('PUT /boundaries matches GeoJSON features to unit codes and reports the rest', async () => {
    const square = (code: string) => ({
      type: 'Feature',
      properties: { code },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [107, 21],
            [107.1, 21],
            [107.1, 21.1],
            [107, 21],
          ],
        ],
      },
    });
    const res = await api('put', '/families/ddci-qn/blocks/departments/boundaries')
      .set('content-type', 'application/geo+json')
      .send(JSON.stringify({ type: 'FeatureCollection', features: [square('SO_TC'), square('NOPE')] }));
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body).to.deep.include({ block: 'departments', features: 2, matched: 1, unknown: ['NOPE'] });
    expect(res.body.missing).to.deep.equal(['SO_KHDT']);
  });

  it('a viewer may read the setup but not change it', async () => {
    const viewer = await createTestUser(ctx.database.db, 'viewer');
    expect(
      (await request(app).get('/api/v1/admin/families').set('authorization', viewer.bearer)).status,
    ).to.equal(200);
    const res = await request(app)
      .post('/api/v1/admin/families')
      .set('authorization', viewer.bearer)
      .send({ code: 'ddci-x', nameVi: 'x', nameEn: 'x' });
    expect(res.status).to.equal(403);
  });
});
