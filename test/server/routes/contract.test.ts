import { expect } from 'chai';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '#server/db/schema/index.js';
import type { Express } from 'express';
import request from 'supertest';
import { ddciDemo2024, ddciDemo2025 } from '#surveys/shipped.js';
import type { SurveyDefinition } from '#surveys/types.js';
import { describeEachDatabase } from '#test/support/db.js';
import {
  ANALYST_TOKEN,
  DEPARTMENTS,
  issue,
  LOCALITIES,
  publishEdition,
  seedFamily,
  testApp,
} from '#test/server/collection/support.js';

type Call = (app: Express, slug: string) => request.Test;
interface Case {
  name: string;
  call: Call;
  /** [path, code] of the first field error. */
  expect: [string, string];
}

const auth = `Bearer ${ANALYST_TOKEN}`;
const edition = (over: object = {}) => ({
  family: 'ddci-test',
  year: 2030,
  definition: { ...ddciDemo2025, edition: 2030 },
  opensOn: '2030-01-01',
  closesOn: '2030-12-31',
  units: { departments: DEPARTMENTS, localities: LOCALITIES },
  ...over,
});
const post =
  (path: (slug: string) => string, body: object | string): Call =>
  (app, slug) =>
    request(app)
      .post(`/api/v1${path(slug)}`)
      .set('authorization', auth)
      .send(body);
const put =
  (path: (slug: string) => string, body: object): Call =>
  (app, slug) =>
    request(app)
      .put(`/api/v1${path(slug)}`)
      .set('authorization', auth)
      .send(body);
const get =
  (path: (slug: string) => string): Call =>
  (app, slug) =>
    request(app)
      .get(`/api/v1${path(slug)}`)
      .set('authorization', auth);

const editions = () => '/admin/survey-editions';
const codes = (s: string) => `/admin/survey-editions/${s}/codes`;
const check = (s: string) => `/surveys/${s}/codes/check`;
const draft = (s: string) => `/surveys/${s}/draft`;
const responses = (s: string) => `/surveys/${s}/responses`;
const submission = { submissionId: 'contract-test-0123456789', response: {} };

// Every endpoint with a request schema: one wrong-type, one missing-field, one unknown-field case.
const CASES: Case[] = [
  {
    name: 'POST /admin/survey-editions wrong type',
    call: post(editions, edition({ family: {} })),
    expect: ['/family', 'invalid_type'],
  },
  {
    name: 'POST /admin/survey-editions year as text',
    call: post(editions, edition({ year: '2030' })),
    expect: ['/year', 'invalid_type'],
  },
  {
    name: 'POST /admin/survey-editions missing',
    call: post(editions, edition({ units: undefined })),
    expect: ['/units', 'required'],
  },
  {
    name: 'POST /admin/survey-editions unknown',
    call: post(editions, edition({ colour: 'red' })),
    expect: ['/colour', 'unknown_key'],
  },
  {
    name: 'POST /admin/survey-editions bad date',
    call: post(editions, edition({ opensOn: '2030-13-01' })),
    expect: ['/opensOn', 'invalid_date'],
  },
  { name: 'POST …/codes wrong type', call: post(codes, { count: '5' }), expect: ['/count', 'invalid_type'] },
  { name: 'POST …/codes missing', call: post(codes, {}), expect: ['/', 'one_of'] },
  {
    name: 'POST …/codes unknown',
    call: post(codes, { count: 1, colour: 1 }),
    expect: ['/colour', 'unknown_key'],
  },
  {
    name: 'POST …/codes firm field wrong type',
    call: post(codes, { firms: [{ size: 5 }] }),
    expect: ['/firms/0/size', 'invalid_type'],
  },
  {
    name: 'POST …/codes unknown query',
    call: post((s) => `${codes(s)}?format=pdf`, { count: 1 }),
    expect: ['/query/format', 'invalid_option'],
  },
  {
    name: 'GET …/import-template wrong format',
    call: get((s) => `/admin/survey-editions/${s}/import-template.pdf`),
    expect: ['/params/format', 'invalid_option'],
  },
  {
    name: 'POST …/imports wrong channel',
    call: post((s) => `/admin/survey-editions/${s}/imports?channel=fax`, {}),
    expect: ['/query/channel', 'invalid_option'],
  },
  {
    name: 'POST …/imports unknown query',
    call: post((s) => `/admin/survey-editions/${s}/imports?colour=1`, {}),
    expect: ['/query/colour', 'unknown_key'],
  },
  {
    name: 'GET …/aggregates wrong type',
    call: get((s) => `/admin/survey-editions/${s}/aggregates?includeFlagged=maybe`),
    expect: ['/query/includeFlagged', 'invalid_type'],
  },
  {
    name: 'GET …/aggregates unknown',
    call: get((s) => `/admin/survey-editions/${s}/aggregates?colour=1`),
    expect: ['/query/colour', 'unknown_key'],
  },
  {
    name: 'POST /surveys/:slug/codes/check wrong type',
    call: post(check, { code: 5 }),
    expect: ['/code', 'invalid_type'],
  },
  { name: 'POST /surveys/:slug/codes/check missing', call: post(check, {}), expect: ['/code', 'required'] },
  {
    name: 'POST /surveys/:slug/codes/check unknown',
    call: post(check, { code: 'X', colour: 1 }),
    expect: ['/colour', 'unknown_key'],
  },
  {
    name: 'POST /surveys/:slug/codes/check not an object',
    call: post(check, [1]),
    expect: ['/', 'not_an_object'],
  },
  {
    name: 'PUT /surveys/:slug/draft wrong type',
    call: put(draft, { code: 'X', draft: [] }),
    expect: ['/draft', 'invalid_type'],
  },
  {
    name: 'PUT /surveys/:slug/draft missing',
    call: put(draft, { code: 'X' }),
    expect: ['/draft', 'required'],
  },
  {
    name: 'PUT /surveys/:slug/draft unknown',
    call: put(draft, { code: 'X', draft: {}, colour: 1 }),
    expect: ['/colour', 'unknown_key'],
  },
  {
    name: 'POST /surveys/:slug/responses wrong type',
    call: post(responses, { ...submission, durationSeconds: 'ten' }),
    expect: ['/durationSeconds', 'invalid_type'],
  },
  {
    name: 'POST /surveys/:slug/responses bad id',
    call: post(responses, { ...submission, submissionId: 'short' }),
    expect: ['/submissionId', 'invalid_format'],
  },
  {
    name: 'POST /surveys/:slug/responses missing',
    call: post(responses, { submissionId: submission.submissionId }),
    expect: ['/response', 'required'],
  },
  {
    name: 'POST /surveys/:slug/responses unknown',
    call: post(responses, { ...submission, colour: 1 }),
    expect: ['/colour', 'unknown_key'],
  },
];

describeEachDatabase('request schemas on every endpoint', (ctx) => {
  let app: Express;
  let slug: string;

  before(async () => {
    await seedFamily(ctx.database.db);
    app = testApp(ctx.database).app;
    slug = await publishEdition(app);
  });

  for (const c of CASES) {
    it(`${c.name} answers 422 naming ${c.expect[0]} (${c.expect[1]}), bilingual`, async () => {
      const res = await c.call(app, slug);
      expect(res.status, JSON.stringify(res.body)).to.equal(422);
      expect(res.body.error.code).to.equal('validation_failed');
      const first = res.body.error.details[0];
      expect([first.path, first.code]).to.deep.equal(c.expect);
      expect(first.message.vi).to.be.a('string').and.not.equal(first.message.en);
    });
  }

  it('a rejected request changes nothing: no edition is created by a bad body', async () => {
    await post(editions, edition({ slug: 'never-made', year: '2031' }))(app, slug);
    expect((await request(app).get('/api/v1/surveys/never-made')).status).to.equal(404);
  });

  it('valid requests still pass: codes by count and by firm list', async () => {
    expect(await issue(app, slug, { count: 2 })).to.have.length(2);
    expect(await issue(app, slug, { firms: [{ firmRef: 'F-1', size: 'small' }] })).to.have.length(1);
  });
});

/** The 2024 definition with one rating item's scale changed: a breaking change under the same code. */
function breaking(year: number): SurveyDefinition {
  const d = structuredClone({ ...ddciDemo2025, edition: year }) as SurveyDefinition;
  const scales = d.scales as Record<string, { points?: number; labels?: unknown[] }>;
  const [name, scale] = Object.entries(scales).find(([, s]) => Array.isArray(s.labels))!;
  scales[name] = { ...scale, labels: [...scale.labels!].reverse() };
  return d;
}

describeEachDatabase('publishing a survey edition checks compatibility with the previous one', (ctx) => {
  let app: Express;

  before(async () => {
    await seedFamily(ctx.database.db, 'ddci-compat');
    app = testApp(ctx.database).app;
    await publishEdition(app, { family: 'ddci-compat', year: 2024, definition: ddciDemo2024 });
  });

  it('POST /admin/survey-editions refuses breaking changes against the previous edition with 422 breaking_changes', async () => {
    const res = await post(
      editions,
      edition({ family: 'ddci-compat', year: 2025, definition: breaking(2025) }),
    )(app, '');
    expect(res.status).to.equal(422);
    expect(res.body.error.code).to.equal('breaking_changes');
    const details = res.body.error.details as Array<{ path: string; code: string }>;
    expect(details.some((d) => d.code === 'scale_reversed')).to.equal(true);
    expect(details.at(-1)).to.include({ path: '/acceptBreakingChanges', code: 'breaking_changes' });
    expect((await request(app).get('/api/v1/surveys/ddci-compat-2025')).status).to.equal(404);
  });

  it('POST /admin/survey-editions publishes them when the request accepts them, and reports what it accepted', async () => {
    const res = await post(
      editions,
      edition({ family: 'ddci-compat', year: 2025, definition: breaking(2025), acceptBreakingChanges: true }),
    )(app, '');
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.acceptedBreakingChanges.map((p: { code: string }) => p.code)).to.include(
      'scale_reversed',
    );
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'survey_edition.create'), eq(auditLog.entityId, 'ddci-compat-2025')));
    expect(entry?.actor).to.equal('test-analyst');
    expect(JSON.stringify(entry?.after)).to.contain('scale_reversed');
  });

  it('POST /admin/survey-editions accepts a compatible next edition without the flag', async () => {
    const res = await post(
      editions,
      edition({ family: 'ddci-compat', year: 2026, definition: { ...breaking(2025), edition: 2026 } }),
    )(app, '');
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.acceptedBreakingChanges).to.deep.equal([]);
  });
});
