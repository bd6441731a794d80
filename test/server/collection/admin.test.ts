import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { parseCode } from '#surveys/code-format.js';
import { ddciDemo2025 } from '#surveys/shipped.js';
import { describeEachDatabase } from '#test/support/db.js';
import { createTestUser } from '#test/support/users.js';
import { ANALYST_TOKEN, DEPARTMENTS, LOCALITIES, publishEdition, seedFamily, testApp } from './support.js';

describeEachDatabase('survey admin API', (ctx) => {
  let app: Express;
  let slug: string;
  const auth = `Bearer ${ANALYST_TOKEN}`;

  before(async () => {
    await seedFamily(ctx.database.db);
    app = testApp(ctx.database).app;
    slug = await publishEdition(app);
  });

  it('admin routes answer 403 to a viewer, whose token is valid but whose role is too low', async () => {
    const viewer = await createTestUser(ctx.database.db, 'viewer');
    const res = await request(app)
      .post(`/api/v1/admin/survey-editions/${slug}/codes`)
      .set('authorization', viewer.bearer)
      .send({ count: 1 });
    expect(res.status).to.equal(403);
    expect(res.body.error.code).to.equal('forbidden');
    expect(res.body.error.messages.en).to.contain('analyst');
  });

  it('admin routes answer 401 without the right bearer token', async () => {
    expect((await request(app).get(`/api/v1/admin/survey-editions/${slug}/monitoring`)).status).to.equal(401);
    const wrong = await request(app)
      .get(`/api/v1/admin/survey-editions/${slug}/monitoring`)
      .set('authorization', 'Bearer ddci_t_not-a-real-token-at-all');
    expect(wrong.status).to.equal(401);
    expect(wrong.body.error.code).to.equal('unauthenticated');
  });

  it('POST /admin/survey-editions refuses a broken definition, naming the field', async () => {
    const definition = {
      ...ddciDemo2025,
      edition: 2026,
      blocks: [...ddciDemo2025.blocks, { key: 'departments', label: { vi: 'x', en: 'x' } }],
    };
    const res = await request(app)
      .post('/api/v1/admin/survey-editions')
      .set('authorization', auth)
      .send({
        family: 'ddci-test',
        year: 2026,
        definition,
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
        units: { departments: DEPARTMENTS, localities: LOCALITIES },
      });
    expect(res.status).to.equal(422);
    expect(res.body.error.details[0].path).to.match(/^\/definition\/blocks/);
  });

  it('POST /admin/survey-editions refuses unknown units, reversed windows and a second edition for a year', async () => {
    const base = {
      family: 'ddci-test',
      year: 2026,
      definition: { ...ddciDemo2025, edition: 2026 },
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
    };
    const unknown = await request(app)
      .post('/api/v1/admin/survey-editions')
      .set('authorization', auth)
      .send({ ...base, units: { departments: ['SO_MOON'], localities: LOCALITIES } });
    expect(unknown.body.error.details[0]).to.include({ path: '/units/departments/0', code: 'unknown_unit' });
    const reversed = await request(app)
      .post('/api/v1/admin/survey-editions')
      .set('authorization', auth)
      .send({
        ...base,
        opensOn: '2026-12-31',
        closesOn: '2026-01-01',
        units: { departments: DEPARTMENTS, localities: LOCALITIES },
      });
    expect(reversed.body.error.details[0]).to.include({ path: '/closesOn', code: 'window_reversed' });
    const again = await request(app)
      .post('/api/v1/admin/survey-editions')
      .set('authorization', auth)
      .send({
        ...base,
        year: 2025,
        definition: { ...ddciDemo2025 },
        slug: 'another',
        units: { departments: DEPARTMENTS, localities: LOCALITIES },
      });
    expect(again.status).to.equal(409);
  });

  it('GET /surveys/:slug gives the definition and the units of each block', async () => {
    const res = await request(app).get(`/api/v1/surveys/${slug}`);
    expect(res.status).to.equal(200);
    expect(res.body.definition.id).to.equal('ddci-demo-2025');
    expect(res.body.units.departments.map((u: { code: string }) => u.code)).to.deep.equal(DEPARTMENTS);
    expect(res.body.edition).to.include({ slug, window: 'open', openMode: false });
    expect((await request(app).get('/api/v1/surveys/nope')).status).to.equal(404);
  });

  it('POST /codes issues typeable codes as JSON, or as a formula-safe CSV for mail merge', async () => {
    const json = await request(app)
      .post(`/api/v1/admin/survey-editions/${slug}/codes`)
      .set('authorization', auth)
      .send({ count: 3 });
    expect(json.status).to.equal(201);
    for (const c of json.body.codes as Array<{ code: string }>) {
      expect(c.code).to.match(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
      expect(parseCode(c.code).ok).to.equal(true);
    }
    const csv = await request(app)
      .post(`/api/v1/admin/survey-editions/${slug}/codes?format=csv`)
      .set('authorization', auth)
      .send({ firms: [{ firmRef: '=cmd|calc', size: 'micro', sector: 'trade' }, { firmRef: 'F-2' }] });
    expect(csv.status).to.equal(201);
    expect(csv.headers['content-type']).to.match(/text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).to.equal('survey,code,firm_ref,size,sector,ownership');
    expect(lines).to.have.length(3);
    expect(lines[1]).to.contain(",'=cmd|calc,micro,trade,");
    const bad = await request(app)
      .post(`/api/v1/admin/survey-editions/${slug}/codes`)
      .set('authorization', auth)
      .send({ count: 0 });
    expect(bad.status).to.equal(422);
    expect(bad.body.error.details[0]).to.include({ path: '/count', code: 'below_minimum' });
  });
});
