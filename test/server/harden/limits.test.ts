import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '#server/app.js';
import { ConfigError, loadConfig } from '#server/config.js';
import { rateLimits } from '#server/db/schema/index.js';
import { createLogger } from '#server/http/logger.js';
import { OPEN_LIMITS } from '#server/limits/open-mode.js';
import { describeEachDatabase } from '#test/support/db.js';
import { resetDatabase } from '#test/support/db.js';
import {
  CODE_SECRET,
  issue,
  nonce,
  publishEdition,
  seedFamily,
  validResponse,
} from '#test/server/collection/support.js';
import type { Database } from '#server/db/client.js';

/** An app instance behind one trusted proxy (TRUST_PROXY=1), as a load balancer would run several. */
function instance(database: Database, codeAttempts?: number): Express {
  return createApp({
    config: {
      bodyLimitBytes: 1 << 20,
      trustProxy: 1,
      nodeEnv: 'test',
      codeSecret: CODE_SECRET,
      codeAttempts,
    },
    database,
    logger: createLogger('silent'),
  });
}

describe('TRUST_PROXY', () => {
  it('loadConfig reads a hop count or proxy addresses, and refuses "true" with a message saying what to set', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).to.equal(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,loopback' }).trustProxy).to.deep.equal([
      '10.0.0.5',
      '10.1.0.0/16',
      'loopback',
    ]);
    expect(loadConfig({}).trustProxy).to.equal(false);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).to.throw(ConfigError, /number of proxies/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).to.throw(ConfigError, /not an IP address/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' })).to.throw(ConfigError);
  });
});

describeEachDatabase('abuse limits shared through the database', (ctx) => {
  let slug: string;
  let codes: string[];
  const check = (app: Express, code: string, client: string) =>
    request(app).post(`/api/v1/surveys/${slug}/codes/check`).set('x-forwarded-for', client).send({ code });

  before(async () => {
    await seedFamily(ctx.database.db);
    const app = instance(ctx.database);
    slug = await publishEdition(app);
    codes = await issue(app, slug, { count: 5 });
  });

  it('wrong codes counted by one instance are refused by another (429, Retry-After); keys hold no address', async () => {
    const a = instance(ctx.database, 3);
    const b = instance(ctx.database, 3);
    for (let i = 0; i < 3; i++)
      expect((await check(a, 'ZZZZ-ZZZZ-ZZZZ-ZZ', '198.51.100.7')).status).to.equal(422);
    expect((await check(a, 'ZZZZ-ZZZZ-ZZZZ-ZZ', '198.51.100.7')).status).to.equal(422); // the slow lane
    const res = await check(b, codes[0]!, '198.51.100.7');
    expect(res.status).to.equal(429);
    expect(Number(res.headers['retry-after'])).to.be.within(1, 10);
    const keys = (await ctx.database.db.select().from(rateLimits)).map((r) => r.key);
    expect(keys.length).to.be.greaterThan(0);
    expect(keys.join(' ')).not.to.include('198.51.100');
  });

  it('an instance that read a count before another locked the client out lets at most one more wrong code through', async () => {
    const a = instance(ctx.database, 3);
    const b = instance(ctx.database, 3);
    const client = '198.51.100.20';
    // a reads the count (0) and keeps it: its next right code costs no read of the counter.
    expect((await check(a, codes[2]!, client)).status).to.equal(200);
    for (let i = 0; i < 4; i++) expect((await check(b, 'ZZZZ-ZZZZ-ZZZZ-ZZ', client)).status).to.equal(422);
    // a's stale count lets one wrong code through; counting it returns the shared total, and then
    // a refuses as b does (the slow lane was spent at b).
    expect((await check(a, 'ZZZZ-ZZZZ-ZZZZ-ZZ', client)).status).to.equal(422);
    expect((await check(a, 'ZZZZ-ZZZZ-ZZZZ-ZZ', client)).status).to.equal(429);
    expect((await check(a, codes[2]!, client)).status).to.equal(429);
  });

  it('rotating the left-most X-Forwarded-For does not escape the limit behind one trusted proxy', async () => {
    const app = instance(ctx.database, 3);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await check(app, 'ZZZZ-ZZZZ-ZZZZ-ZZ', `10.9.${i}.1, 203.0.113.9`)).status);
    expect(statuses).to.include(429);
    // Another real client (another address seen by the proxy) is not affected.
    expect((await check(app, codes[1]!, '203.0.113.10')).status).to.equal(200);
  });

  // A fresh family and app with small open-mode limits (3 per client, 5 per edition), restored afterwards.
  async function withSmallOpenLimits(fn: (app: Express) => Promise<void>): Promise<void> {
    await resetDatabase(ctx.database);
    await seedFamily(ctx.database.db);
    const saved = { ...OPEN_LIMITS };
    Object.assign(OPEN_LIMITS, { perClient: 3, perEdition: 5 });
    try {
      await fn(instance(ctx.database));
    } finally {
      Object.assign(OPEN_LIMITS, saved);
    }
  }

  it('open mode is limited per client per edition and per edition; other clients and editions still answer', async () => {
    await withSmallOpenLimits(async (app) => {
      const open = await publishEdition(app, { openMode: true, year: 2026, slug: 'open-a' });
      const other = await publishEdition(app, { openMode: true, year: 2027, slug: 'open-b' });
      const send = (s: string, client: string) =>
        request(app)
          .post(`/api/v1/surveys/${s}/responses`)
          .set('x-forwarded-for', client)
          .send({ submissionId: nonce(), response: validResponse() });
      const first = [];
      for (let i = 0; i < 4; i++) first.push((await send(open, '192.0.2.1')).status);
      expect(first).to.deep.equal([200, 200, 200, 429]);
      expect((await send(other, '192.0.2.1')).status).to.equal(200);
      expect((await send(open, '192.0.2.2')).status).to.equal(200);
      expect((await send(open, '192.0.2.3')).status).to.equal(200);
      const over = await send(open, '192.0.2.4'); // sixth for this edition
      expect(over.status).to.equal(429);
      expect(over.body.error.messages.vi).to.include('không có mã');
    });
  });

  it('open mode: only valid answers to an open-mode edition spend the allowance, never a code-only edition’s', async () => {
    await withSmallOpenLimits(async (app) => {
      const coded = await publishEdition(app, { year: 2026, slug: 'coded-a' });
      const open = await publishEdition(app, { openMode: true, year: 2027, slug: 'open-c' });
      const send = (s: string, body: object) =>
        request(app).post(`/api/v1/surveys/${s}/responses`).set('x-forwarded-for', '192.0.2.7').send(body);
      for (let i = 0; i < 5; i++) {
        const res = await send(coded, { submissionId: nonce(), response: validResponse() });
        expect(res.status, `code-less answer ${i + 1} to a code-only edition`).to.equal(422);
        expect(res.body.error.code).to.equal('code_required');
      }
      for (let i = 0; i < 4; i++)
        expect((await send(open, { submissionId: nonce(), response: 'not an object' })).status).to.equal(422);
      const valid = [];
      for (let i = 0; i < 4; i++)
        valid.push((await send(open, { submissionId: nonce(), response: validResponse() })).status);
      expect(valid).to.deep.equal([200, 200, 200, 429]);
    });
  });
});
