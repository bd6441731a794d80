import { expect } from 'chai';
import { count, eq } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { responseRatings, responses, surveyCodes } from '#server/db/schema/index.js';
import { CODE_LIMITS } from '#server/limits/code-guess.js';
import { describeEachDatabase } from '#test/support/db.js';
import { mixNow } from './mix.js';
import { issue, nonce, publishEdition, seedFamily, testApp, validResponse } from './support.js';

describeEachDatabase('POST /api/v1/surveys/:slug/responses', (ctx) => {
  let app: Express;
  let slug: string;
  let codes: string[];
  // Responses appear when the mixer stores their batch; mixNow stores whatever is pending.
  const stored = async (): Promise<number> => {
    await mixNow(ctx.database.db);
    return (await ctx.database.db.select({ n: count() }).from(responses))[0]!.n;
  };
  const submit = (body: object) => request(app).post(`/api/v1/surveys/${slug}/responses`).send(body);

  before(async () => {
    await seedFamily(ctx.database.db);
    app = testApp(ctx.database).app;
    slug = await publishEdition(app);
    codes = await issue(app, slug, { count: 40 });
  });

  it('accepts a valid response, stores its ratings per unit and marks the code used', async () => {
    const before = await stored();
    const res = await submit({ code: codes[0], submissionId: nonce(), response: validResponse() });
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ status: 'accepted', edition: slug });
    expect(await stored()).to.equal(before + 1);
    const ratings = await ctx.database.db.select({ n: count() }).from(responseRatings);
    const r = validResponse();
    const expected = Object.values(r.units!).flatMap((byUnit) =>
      Object.values(byUnit).flatMap((items) => Object.keys(items)),
    ).length;
    expect(ratings[0]!.n).to.equal(expected);
    const used = await ctx.database.db
      .select({ n: count() })
      .from(surveyCodes)
      .where(eq(surveyCodes.used, true));
    expect(used[0]!.n).to.equal(1);
  });

  const invalidCases: Array<[string, (r: ReturnType<typeof validResponse>) => void, string, string]> = [
    ['a required item is missing', (r) => delete r.answers.A1, '/response/answers/A1', 'required'],
    [
      'a rating is outside its scale',
      (r) => (r.units!.departments!.SO_KHDT!.TR1 = 7),
      '/response/units/departments/SO_KHDT/TR1',
      'not_in_scale',
    ],
    ['an option code does not exist', (r) => (r.answers.A2 = 99), '/response/answers/A2', 'invalid_option'],
    ['a key is not an item', (r) => (r.answers.NOPE = 1), '/response/answers/NOPE', 'unknown_key'],
    [
      'a unit is not in the edition',
      (r) => (r.answers.UNITS_DEPT = ['SO_KHDT', 'SO_MOON']),
      '/response/answers/UNITS_DEPT',
      'unknown_unit',
    ],
    [
      'a hidden item has an answer',
      (r) => (r.units!.departments!.SO_KHDT!.TR4 = 2),
      '/response/units/departments/SO_KHDT/TR5',
      'hidden_not_empty',
    ],
    [
      'a required-if item is missing',
      (r) => (r.units!.departments!.SO_KHDT!.IC1 = 4),
      '/response/units/departments/SO_KHDT/IC3',
      'required',
    ],
    [
      'a unit is rated but not selected',
      (r) => (r.answers.UNITS_DEPT = ['SO_KHDT']),
      '/response/units/departments/SO_TC',
      'unit_not_selected',
    ],
    [
      'a number has the wrong type',
      (r) => (r.answers.A4 = '2015' as never),
      '/response/answers/A4',
      'invalid_type',
    ],
    ['a text is too long', (r) => (r.answers.C2 = 'x'.repeat(201)), '/response/answers/C2', 'too_long'],
  ];
  for (const [what, mutate, path, code] of invalidCases) {
    it(`refuses a response where ${what} (422 ${code} at ${path}) and stores nothing`, async () => {
      const before = await stored();
      const response = validResponse();
      mutate(response);
      const res = await submit({ code: codes[1], submissionId: nonce(), response });
      expect(res.status).to.equal(422);
      const detail = (
        res.body.error.details as Array<{ path: string; code: string; message: { vi: string; en: string } }>
      ).find((d) => d.path === path);
      expect(detail, JSON.stringify(res.body.error.details)).to.include({ code });
      expect(detail!.message.vi).to.be.a('string').and.not.equal(detail!.message.en);
      expect(await stored()).to.equal(before);
      expect(
        (await ctx.database.db.select({ n: count() }).from(surveyCodes).where(eq(surveyCodes.used, true)))[0]!
          .n,
      ).to.equal(1);
    });
  }

  it('refuses __proto__ and constructor keys anywhere in the body', async () => {
    const raw = `{"code":"${codes[1]}","submissionId":"${nonce()}","response":{"answers":{"__proto__":{"x":1}}}}`;
    const res = await request(app)
      .post(`/api/v1/surveys/${slug}/responses`)
      .set('content-type', 'application/json')
      .send(raw);
    expect(res.status).to.equal(400);
    expect(res.body.error.code).to.equal('forbidden_key');
    const res2 = await submit({
      code: codes[1],
      submissionId: nonce(),
      response: { answers: { constructor: 1 } },
    });
    expect(res2.status).to.equal(400);
  });

  it('refuses deeply nested and oversized bodies', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect((await submit({ code: codes[1], submissionId: nonce(), response: deep })).status).to.equal(400);
    const big = await submit({
      code: codes[1],
      submissionId: nonce(),
      response: { answers: { C1: 'x'.repeat(2 * 1024 * 1024) } },
    });
    expect(big.status).to.equal(413);
  });

  it('refuses a code with a typo before looking it up, naming /code', async () => {
    const typo = codes[1]!.slice(0, -1) + (codes[1]!.endsWith('0') ? '1' : '0');
    const res = await submit({ code: typo, submissionId: nonce(), response: validResponse() });
    expect(res.status).to.equal(422);
    expect(res.body.error.details[0]).to.include({ path: '/code', code: 'code_check_failed' });
  });

  it('refuses a well-formed code that was never issued', async () => {
    const res = await submit({ code: '0123-4567-89AB-CB', submissionId: nonce(), response: validResponse() });
    expect(res.status).to.equal(422);
    expect(res.body.error.code).to.equal('unknown_code');
  });

  it('refuses a submission without a submissionId or without a code', async () => {
    expect((await submit({ code: codes[1], response: validResponse() })).body.error.details[0].path).to.equal(
      '/submissionId',
    );
    const res = await submit({ submissionId: nonce(), response: validResponse() });
    expect(res.status).to.equal(422);
    expect(res.body.error.code).to.equal('code_required');
  });

  it('returns the same result for a retried submit and stores one response', async () => {
    const body = { code: codes[2], submissionId: nonce(), response: validResponse(2) };
    const before = await stored();
    const first = await submit(body);
    const retry = await submit(body);
    expect(first.status).to.equal(200);
    expect(retry.status).to.equal(200);
    expect(retry.body).to.deep.equal(first.body);
    expect(retry.headers['idempotent-replayed']).to.equal('true');
    expect(await stored()).to.equal(before + 1);
    const afterMix = await submit(body);
    expect(afterMix.status).to.equal(200);
    expect(afterMix.headers['idempotent-replayed']).to.equal('true');
    expect(await stored()).to.equal(before + 1);
  });

  it('stores one response when the same submission arrives five times at once', async () => {
    const body = { code: codes[3], submissionId: nonce(), response: validResponse(4) };
    const before = await stored();
    const all = await Promise.all(Array.from({ length: 5 }, () => submit(body)));
    expect(all.map((r) => r.status)).to.deep.equal([200, 200, 200, 200, 200]);
    expect(await stored()).to.equal(before + 1);
  });

  it('refuses a second, different submission under a used code (409)', async () => {
    await submit({ code: codes[4], submissionId: nonce(), response: validResponse(3) });
    const before = await stored();
    const again = await submit({ code: codes[4], submissionId: nonce(), response: validResponse(1) });
    expect(again.status).to.equal(409);
    expect(again.body.error.code).to.equal('code_used');
    expect(again.body.error.details[0].path).to.equal('/code');
    const sameNonceOtherPayload = await submit({
      code: codes[4],
      submissionId: 'x'.repeat(20),
      response: validResponse(3),
    });
    expect(sameNonceOtherPayload.status).to.equal(409);
    expect(await stored()).to.equal(before);
  });

  it('refuses submissions after the window closes and before it opens, with the dates', async () => {
    const closed = await publishEdition(app, {
      year: 2024,
      slug: 'closed-2024',
      opensOn: '2024-05-01',
      closesOn: '2024-08-31',
    });
    const [code] = await issue(app, closed, { count: 1 });
    const before = await stored();
    const res = await request(app)
      .post(`/api/v1/surveys/${closed}/responses`)
      .send({ code, submissionId: nonce(), response: validResponse() });
    expect(res.status).to.equal(403);
    expect(res.body.error.code).to.equal('survey_closed');
    expect(res.body.error.messages.en).to.contain('2024-08-31');
    expect(res.body.error.messages.vi).to.contain('2024-08-31');
    const future = await publishEdition(app, {
      year: 2023,
      slug: 'future-2023',
      opensOn: '2098-01-01',
      closesOn: '2098-12-31',
    });
    const [code2] = await issue(app, future, { count: 1 });
    const res2 = await request(app)
      .post(`/api/v1/surveys/${future}/responses`)
      .send({ code: code2, submissionId: nonce(), response: validResponse() });
    expect(res2.body.error.code).to.equal('survey_not_open');
    expect(await stored()).to.equal(before);
  });

  it('throttles a client that keeps sending wrong codes (429), but not one with a right code', async () => {
    // The counters are shared through the database, so earlier wrong codes in this suite count too.
    const slowLane = CODE_LIMITS.slowLaneSeconds;
    CODE_LIMITS.slowLaneSeconds = 1;
    try {
      const limited = testApp(ctx.database, { codeAttempts: 3 }).app;
      const wrong = () =>
        request(limited).post(`/api/v1/surveys/${slug}/codes/check`).send({ code: 'ZZZZ-ZZZZ-ZZZZ-ZZ' });
      let res = await wrong();
      for (let i = 0; i < 10 && res.status !== 429; i++) res = await wrong();
      expect(res.status).to.equal(429);
      expect(res.body.error.code).to.equal('too_many_attempts');
      await new Promise((r) => setTimeout(r, 1100)); // the slow lane lets one check through per second
      const fresh = testApp(ctx.database, { codeAttempts: 3 }).app;
      const right = await request(fresh)
        .post(`/api/v1/surveys/${slug}/codes/check`)
        .send({ code: codes[10] });
      expect(right.status).to.equal(200);
    } finally {
      CODE_LIMITS.slowLaneSeconds = slowLane;
    }
  });
});

describeEachDatabase('open mode', (ctx) => {
  it('accepts code-less submissions only in open mode and marks them open_mode', async () => {
    await seedFamily(ctx.database.db);
    const { app } = testApp(ctx.database);
    const open = await publishEdition(app, { openMode: true });
    const body = { submissionId: nonce(), response: validResponse() };
    const res = await request(app).post(`/api/v1/surveys/${open}/responses`).send(body);
    expect(res.status).to.equal(200);
    const retry = await request(app).post(`/api/v1/surveys/${open}/responses`).send(body);
    expect(retry.headers['idempotent-replayed']).to.equal('true');
    await mixNow(ctx.database.db);
    const rows = await ctx.database.db
      .select({ openMode: responses.openMode, channel: responses.channel })
      .from(responses);
    expect(rows).to.deep.equal([{ openMode: true, channel: 'online' }]);
  });
});
