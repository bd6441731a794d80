import { expect } from 'chai';
import { count } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { drafts, responses } from '#server/db/schema/index.js';
import { describeEachDatabase } from '#test/support/db.js';
import { issue, nonce, publishEdition, seedFamily, testApp, validResponse } from './support.js';

describeEachDatabase('drafts: save and resume by code', (ctx) => {
  let slug: string;
  let codes: string[];
  let first: Express;
  let second: Express;
  const partial = {
    answers: { CONSENT: 1, BLOCK: 1, UNITS_DEPT: ['SO_TC'] },
    units: { departments: { SO_TC: { TR1: 4 } } },
  };

  before(async () => {
    await seedFamily(ctx.database.db);
    first = testApp(ctx.database).app;
    // A second app instance stands for another device: nothing is shared but the database.
    second = testApp(ctx.database).app;
    slug = await publishEdition(first);
    codes = await issue(first, slug, { count: 4 });
  });

  it('PUT /draft saves a half-filled form and GET /draft on another client returns it', async () => {
    const saved = await request(first)
      .put(`/api/v1/surveys/${slug}/draft`)
      .send({ code: codes[0], draft: partial });
    expect(saved.status).to.equal(200);
    expect(saved.body.status).to.equal('draft');
    const check = await request(second)
      .post(`/api/v1/surveys/${slug}/codes/check`)
      .send({ code: codes[0]!.toLowerCase() });
    expect(check.body).to.deep.equal({ status: 'draft' });
    const resumed = await request(second).get(`/api/v1/surveys/${slug}/draft`).set('survey-code', codes[0]!);
    expect(resumed.status).to.equal(200);
    expect(resumed.body.draft).to.deep.equal(partial);
  });

  it('GET /draft for an unused code has no draft; a code in the URL is not accepted', async () => {
    const res = await request(second).get(`/api/v1/surveys/${slug}/draft`).set('survey-code', codes[1]!);
    expect(res.body).to.deep.equal({ status: 'unused', draft: null });
    const inUrl = await request(second).get(`/api/v1/surveys/${slug}/draft?code=${codes[1]}`);
    expect(inUrl.status).to.equal(422);
    expect(inUrl.body.error.details[0].path).to.equal('/headers/survey-code');
  });

  it('PUT /draft checks drafts loosely: types and options, not required items', async () => {
    const bad = await request(first)
      .put(`/api/v1/surveys/${slug}/draft`)
      .send({ code: codes[1], draft: { answers: { CONSENT: 5 } } });
    expect(bad.status).to.equal(422);
    expect(bad.body.error.details[0]).to.include({ path: '/draft/answers/CONSENT', code: 'invalid_option' });
    const empty = await request(first)
      .put(`/api/v1/surveys/${slug}/draft`)
      .send({ code: codes[1], draft: { answers: {} } });
    expect(empty.status).to.equal(200);
  });

  it('submitting from the second client deletes the draft in the same transaction', async () => {
    const before = (await ctx.database.db.select({ n: count() }).from(drafts))[0]!.n;
    const res = await request(second)
      .post(`/api/v1/surveys/${slug}/responses`)
      .send({ code: codes[0], submissionId: nonce(), response: validResponse() });
    expect(res.status).to.equal(200);
    expect((await ctx.database.db.select({ n: count() }).from(drafts))[0]!.n).to.equal(before - 1);
    const after = await request(first).get(`/api/v1/surveys/${slug}/draft`).set('survey-code', codes[0]!);
    expect(after.status).to.equal(409);
    expect(after.body.error.code).to.equal('code_used');
    const save = await request(first)
      .put(`/api/v1/surveys/${slug}/draft`)
      .send({ code: codes[0], draft: partial });
    expect(save.status).to.equal(409);
  });

  it('a failed submission keeps the draft and stores no response', async () => {
    await request(first).put(`/api/v1/surveys/${slug}/draft`).send({ code: codes[2], draft: partial });
    const before = (await ctx.database.db.select({ n: count() }).from(responses))[0]!.n;
    const res = await request(first)
      .post(`/api/v1/surveys/${slug}/responses`)
      .send({ code: codes[2], submissionId: nonce(), response: partial });
    expect(res.status).to.equal(422);
    expect((await ctx.database.db.select({ n: count() }).from(responses))[0]!.n).to.equal(before);
    const resumed = await request(second).get(`/api/v1/surveys/${slug}/draft`).set('survey-code', codes[2]!);
    expect(resumed.body.draft).to.deep.equal(partial);
  });
});
