import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { eq } from 'drizzle-orm';
import { auditLog, codeStrata } from '#server/db/schema/index.js';
import { excludesFlagged } from '#server/workspace/editions.js';
import { ddciDemo2025 } from '#surveys/shipped.js';
import { describeEachDatabase } from '#test/support/db.js';
import {
  ANALYST_TOKEN,
  DEPARTMENTS,
  LOCALITIES,
  nonce,
  seedFamily,
  testApp,
  validResponse,
} from '#test/server/collection/support.js';

describeEachDatabase('survey editions in the workspace', (ctx) => {
  let app: Express;
  const auth = `Bearer ${ANALYST_TOKEN}`;
  const slug = 'ddci-test-2025';
  const admin = (m: 'get' | 'post' | 'patch' | 'put' | 'delete', path: string) =>
    request(app)[m](`/api/v1/admin/survey-editions${path}`).set('authorization', auth);
  const submit = (code?: string) =>
    request(app)
      .post(`/api/v1/surveys/${slug}/responses`)
      .send({ code, submissionId: nonce(), response: validResponse() });

  before(async () => {
    await seedFamily(ctx.database.db);
    app = testApp(ctx.database).app;
    const res = await admin('post', '').send({
      family: 'ddci-test',
      year: 2025,
      definition: ddciDemo2025,
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
      openMode: true,
      draft: true,
      units: { departments: DEPARTMENTS, localities: LOCALITIES },
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
  });

  it('GET /admin/survey-editions lists a draft, which takes no answers', async () => {
    const list = await admin('get', '');
    expect(list.body.editions[0]).to.include({ slug, state: 'draft', window: 'not_yet_open', responses: 0 });
    expect((await submit()).status).to.equal(403);
  });

  it('PATCH edits a draft (window and units), audited; a second block list change is checked', async () => {
    const res = await admin('patch', `/${slug}`).send({
      closesOn: '2098-12-31',
      units: { departments: DEPARTMENTS.slice(0, 3), localities: LOCALITIES },
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.closesOn).to.equal('2098-12-31');
    const bad = await admin('patch', `/${slug}`).send({
      units: { departments: ['NOPE'], localities: LOCALITIES },
    });
    expect(bad.status).to.equal(422);
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'survey_edition.update'));
    expect(entry!.entityId).to.equal(slug);
  });

  it('open → answers accepted; edits refused; close → answers refused; reopen and archive follow the rules', async () => {
    expect((await admin('post', `/${slug}/state`).send({ action: 'open' })).body.state).to.equal('open');
    expect((await admin('patch', `/${slug}`).send({ openMode: false })).status).to.equal(409);
    expect((await submit()).status).to.equal(200);
    expect((await admin('post', `/${slug}/state`).send({ action: 'archive' })).status).to.equal(409);
    expect((await admin('post', `/${slug}/state`).send({ action: 'close' })).body.state).to.equal('closed');
    expect((await submit()).status).to.equal(403);
    expect((await admin('post', `/${slug}/state`).send({ action: 'reopen' })).body.state).to.equal('open');
    const actions = (await ctx.database.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).to.include.members([
      'survey_edition.open',
      'survey_edition.close',
      'survey_edition.reopen',
    ]);
  });

  it('a code batch downloads once as CSV, is listed with use counts, and revoking it kills unused codes only', async () => {
    const res = await admin('post', `/${slug}/batches`).send({ label: 'Mail merge 1', count: 3 });
    expect(res.status).to.equal(201);
    expect(res.headers['content-type']).to.match(/text\/csv/);
    const codes = String(res.text)
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',')[1]!.replace(/"/g, ''));
    expect(codes).to.have.length(3);
    expect((await submit(codes[0])).status).to.equal(200);
    const list = await admin('get', `/${slug}/batches`);
    expect(list.body.batches[0]).to.include({ label: 'Mail merge 1', issued: 3 });
    const revoked = await admin('delete', `/${slug}/batches/${list.body.batches[0].id}`);
    expect(revoked.body).to.include({ revoked: 2 });
    const check = await request(app).post(`/api/v1/surveys/${slug}/codes/check`).send({ code: codes[1] });
    expect(check.status).to.equal(422);
    expect(check.body.error.details[0].code).to.equal('unknown_code');
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'code_batch'));
    const text = JSON.stringify(audit);
    for (const c of codes) expect(text).not.to.contain(c.replace(/-/g, '').slice(0, 8));
  });

  it('revoking a batch issued with firm data takes its unused codes out of the per-stratum issued counts', async () => {
    const issued = async () =>
      Object.fromEntries(
        (await ctx.database.db.select().from(codeStrata)).map((r) => [`${r.dimension}:${r.value}`, r.issued]),
      );
    const before = await issued();
    const firms = [
      { firmRef: 'R-1', size: 'micro', sector: 'trade' },
      { firmRef: 'R-2', size: 'micro', sector: 'industry' },
      { firmRef: 'R-3', size: 'large', sector: 'industry' },
    ];
    const res = await admin('post', `/${slug}/batches?format=json`).send({ label: 'Firms', firms });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const plus = (k: string, n: number) => (before[k] ?? 0) + n;
    expect(await issued()).to.include({
      'size:micro': plus('size:micro', 2),
      'size:large': plus('size:large', 1),
      'sector:industry': plus('sector:industry', 2),
    });
    expect((await submit(res.body.codes[0].code)).status).to.equal(200);
    const revoked = await admin('delete', `/${slug}/batches/${res.body.batch.id}`);
    expect(revoked.body).to.include({ revoked: 2 });
    // Only the used code (R-1: micro, trade) still counts as issued.
    expect(await issued()).to.include({
      'size:micro': plus('size:micro', 1),
      'size:large': plus('size:large', 0),
      'sector:trade': plus('sector:trade', 1),
      'sector:industry': plus('sector:industry', 0),
    });
  });

  it('PUT /include-flagged is audited and is what scoring uses by default', async () => {
    expect(await excludesFlagged(ctx.database.db, 'ddci-test', 2025)).to.equal(true);
    const res = await admin('put', `/${slug}/include-flagged`).send({ includeFlagged: true });
    expect(res.body.includeFlagged).to.equal(true);
    expect(await excludesFlagged(ctx.database.db, 'ddci-test', 2025)).to.equal(false);
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'survey_edition.include_flagged'));
    expect(entry!.after).to.deep.equal({ includeFlagged: true });
  });
});
