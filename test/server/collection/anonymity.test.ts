import { expect } from 'chai';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { responses } from '#server/db/schema/index.js';
import { describeEachDatabase } from '#test/support/db.js';
import { mixNow } from './mix.js';
import { issue, nonce, publishEdition, seedFamily, testApp, validResponse } from './support.js';

type Row = Record<string, string>;

describeEachDatabase('anonymity by design', (ctx) => {
  const rows = async (query: ReturnType<typeof sql>): Promise<Row[]> => {
    const r = await ctx.database.db.execute<Row>(query);
    return (r as unknown as { rows?: Row[] }).rows ?? (r as unknown as Row[]);
  };

  for (const table of ['responses', 'response_ratings']) {
    it(`${table} has no column that names a code, a firm or a time of day`, async () => {
      const columns = await rows(
        sql`select column_name, data_type, coalesce(column_default, '') as column_default from information_schema.columns where table_schema = 'public' and table_name = ${table}`,
      );
      expect(columns.length).to.be.greaterThan(3);
      for (const c of columns) {
        expect(c.column_name, `${table}.${c.column_name}`).not.to.match(
          /code|firm|hash|token|ip|agent|_at$|time/i,
        );
        expect(c.data_type, `${table}.${c.column_name}`).not.to.match(/timestamp|time|interval/);
        // No serial or identity: insertion order must not be readable from a key.
        expect(c.column_default, `${table}.${c.column_name}`).not.to.match(/nextval/);
      }
      const identity = await rows(
        sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table} and is_identity = 'YES'`,
      );
      expect(identity).to.deep.equal([]);
    });

    it(`${table} has no key to survey_codes, code_firms, drafts or open_submissions`, async () => {
      const refs = await rows(sql`
        select ccu.table_name as target from information_schema.table_constraints tc
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
        where tc.table_schema = 'public' and tc.constraint_type = 'FOREIGN KEY' and tc.table_name = ${table}`);
      const targets = refs.map((r) => r.target);
      expect(targets).to.not.include.members(['survey_codes', 'code_firms', 'drafts', 'open_submissions']);
      for (const t of targets) expect(['survey_editions', 'units', 'responses']).to.include(t);
    });
  }

  it('survey_codes records only that a code was used: no time, no response reference', async () => {
    const columns = await rows(
      sql`select column_name, data_type from information_schema.columns where table_schema = 'public' and table_name = 'survey_codes'`,
    );
    expect(columns.map((c) => c.column_name).sort()).to.deep.equal([
      'code_hash',
      'draft_started',
      'stored',
      'submission_hash',
      'survey_edition_id',
      'used',
    ]);
    const refs = await rows(sql`
      select ccu.table_name as target from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_name = 'survey_codes'`);
    expect(refs.map((r) => r.target)).to.deep.equal(['survey_editions']);
  });

  it('response ids are random version-4 UUIDs and the date has no time of day', async () => {
    await seedFamily(ctx.database.db);
    const { app } = testApp(ctx.database);
    const slug = await publishEdition(app);
    const codes = await issue(app, slug, { count: 2 });
    for (const code of codes)
      await request(app)
        .post(`/api/v1/surveys/${slug}/responses`)
        .send({ code, submissionId: nonce(), response: validResponse() });
    await mixNow(ctx.database.db);
    const stored = await ctx.database.db
      .select({ id: responses.id, on: responses.submittedOn })
      .from(responses);
    expect(stored).to.have.length(2);
    for (const r of stored) {
      expect(r.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r.on).to.match(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('no log line contains a survey code, in any spelling, through check, draft, submit, retry and errors', async () => {
    const { app, logs } = testApp(ctx.database);
    const slug = await publishEdition(app, { year: 2024, slug: 'log-2024' });
    const [code, other] = await issue(app, slug, { count: 2 });
    const submissionId = nonce();
    const api = `/api/v1/surveys/${slug}`;
    await request(app).post(`${api}/codes/check`).send({ code });
    await request(app)
      .put(`${api}/draft`)
      .send({ code, draft: { answers: { CONSENT: 1 } } });
    await request(app).get(`${api}/draft`).set('survey-code', code!);
    await request(app)
      .post(`${api}/responses`)
      .send({ code, submissionId, response: { answers: { CONSENT: 7 } } });
    const ok = await request(app)
      .post(`${api}/responses`)
      .send({ code, submissionId, response: validResponse() });
    expect(ok.status).to.equal(200);
    await request(app).post(`${api}/responses`).send({ code, submissionId, response: validResponse() });
    await request(app)
      .post(`${api}/responses`)
      .send({
        code: other!.toLowerCase().replace(/-/g, ' '),
        submissionId: nonce(),
        response: { answers: {} },
      });
    await request(app)
      .post(`${api}/codes/check`)
      .send({ code: `${code!.slice(0, -1)}Q` });
    expect(logs.length).to.be.greaterThan(7);
    const text = logs.join('\n').toUpperCase();
    for (const c of [code!, other!]) {
      expect(text).not.to.contain(c);
      expect(text).not.to.contain(c.replace(/-/g, ''));
      expect(text).not.to.contain(c.slice(0, 9));
    }
    expect(text).not.to.contain(submissionId.toUpperCase());
    for (const line of logs) expect(JSON.parse(line)).to.not.have.any.keys('body', 'url', 'headers');
  });
});
