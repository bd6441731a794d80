import { expect } from 'chai';
import request from 'supertest';
import { codeHasher } from '#server/collection/code-hash.js';
import { vietnamToday } from '#server/collection/editions.js';
import { ensureOpenDemoSurvey } from '#server/seed/demo-open.js';
import { seedDemo } from '#server/seed/demo.js';
import type { OpenSurveysPayload } from '#api/open-surveys.js';
import { describeEachDatabase, resetDatabase } from '#test/support/db.js';
import { CODE_SECRET, issue, publishEdition, seedFamily, testApp } from './support.js';

describeEachDatabase('GET /surveys/open and the code check window', (ctx) => {
  before(async () => {
    await resetDatabase(ctx.database);
  });

  it('GET /surveys/open lists editions open today with window, title and intro, not closed ones', async () => {
    await seedFamily(ctx.database.db);
    const { app } = testApp(ctx.database);
    const open = await publishEdition(app, { year: 2025, slug: 'open-one' });
    await publishEdition(app, {
      year: 2019,
      slug: 'closed-one',
      opensOn: '2019-01-01',
      closesOn: '2019-12-31',
    });
    const res = await request(app).get('/api/v1/surveys/open');
    expect(res.status).to.equal(200);
    const body = res.body as OpenSurveysPayload;
    expect(body.surveys.map((s) => s.slug)).to.deep.equal([open]);
    const [s] = body.surveys;
    expect(s!.opensOn).to.equal('2020-01-01');
    expect(s!.closesOn).to.equal('2099-12-31');
    expect(s!.title.vi).to.be.a('string').and.not.equal('');
    expect(s!.intro.en).to.be.a('string').and.not.equal('');
    expect(s!.family).to.deep.include({ code: 'ddci-test' });
  });

  it('POST /surveys/:slug/codes/check answers 403 survey_closed with the closing date for a closed survey', async () => {
    const { app } = testApp(ctx.database);
    const [code] = await issue(app, 'closed-one', { count: 1 });
    const res = await request(app).post('/api/v1/surveys/closed-one/codes/check').send({ code });
    expect(res.status).to.equal(403);
    expect(res.body.error.code).to.equal('survey_closed');
    expect(res.body.error.messages.en).to.contain('2019-12-31');
    expect(res.body.error.messages.vi).to.contain('2019-12-31');
  });

  it('POST /surveys/:slug/codes/check answers 403 survey_not_open with the opening date before the window', async () => {
    const { app } = testApp(ctx.database);
    await publishEdition(app, {
      year: 2098,
      slug: 'future-one',
      opensOn: '2098-01-01',
      closesOn: '2098-12-31',
    });
    const [code] = await issue(app, 'future-one', { count: 1 });
    const res = await request(app).post('/api/v1/surveys/future-one/codes/check').send({ code });
    expect(res.status).to.equal(403);
    expect(res.body.error.code).to.equal('survey_not_open');
    expect(res.body.error.messages.en).to.contain('2098-01-01');
  });
});

describeEachDatabase('ensureOpenDemoSurvey', (ctx) => {
  before(async () => {
    await resetDatabase(ctx.database);
    await seedDemo(ctx.database.db, () => {}, { firms: 20 });
  });

  it('ensureOpenDemoSurvey opens a demo survey for the current year whose listed demo codes work, once', async () => {
    const hasher = codeHasher(CODE_SECRET);
    const year = vietnamToday().slice(0, 4);
    expect(await ensureOpenDemoSurvey(ctx.database.db, hasher)).to.equal(`ddci-demo-${year}`);
    expect(await ensureOpenDemoSurvey(ctx.database.db, hasher)).to.equal(`ddci-demo-${year}`);
    const { app } = testApp(ctx.database);
    const list = (await request(app).get('/api/v1/surveys/open')).body as OpenSurveysPayload;
    expect(list.surveys.map((s) => s.slug)).to.deep.equal([`ddci-demo-${year}`]);
    const demo = list.surveys[0]!;
    expect(demo.family.isDemo).to.equal(true);
    expect(demo.openMode).to.equal(true);
    expect(demo.demoCodes).to.have.length(3);
    for (const code of demo.demoCodes!) {
      const check = await request(app).post(`/api/v1/surveys/${demo.slug}/codes/check`).send({ code });
      expect(check.body).to.deep.equal({ status: 'unused' });
    }
    // A started code leaves the list, so the next visitor gets a fresh one.
    const first = demo.demoCodes![0]!;
    const saved = await request(app)
      .put(`/api/v1/surveys/${demo.slug}/draft`)
      .send({ code: first, draft: { answers: { CONSENT: 1 } } });
    expect(saved.status).to.equal(200);
    const again = (await request(app).get('/api/v1/surveys/open')).body as OpenSurveysPayload;
    expect(again.surveys[0]!.demoCodes).to.not.include(first);
    expect(again.surveys[0]!.demoCodes).to.have.length(3);
  });
});
