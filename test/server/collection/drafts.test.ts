import { expect } from 'chai';
import { count } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { drafts, responses } from '#server/db/schema/index.js';
import { describeEachDatabase } from '#test/support/db.js';
import { purgeDrafts } from '#server/collection/drafts.js';
import { vietnamToday } from '#server/collection/editions.js';
import { PAD_BYTES, unseal } from '#server/collection/seal.js';
import { mixNow } from './mix.js';
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

  it('a submitted code reads as before until its batch is mixed; mixing deletes the draft', async () => {
    const before = (await ctx.database.db.select({ n: count() }).from(drafts))[0]!.n;
    const res = await request(second)
      .post(`/api/v1/surveys/${slug}/responses`)
      .send({ code: codes[0], submissionId: nonce(), response: validResponse() });
    expect(res.status).to.equal(200);
    // Pending: neither the check nor the draft tells when the code was used.
    const check = await request(first).post(`/api/v1/surveys/${slug}/codes/check`).send({ code: codes[0] });
    expect(check.body).to.deep.equal({ status: 'draft' });
    const pending = await request(first).get(`/api/v1/surveys/${slug}/draft`).set('survey-code', codes[0]!);
    expect(pending.body.draft).to.deep.equal(partial);
    await mixNow(ctx.database.db);
    expect((await ctx.database.db.select({ n: count() }).from(drafts))[0]!.n).to.equal(before - 1);
    const after = await request(first).get(`/api/v1/surveys/${slug}/draft`).set('survey-code', codes[0]!);
    expect(after.status).to.equal(409);
    expect(after.body.error.code).to.equal('code_used');
    const save = await request(first)
      .put(`/api/v1/surveys/${slug}/draft`)
      .send({ code: codes[0], draft: partial });
    expect(save.status).to.equal(409);
  });

  it('stores a draft sealed with a key from the code: no answer, no length, unreadable without the code', async () => {
    const long = { ...partial, answers: { ...partial.answers, C1: 'x'.repeat(400) } };
    const saved = await request(first)
      .put(`/api/v1/surveys/${slug}/draft`)
      .send({ code: codes[3], draft: long });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    const rows = await ctx.database.db.select({ sealed: drafts.sealed, hash: drafts.codeHash }).from(drafts);
    expect(rows.length).to.be.greaterThan(1);
    const sizes = new Set(rows.map((r) => r.sealed.length));
    expect([...sizes]).to.deep.equal([PAD_BYTES.draft + 45]);
    for (const r of rows) {
      expect(r.sealed.toString('latin1')).not.to.match(/SO_TC|CONSENT|xxxx/);
      expect(() => unseal(codes[1]!, 'draft', r.sealed, r.hash)).to.throw();
    }
  });

  it('purgeDrafts deletes drafts idle for the configured days and every draft of a closed edition', async () => {
    const n = async () => (await ctx.database.db.select({ n: count() }).from(drafts))[0]!.n;
    const live = await n();
    expect(await purgeDrafts(ctx.database.db, 30)).to.equal(0);
    // Days as the server counts them: Vietnam's date (from 17:00 UTC it is already tomorrow there).
    const later = new Date(Date.parse(`${vietnamToday()}T00:00:00Z`) + 31 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(await purgeDrafts(ctx.database.db, 30, later)).to.equal(live);
    await request(first).put(`/api/v1/surveys/${slug}/draft`).send({ code: codes[3], draft: partial });
    expect(await purgeDrafts(ctx.database.db, 30, '2100-01-01')).to.equal(1);
    expect(await n()).to.equal(0);
    await request(first).put(`/api/v1/surveys/${slug}/draft`).send({ code: codes[3], draft: partial });
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
