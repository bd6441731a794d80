import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { sipasVisit2026 } from '#surveys/shipped.js';
import { CLI_ACTOR } from '#server/auth/actor.js';
import { readCsvBuffer } from '#server/collection/import-read.js';
import { blocks, families, units } from '#server/db/schema/index.js';
import { editionHardData, familyPeriod } from '#server/delivery/edition-hard.js';
import { importDelivery } from '#server/delivery/store.js';
import { openPeriodEdition } from '#server/monthly/editions.js';
import { editionTitle } from '#server/releases/title.js';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from '#test/support/db.js';
import { createTestUser } from '#test/support/users.js';
import { workspaceApp } from '#test/server/auth/support.js';

const FAMILY = 'svc-quarter-test';

describeEachDatabase('quarterly editions of a service family (a setting)', (ctx) => {
  let app: Express;
  let bearer: string;

  before(async () => {
    app = workspaceApp(ctx.database);
    bearer = (await createTestUser(ctx.database.db, 'admin')).bearer;
    const created = await request(app)
      .post('/api/v1/admin/families')
      .set('authorization', bearer)
      .send({ code: FAMILY, kind: 'service', nameVi: 'Phục vụ quý', nameEn: 'Quarterly service' });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const [f] = await ctx.database.db.select().from(families).where(eq(families.code, FAMILY));
    const [b] = await ctx.database.db
      .insert(blocks)
      .values({ familyId: f!.id, code: 'centres', nameVi: 'Trung tâm', nameEn: 'Centres' })
      .returning();
    await ctx.database.db.insert(units).values([
      { blockId: b!.id, code: 'Q_A', nameVi: 'TT A', nameEn: 'A' },
      { blockId: b!.id, code: 'Q_NEW', nameVi: 'TT mới', nameEn: 'New', validFrom: '2026-06-15' },
    ]);
  });

  it('a service family publishes by month until PATCH /admin/families/:family sets editionPeriod quarter', async () => {
    expect(await familyPeriod(ctx.database.db, FAMILY)).to.equal('month');
    const res = await request(app)
      .patch(`/api/v1/admin/families/${FAMILY}`)
      .set('authorization', bearer)
      .send({ editionPeriod: 'quarter' });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(await familyPeriod(ctx.database.db, FAMILY)).to.equal('quarter');
    const bad = await request(app)
      .patch(`/api/v1/admin/families/${FAMILY}`)
      .set('authorization', bearer)
      .send({ editionPeriod: 'week' });
    expect(bad.status).to.equal(422);
    expect(bad.body.error.details[0].path).to.equal('/editionPeriod');
  });

  it('a quarter edition (named by its last month) spans three months and lists centres open in any of them', async () => {
    const edition = await openPeriodEdition(ctx.database.db, {
      family: FAMILY,
      period: 202606,
      definition: sipasVisit2026,
    });
    expect(edition).to.include({ opensOn: '2026-04-01', closesOn: '2026-06-30', year: 202606 });
    expect([...edition.unitIds.keys()].sort()).to.deep.equal(['centres/Q_A', 'centres/Q_NEW']);
  });

  it('its hard data adds up the months: procedures summed, shares weighted by procedures', async () => {
    const csv =
      'centre,month,received,on_time,online,e_result\n' +
      'Q_A,2026-04,100,1,0.5,\nQ_A,2026-05,300,0.8,0.5,\nQ_A,2026-06,,0.9,,0.7\nQ_A,2026-07,999,0,0,0\n';
    await importDelivery(ctx.database.db, CLI_ACTOR, FAMILY, readCsvBuffer(Buffer.from(csv)), '2026-12-01');
    const hard = await editionHardData(ctx.database.db, FAMILY, 202606);
    expect(hard!.received!.Q_A).to.equal(400);
    // (1·100 + 0.8·300 + 0.9·1) / (100 + 300 + 1): a month without a count weighs 1.
    expect(hard!.on_time!.Q_A).to.be.closeTo((100 + 240 + 0.9) / 401, 1e-12);
    expect(hard!.online!.Q_A).to.be.closeTo(0.5, 1e-12);
    expect(hard!.e_result!.Q_A).to.be.closeTo(0.7, 1e-12);
    expect(await editionHardData(ctx.database.db, FAMILY, 2026)).to.equal(undefined);
  });

  it('editionTitle names a quarter "quý 2/2026" / "Q2 2026"', () => {
    const t = editionTitle(
      { vi: 'Phục vụ (thử nghiệm, demo)', en: 'Service (test, demo)' },
      202606,
      'quarter',
    );
    expect(t).to.deep.equal({
      vi: 'Phục vụ quý 2/2026 (thử nghiệm, demo)',
      en: 'Service Q2 2026 (test, demo)',
    });
  });
});
