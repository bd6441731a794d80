import { expect } from 'chai';
import express from 'express';
import request from 'supertest';
import { bodyGuard, MAX_DEPTH } from '#server/http/body-guard.js';
import { errorHandler } from '#server/http/error-handler.js';
import { createLogger } from '#server/http/logger.js';

const app = express();
app.use(express.json());
app.use(bodyGuard);
app.post('/x', (_req, res) => void res.json({ ok: true }));
app.use(errorHandler(createLogger('silent')));

const send = (raw: string) => request(app).post('/x').set('content-type', 'application/json').send(raw);
const nested = (levels: number): string => '['.repeat(levels) + '1' + ']'.repeat(levels);

describe('bodyGuard', () => {
  it('bodyGuard lets ordinary nested JSON through', async () => {
    expect((await send('{"a":[1,{"b":"c"}],"d":null}')).status).to.equal(200);
  });

  it('bodyGuard refuses a __proto__ key anywhere with 400 forbidden_key naming its path', async () => {
    const res = await send('{"a":[{"__proto__":{"x":1}}]}');
    expect(res.status).to.equal(400);
    expect(res.body.error.code).to.equal('forbidden_key');
    expect(res.body.error.details[0]).to.include({ path: '/a/0/__proto__', code: 'forbidden_key' });
    expect(res.body.error.details[0].message.vi).to.contain('__proto__');
  });

  it('bodyGuard refuses constructor and prototype keys', async () => {
    expect((await send('{"constructor":1}')).body.error.details[0].path).to.equal('/constructor');
    expect((await send('{"x":{"prototype":1}}')).body.error.details[0].path).to.equal('/x/prototype');
  });

  it(`bodyGuard refuses nesting deeper than ${MAX_DEPTH} levels with 400 too_deep`, async () => {
    const deep = await send(nested(MAX_DEPTH + 1));
    expect(deep.status).to.equal(400);
    expect(deep.body.error.code).to.equal('too_deep');
    expect((await send(nested(MAX_DEPTH - 1))).status).to.equal(200);
  });
});
