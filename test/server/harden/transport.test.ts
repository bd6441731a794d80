import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { describeEachDatabase } from '#test/support/db.js';
import { tableCounts } from '#test/support/table-counts.js';
import {
  issue,
  nonce,
  publishEdition,
  seedFamily,
  testApp,
  validResponse,
} from '#test/server/collection/support.js';

describeEachDatabase('malformed transport and text that cannot be stored', (ctx) => {
  let app: Express;
  let slug: string;
  let codes: string[];
  const post = (path: string) => request(app).post(path).set('content-type', 'application/json');

  before(async () => {
    await seedFamily(ctx.database.db);
    app = testApp(ctx.database).app;
    slug = await publishEdition(app);
    codes = await issue(app, slug, { count: 3 });
  });

  it('Content-Encoding: gzip on an uncompressed body is a 400 bad_content_encoding', async () => {
    const res = await post(`/api/v1/surveys/${slug}/codes/check`)
      .set('content-encoding', 'gzip')
      .send('{"code":"x"}');
    expect([res.status, res.body.error.code]).to.deep.equal([400, 'bad_content_encoding']);
    expect(res.body.error.messages.vi).to.include('Content-Encoding');
  });

  it('an unknown Content-Encoding is a 400 unsupported_content_encoding', async () => {
    const res = await post(`/api/v1/surveys/${slug}/codes/check`).set('content-encoding', 'zstd9').send('{}');
    expect([res.status, res.body.error.code]).to.deep.equal([400, 'unsupported_content_encoding']);
  });

  it('a charset other than UTF-8 is a 400 unsupported_charset', async () => {
    const res = await request(app)
      .post(`/api/v1/surveys/${slug}/codes/check`)
      .set('content-type', 'application/json; charset=koi8-r')
      .send('{"code":"x"}');
    expect([res.status, res.body.error.code]).to.deep.equal([400, 'unsupported_charset']);
  });

  it('malformed percent-encoding in an API path is a 400 bad_percent_encoding', async () => {
    const res = await request(app).get('/api/v1/surveys/%E0%A4%A');
    expect([res.status, res.body.error.code]).to.deep.equal([400, 'bad_percent_encoding']);
  });

  it('a NUL character in an answer is a 422 naming the field in both languages, and nothing is stored', async () => {
    const before = await tableCounts(ctx.database);
    const response = validResponse();
    (response as unknown as { answers: Record<string, unknown> }).answers.FREE_TEXT = 'ok\u0000no';
    const res = await post(`/api/v1/surveys/${slug}/responses`).send({
      code: codes[0],
      submissionId: nonce(),
      response,
    });
    expect(res.status).to.equal(422);
    expect(res.body.error.code).to.equal('invalid_text');
    expect(res.body.error.details[0]).to.deep.include({
      path: '/response/answers/FREE_TEXT',
      code: 'nul_character',
    });
    expect(res.body.error.details[0].message.vi).to.include('NUL');
    expect(await tableCounts(ctx.database)).to.deep.equal(before);
  });

  it('an unpaired surrogate (a truncated emoji) in a draft or a key is a 422, a paired one passes the guard', async () => {
    const before = await tableCounts(ctx.database);
    const res = await request(app)
      .put(`/api/v1/surveys/${slug}/draft`)
      .set('content-type', 'application/json')
      .send(`{"code":"${codes[1]}","draft":{"note":"caf\\ud83d","k\\udc00":1}}`);
    expect(res.status).to.equal(422);
    const paths = (res.body.error.details as Array<{ path: string; code: string }>).map(
      (d) => `${d.path} ${d.code}`,
    );
    expect(paths.sort()).to.deep.equal([
      '/draft/k\udc00 unpaired_surrogate',
      '/draft/note unpaired_surrogate',
    ]);
    expect(await tableCounts(ctx.database)).to.deep.equal(before);
    const ok = await request(app)
      .put(`/api/v1/surveys/${slug}/draft`)
      .set('content-type', 'application/json')
      .send(JSON.stringify({ code: codes[1], draft: { note: 'cà phê 😀' } }));
    expect(ok.body.error?.code).to.not.equal('invalid_text');
  });

  it('an error list is capped at the first 100 field errors with the total count', async () => {
    const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 'x\u0000']));
    const res = await post(`/api/v1/surveys/${slug}/codes/check`).send({ code: 'x', many });
    expect(res.status).to.equal(422);
    expect(res.body.error.details).to.have.length(100);
    expect(res.body.error.total).to.equal(5000);
    expect(JSON.stringify(res.body).length).to.be.below(40_000);
  });
});
