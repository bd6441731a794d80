import { expect } from 'chai';
import { count, eq, sql } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { codeHasher } from '#server/collection/code-hash.js';
import { startCollectionJobs } from '#server/collection/jobs.js';
import { runMixer } from '#server/collection/mixer.js';
import { pendingSubmissions, responses, surveyCodes } from '#server/db/schema/index.js';
import { describeEachDatabase } from '#test/support/db.js';
import { CODE_SECRET, issue, nonce, publishEdition, seedFamily, testApp, validResponse } from './support.js';

const hasher = codeHasher(CODE_SECRET);

describeEachDatabase('mixer', (ctx) => {
  let app: Express;
  let slug: string;
  let codes: string[];
  const n = async (table: typeof responses | typeof pendingSubmissions) =>
    (await ctx.database.db.select({ n: count() }).from(table))[0]!.n;
  const submit = (code: string) =>
    request(app)
      .post(`/api/v1/surveys/${slug}/responses`)
      .send({ code, submissionId: nonce(), response: validResponse() });

  before(async () => {
    await seedFamily(ctx.database.db);
    app = testApp(ctx.database).app;
    slug = await publishEdition(app, { slug: 'mixer-2025' });
    codes = await issue(app, slug, { count: 12 });
  });

  it('runMixer stores nothing while fewer than k coded submissions wait and the window is open', async () => {
    for (const code of codes.slice(0, 4)) expect((await submit(code)).status).to.equal(200);
    const pass = await runMixer(ctx.database.db, hasher, { k: 5, maxDelayMs: 0 });
    expect(pass.batches).to.deep.equal([]);
    expect(await n(responses)).to.equal(0);
    expect(await n(pendingSubmissions)).to.equal(4);
  });

  it('startCollectionJobs stores what was acknowledged before a restart, at its first pass', async () => {
    // A new app instance stands for the restarted server: only the database carries over.
    app = testApp(ctx.database).app;
    expect((await submit(codes[4]!)).status).to.equal(200);
    const jobs = startCollectionJobs(ctx.database.db, hasher, {
      k: 5,
      maxDelayMs: 0,
      intervalSeconds: 3600,
      draftIdleDays: 30,
    });
    const first = await jobs.runOnce();
    await jobs.stop();
    expect(first.mixed).to.deep.equal([5]);
    expect(await n(responses)).to.equal(5);
    expect(await n(pendingSubmissions)).to.equal(0);
    const stored = await ctx.database.db
      .select({ n: count() })
      .from(surveyCodes)
      .where(eq(surveyCodes.stored, true));
    expect(stored[0]!.n).to.equal(5);
  });

  it('a batch is one transaction and one day', async () => {
    const r = await ctx.database.db.execute<{ x: string; days: string }>(
      sql`select count(distinct xmin::text)::text as x, count(distinct submitted_on)::text as days from responses`,
    );
    const row = ((r as unknown as { rows?: unknown[] }).rows ?? (r as unknown as unknown[]))[0] as {
      x: string;
      days: string;
    };
    expect(row).to.deep.equal({ x: '1', days: '1' });
  });

  it('after the window closes, a final batch smaller than k waits for the maximum delay, then is stored', async () => {
    for (const code of codes.slice(5, 7)) expect((await submit(code)).status).to.equal(200);
    const afterClose = new Date('2100-01-02T00:00:00Z');
    const early = await runMixer(ctx.database.db, hasher, { k: 5, maxDelayMs: 1e15 }, { now: afterClose });
    expect(early.batches).to.deep.equal([]);
    const due = await runMixer(ctx.database.db, hasher, { k: 5, maxDelayMs: 3600_000 }, { now: afterClose });
    expect(due.batches).to.deep.equal([2]);
    expect(await n(responses)).to.equal(7);
  });

  it('two mixers at once store each submission once', async () => {
    for (const code of codes.slice(7, 12)) expect((await submit(code)).status).to.equal(200);
    const both = await Promise.all([
      runMixer(ctx.database.db, hasher, { k: 5, maxDelayMs: 0 }),
      runMixer(ctx.database.db, hasher, { k: 5, maxDelayMs: 0 }),
    ]);
    expect(both.flatMap((b) => b.batches)).to.deep.equal([5]);
    expect(await n(responses)).to.equal(12);
  });
});
