import { expect } from 'chai';
import pg from 'pg';
import request from 'supertest';
import { openDatabase, type Database } from '#server/db/client.js';
import { isDatabaseBusy, isDatabaseUnavailable } from '#server/db/unavailable.js';
import { backends } from '#test/support/db.js';
import { testApp } from '#test/server/collection/support.js';

// Overload is not an outage: with every pooled connection in use past the pool's wait, a request
// gets 503 database_busy (Retry-After 2), told apart from an unreachable server (database_unavailable).
// PostgreSQL only: PGlite has one connection in this process and queues instead.

const url = process.env.TEST_DATABASE_URL;

describe('a full PostgreSQL pool is "busy", not "unavailable"', function () {
  this.timeout(60_000);
  let database: Database;
  let locker: pg.Client;

  before(async function () {
    if (!url) {
      if (process.env.REQUIRE_POSTGRES_TESTS === '1') throw new Error('TEST_DATABASE_URL is not set');
      this.skip();
    }
    await backends()
      .find((b) => b.name === 'postgres')!
      .get(); // migrated
    database = await openDatabase({ url: url!, pool: { max: 1, waitMs: 300 } });
    locker = new pg.Client({ connectionString: url });
    await locker.connect();
  });

  after(async () => {
    await locker?.end();
    await database?.close();
  });

  it('isDatabaseBusy(pg-pool queue timeout) is true; a refused connection is unavailable, not busy', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 200 });
    const held = await pool.connect();
    const queued = await pool.query('select 1').catch((e: unknown) => e);
    held.release();
    await pool.end();
    expect(isDatabaseBusy(queued), String(queued)).to.equal(true);

    const refused = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/x', max: 1 });
    const down = await refused.query('select 1').catch((e: unknown) => e);
    await refused.end();
    expect(isDatabaseBusy(down), String(down)).to.equal(false);
    expect(isDatabaseUnavailable(down)).to.equal(true);
  });

  it('GET /api/v1/surveys/:slug with the only connection held gets 503 database_busy, Retry-After 2, in both languages, /readyz says busy; then both recover', async () => {
    const { app } = testApp(database);
    // Another session locks the table, so the app's one connection waits inside the first request.
    await locker.query('begin');
    await locker.query('lock table survey_editions in access exclusive mode');
    const first = request(app)
      .get('/api/v1/surveys/no-such-edition')
      .then((r) => r);
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    const second = await request(app).get('/api/v1/surveys/no-such-edition').set('Accept-Language', 'vi');
    const waited = Date.now() - t0;
    const ready = await request(app).get('/readyz');
    await locker.query('rollback');
    console.log(`      busy answer after ${waited} ms (pool wait 300 ms)`);

    expect(second.status).to.equal(503);
    expect(second.headers['retry-after']).to.equal('2');
    expect(second.body.error.code).to.equal('database_busy');
    expect(second.body.error.messages.vi).to.match(/quá tải/);
    expect(second.body.error.messages.en).to.match(/busy/);
    expect(second.body.error.message).to.equal(second.body.error.messages.vi);
    expect([ready.status, ready.body.error.code]).to.deep.equal([503, 'database_busy']);
    expect((await first).status).to.equal(404);
    expect((await request(app).get('/readyz')).status).to.equal(200);
    expect((await request(app).get('/api/v1/surveys/no-such-edition')).status).to.equal(404);
  });
});
