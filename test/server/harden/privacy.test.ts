import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { codeHasher } from '#server/collection/code-hash.js';
import { issueCodes } from '#server/collection/codes.js';
import { requireEdition } from '#server/collection/editions.js';
import { codeFirms } from '#server/db/schema/index.js';
import { exportFirmData, purgeExpiredFirmData } from '#server/privacy/firm-data.js';
import { describeEachDatabase } from '#test/support/db.js';
import { createTestUser } from '#test/support/users.js';
import {
  ANALYST_TOKEN,
  CODE_SECRET,
  publishEdition,
  seedFamily,
  testApp,
} from '#test/server/collection/support.js';

const ADMIN_TOKEN = 'ddci_t_test-admin-token-privacy-0123456789';

describeEachDatabase('firm data: retention, export and deletion on request', (ctx) => {
  let app: Express;
  const hasher = codeHasher(CODE_SECRET);
  const asAdmin = (r: request.Test) => r.set('authorization', `Bearer ${ADMIN_TOKEN}`);

  before(async () => {
    await seedFamily(ctx.database.db);
    await createTestUser(ctx.database.db, 'admin', { username: 'test-admin', token: ADMIN_TOKEN });
    app = testApp(ctx.database).app;
    const slug = await publishEdition(app, { closesOn: '2030-06-30' });
    const e = await requireEdition(ctx.database.db, slug);
    await issueCodes(ctx.database.db, hasher, e.id, [
      { firmRef: 'FIRM-1', size: '2', sector: '3' },
      { firmRef: 'FIRM-1', size: '2', sector: '3' },
      { firmRef: 'FIRM-2', ownership: '1' },
    ]);
  });

  it('exportFirmData(db, hasher, ref) lists what is held about one firm, with the day it will be deleted', async () => {
    const records = await exportFirmData(ctx.database.db, hasher, 'FIRM-1');
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.include({
      firmRef: 'FIRM-1',
      size: '2',
      sector: '3',
      codeUsed: false,
      deletedAfter: '2030-09-28',
    });
  });

  it('GET/DELETE /api/v1/admin/firm-data: admins export and delete a firm’s data; analysts are refused', async () => {
    const refused = await request(app)
      .get('/api/v1/admin/firm-data')
      .query({ firmRef: 'FIRM-1' })
      .set('authorization', `Bearer ${ANALYST_TOKEN}`);
    expect(refused.status).to.equal(403);
    const got = await asAdmin(request(app).get('/api/v1/admin/firm-data').query({ firmRef: 'FIRM-1' }));
    expect(got.status).to.equal(200);
    expect(got.body.records).to.have.length(2);
    const bad = await asAdmin(request(app).get('/api/v1/admin/firm-data'));
    expect(bad.status).to.equal(422);
    const del = await asAdmin(request(app).delete('/api/v1/admin/firm-data').query({ firmRef: 'FIRM-1' }));
    expect(del.body).to.deep.equal({ firmRef: 'FIRM-1', deleted: 2 });
    expect(await exportFirmData(ctx.database.db, hasher, 'FIRM-1')).to.deep.equal([]);
    expect(await exportFirmData(ctx.database.db, hasher, 'FIRM-2')).to.have.length(1);
  });

  it('purgeExpiredFirmData(db, 90, today) deletes firm data 90 days after the edition closed, not before', async () => {
    expect(await purgeExpiredFirmData(ctx.database.db, 90, '2030-09-28')).to.equal(0);
    expect(await purgeExpiredFirmData(ctx.database.db, 90, '2030-09-29')).to.equal(1);
    expect(await ctx.database.db.select().from(codeFirms)).to.deep.equal([]);
  });
});
