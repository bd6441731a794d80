import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { CLI_ACTOR } from '#server/auth/actor.js';
import { setupServiceCentres } from '#server/visit/setup-centres.js';
import { demoCentres } from '#server/visit/demo-centres.js';
import { describeEachDatabase } from '#test/support/db.js';
import { createTestUser, type TestUser } from '#test/support/users.js';
import { workspaceApp } from '#test/server/auth/support.js';

describeEachDatabase('a service-satisfaction family (kind service)', (ctx) => {
  let app: Express;
  let admin: TestUser;
  const api = (m: 'get' | 'post', path: string) =>
    request(app)[m](`/api/v1/admin${path}`).set('authorization', admin.bearer);

  before(async () => {
    app = workspaceApp(ctx.database);
    admin = await createTestUser(ctx.database.db, 'admin');
  });

  it('POST /families with kind service creates one; the kind defaults to ddci and an unknown kind is a 422', async () => {
    const made = await api('post', '/families').send({
      code: 'sipas-test',
      kind: 'service',
      nameVi: 'Chỉ số hài lòng phục vụ hành chính',
      nameEn: 'Service satisfaction index',
    });
    expect(made.status).to.equal(201);
    expect(made.body.kind).to.equal('service');
    const plain = await api('post', '/families').send({ code: 'ddci-x', nameVi: 'DDCI X', nameEn: 'DDCI X' });
    expect(plain.body.kind).to.equal('ddci');
    const bad = await api('post', '/families').send({ code: 'pci-2', kind: 'pci', nameVi: 'P', nameEn: 'P' });
    expect(bad.status).to.equal(422);
    expect(bad.body.error.details[0].path).to.equal('/kind');
  });

  it('setupServiceCentres gives it centres with codes, names, validity and the 2025 desk → centre lineage', async () => {
    await setupServiceCentres(ctx.database.db, CLI_ACTOR, 'sipas-test');
    const detail = (await api('get', '/families/sipas-test')).body;
    expect(detail.blocks.map((b: { code: string }) => b.code)).to.deep.equal(['centres']);
    expect(detail.units).to.have.length(demoCentres().length);
    const desk = detail.units.find((u: { code: string }) => u.code === 'MC_H_AN_LAC');
    expect(desk).to.include({ validFrom: null, validTo: '2025-06-30' });
    expect(desk.name).to.deep.equal({
      vi: 'Bộ phận Một cửa Huyện An Lạc',
      en: 'One-stop desk, An Lac District',
    });
    const centre = detail.units.find((u: { code: string }) => u.code === 'TTPV_X_AN_THINH');
    expect(centre).to.include({ validFrom: '2025-07-01', validTo: null });
    const fromDesk = detail.lineage.filter((l: { from: { code: string } }) => l.from.code === 'MC_H_AN_LAC');
    expect(
      fromDesk.map((l: { event: string; to: { code: string } }) => [l.event, l.to.code]).sort(),
    ).to.deep.equal([
      ['level_change', 'TTPV_X_AN_LAC'],
      ['level_change', 'TTPV_X_AN_THINH'],
    ]);
  });

  it('setupServiceCentres refuses a family of another kind', async () => {
    let error: unknown;
    try {
      await setupServiceCentres(ctx.database.db, CLI_ACTOR, 'ddci-x');
    } catch (e) {
      error = e;
    }
    expect((error as { code?: string }).code).to.equal('wrong_family_kind');
  });
});
