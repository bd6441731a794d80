import { expect } from 'chai';
import express from 'express';
import request from 'supertest';
import { errorHandler } from '#server/http/error-handler.js';
import { createLogger } from '#server/http/logger.js';
import { serverMessageCodes } from '#server/http/messages.js';
import { MAX_FIELD_ERRORS, validate, validQuery } from '#server/http/validate.js';
import createEdition from '#api/schemas/collection/create-edition.schema.json' with { type: 'json' };
import issueCodes from '#api/schemas/collection/issue-codes.schema.json' with { type: 'json' };
import aggregatesQuery from '#api/schemas/collection/aggregates-query.schema.json' with { type: 'json' };
import rankingParams from '#api/schemas/rankings/ranking-params.schema.json' with { type: 'json' };

const silent = createLogger('silent');

/** A bare app: JSON parsing, one validated route echoing what the handler saw, the error middleware. */
function appWith(mw: ReturnType<typeof validate>, path = '/x') {
  const app = express();
  app.use(express.json());
  app.all(path, mw, (req, res) => {
    res.json({ body: req.body, query: validQuery(req), params: req.params });
  });
  app.use(errorHandler(silent));
  return app;
}

const edition = {
  family: 'ddci-qn',
  year: 2025,
  definition: {},
  opensOn: '2025-01-01',
  closesOn: '2025-12-31',
  units: { departments: ['SO_TC'] },
};

describe('validate({ body, query, params })', () => {
  const app = appWith(validate({ body: createEdition }));

  it('validate passes a valid body through unchanged', async () => {
    const res = await request(app).post('/x').send(edition);
    expect(res.status).to.equal(200);
    expect(res.body.body).to.deep.equal(edition);
  });

  it('validate names /family for {"family":{}}, not another field', async () => {
    const res = await request(app)
      .post('/x')
      .send({ ...edition, family: {} });
    expect(res.status).to.equal(422);
    expect(res.body.error.code).to.equal('validation_failed');
    expect(res.body.error.details).to.deep.equal([
      {
        path: '/family',
        code: 'invalid_type',
        message: { vi: 'Giá trị phải là một chuỗi ký tự.', en: 'The value must be text.' },
      },
    ]);
  });

  it('validate names /year for year:"2025" (no coercion of JSON bodies)', async () => {
    const res = await request(app)
      .post('/x')
      .send({ ...edition, year: '2025' });
    expect(res.status).to.equal(422);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['/year']);
    expect(res.body.error.details[0].code).to.equal('invalid_type');
  });

  it('validate reports a missing field at its own path with code required', async () => {
    const { units: _units, ...rest } = edition;
    const res = await request(app).post('/x').send(rest);
    expect(res.status).to.equal(422);
    expect(res.body.error.details).to.deep.include({
      path: '/units',
      code: 'required',
      message: { vi: 'Thiếu trường bắt buộc "units".', en: 'The field "units" is required.' },
    });
  });

  it('validate reports an unknown field at its own path with code unknown_key', async () => {
    const res = await request(app)
      .post('/x')
      .send({ ...edition, famly: 'x' });
    expect(res.status).to.equal(422);
    expect(res.body.error.details[0]).to.include({ path: '/famly', code: 'unknown_key' });
  });

  it('validate reports every wrong field at once, one error per field, in the request language', async () => {
    const res = await request(app)
      .post('/x?lang=en')
      .send({ ...edition, year: 2025.5, opensOn: '2025-02-30', units: { departments: [] } });
    expect(res.status).to.equal(422);
    const byPath = Object.fromEntries(
      res.body.error.details.map((d: { path: string; code: string }) => [d.path, d.code]),
    );
    expect(byPath).to.deep.equal({
      '/year': 'not_integer',
      '/opensOn': 'invalid_date',
      '/units/departments': 'too_few_items',
    });
    expect(res.body.error.message).to.match(/^Invalid data \(3 errors\)/);
  });

  it('validate answers not_an_object at / for an array or a non-JSON body', async () => {
    const list = await request(app).post('/x').send([1, 2]);
    expect(list.status).to.equal(422);
    expect(list.body.error.details[0]).to.include({ path: '/', code: 'not_an_object' });
    const plain = await request(app).post('/x').set('content-type', 'text/plain').send('family=x');
    expect(plain.status).to.equal(422);
    expect(plain.body.error.details[0].code).to.equal('not_an_object');
  });

  it(`validate caps the field errors at ${MAX_FIELD_ERRORS} and says how many there were`, async () => {
    const units = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`b${i}`, [i]]));
    const res = await request(app)
      .post('/x')
      .send({ ...edition, units });
    expect(res.status).to.equal(422);
    expect(res.body.error.details).to.have.length(MAX_FIELD_ERRORS);
    expect(res.body.error.total).to.equal(50);
  });

  it('validate turns a failed oneOf into one error listing the choices, not one per branch', async () => {
    const codes = appWith(validate({ body: issueCodes }));
    const none = await request(codes).post('/x').send({});
    expect(none.status).to.equal(422);
    expect(none.body.error.details).to.deep.equal([
      {
        path: '/',
        code: 'one_of',
        message: {
          vi: 'Cần gửi đúng một trong: "count" hoặc "firms".',
          en: 'Send exactly one of: "count" or "firms".',
        },
      },
    ]);
    const both = await request(codes)
      .post('/x')
      .send({ count: 1, firms: [{}] });
    expect(both.body.error.details[0].code).to.equal('one_of');
    const wrong = await request(codes)
      .post('/x')
      .send({ firms: [{ size: 5 }] });
    expect(wrong.body.error.details.map((d: { path: string }) => d.path)).to.include('/firms/0/size');
  });

  it('validate coerces query values to the schema, fills defaults, keeps ?lang and names /query/…', async () => {
    const q = appWith(validate({ query: aggregatesQuery }));
    expect((await request(q).get('/x?includeFlagged=true&lang=en')).body.query).to.deep.equal({
      includeFlagged: true,
      lang: 'en',
    });
    expect((await request(q).get('/x')).body.query).to.deep.equal({ includeFlagged: false });
    const bad = await request(q).get('/x?includeFlagged=maybe&x=1');
    expect(bad.status).to.equal(422);
    expect(
      bad.body.error.details.map((d: { path: string; code: string }) => `${d.path} ${d.code}`),
    ).to.have.members(['/query/includeFlagged invalid_type', '/query/x unknown_key']);
  });

  it('validate checks path parameters and names /params/…', async () => {
    const p = appWith(validate({ params: rankingParams }), '/r/:family/:year');
    expect((await request(p).get('/r/pci/2016.csv')).status).to.equal(200);
    const bad = await request(p).get('/r/pci/20x6');
    expect(bad.status).to.equal(422);
    expect(bad.body.error.details[0]).to.include({ path: '/params/year', code: 'invalid_format' });
  });

  it('every code the validator can report has a message in the server catalogue', () => {
    for (const code of [
      'not_an_object',
      'required',
      'unknown_key',
      'invalid_type',
      'not_integer',
      'invalid_option',
      'below_minimum',
      'above_maximum',
      'too_short',
      'too_long',
      'invalid_format',
      'invalid_date',
      'too_few_items',
      'too_many_items',
      'duplicate_item',
      'too_few_properties',
      'too_many_properties',
      'one_of',
      'invalid_value',
    ])
      expect(serverMessageCodes).to.include(code);
  });
});
