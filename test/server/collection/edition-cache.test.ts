import { expect } from 'chai';
import { eq, sql } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { surveyCodes, surveyEditions } from '#server/db/schema/index.js';
import { codeHasher } from '#server/collection/code-hash.js';
import { cachedEdition, editionCurrent, requireEdition, vietnamToday } from '#server/collection/editions.js';
import { parseCode } from '#surveys/code-format.js';
import { describeEachDatabase } from '#test/support/db.js';
import { CODE_SECRET, issue, nonce, publishEdition, seedFamily, testApp, validResponse } from './support.js';

// A coded submission is checked against the edition as this process last loaded it; its claim
// checks in the same statement that the edition is still that version and open today. Changes made
// behind the cache's back (another instance, plain SQL) must still be obeyed.
describeEachDatabase('submitting to a cached edition', (ctx) => {
  let app: Express;
  let slug: string;
  let codes: string[];
  const submit = (code: string) =>
    request(app)
      .post(`/api/v1/surveys/${slug}/responses`)
      .send({ code, submissionId: nonce(), response: validResponse() });
  const used = async (code: string) => {
    const parsed = parseCode(code);
    if (!parsed.ok) throw new Error(`not a code: ${code}`);
    const hash = codeHasher(CODE_SECRET).code(parsed.code);
    const [row] = await ctx.database.db
      .select({ used: surveyCodes.used })
      .from(surveyCodes)
      .where(eq(surveyCodes.codeHash, hash));
    return row!.used;
  };
  const setEdition = (set: Partial<typeof surveyEditions.$inferInsert>) =>
    ctx.database.db.update(surveyEditions).set(set).where(eq(surveyEditions.slug, slug));

  before(async () => {
    await seedFamily(ctx.database.db);
    app = testApp(ctx.database).app;
    slug = await publishEdition(app);
    codes = await issue(app, slug, { count: 6 });
  });

  it('editionCurrent(e) holds for the edition as loaded and fails once its state, window or version changes', async () => {
    const db = ctx.database.db;
    const current = async () => {
      const e = await cachedEdition(db, slug);
      const [row] = await db.select({ ok: editionCurrent(e) }).from(sql`(select 1) as one`);
      return row!.ok;
    };
    await requireEdition(db, slug);
    expect(await current()).to.equal(true);
    await setEdition({ state: 'closed' });
    expect(await current()).to.equal(false);
    await setEdition({ state: 'open', opensOn: '2000-01-01', closesOn: '2001-01-01' });
    expect(await current()).to.equal(false);
    await setEdition({ closesOn: '2099-12-31', publishedAt: new Date(Date.now() - 1000) });
    expect(await current()).to.equal(false);
    await requireEdition(db, slug);
    expect(await current()).to.equal(true);
  });

  it('refuses a submission (403) once the edition was closed behind the cache, and claims nothing', async () => {
    expect((await submit(codes[0]!)).status).to.equal(200);
    await setEdition({ state: 'closed' });
    const res = await submit(codes[1]!);
    expect(res.status).to.equal(403);
    expect(res.body.error.code).to.equal('survey_closed');
    expect(await used(codes[1]!)).to.equal(false);
  });

  it('accepts submissions again once the edition was reopened behind the cache', async () => {
    await setEdition({ state: 'open' });
    expect((await submit(codes[2]!)).status).to.equal(200);
    expect(await used(codes[2]!)).to.equal(true);
  });

  it('applies a window moved behind the cache: 403 with the new closing date', async () => {
    expect((await submit(codes[3]!)).status).to.equal(200);
    await setEdition({ opensOn: '2000-01-01', closesOn: '2001-02-03' });
    const res = await submit(codes[4]!);
    expect(res.status).to.equal(403);
    expect(res.body.error.messages.en).to.contain('2001-02-03');
    expect(await used(codes[4]!)).to.equal(false);
  });
});

describe('vietnamToday', () => {
  it('vietnamToday(now) turns at midnight in Vietnam (17:00 UTC), whatever it was asked before', () => {
    const at = (iso: string) => vietnamToday(new Date(iso));
    expect(at('2026-06-30T16:59:59.999Z')).to.equal('2026-06-30');
    expect(at('2026-06-30T17:00:00.000Z')).to.equal('2026-07-01');
    expect(at('2026-06-30T16:00:00.000Z')).to.equal('2026-06-30');
    expect(at('2026-12-31T17:30:00.000Z')).to.equal('2027-01-01');
    expect(at('2026-12-31T17:59:59.000Z')).to.equal('2027-01-01');
    expect(() => vietnamToday(new Date(Number.NaN))).to.throw(RangeError);
  });
});
