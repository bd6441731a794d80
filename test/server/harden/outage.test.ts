import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '#server/config.js';
import { createLogger } from '#server/http/logger.js';
import { startServer, type Running } from '#server/serve.js';
import { pgServerAvailable, startPgServer, type PgServer } from '#test/support/pg-server.js';

const required = process.env.REQUIRE_POSTGRES_TESTS === '1';

async function get(url: string): Promise<{ status: number; retryAfter: string | null; body: unknown }> {
  const r = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.json() };
}

/** Polls until `url` answers `status`; returns the milliseconds it took. */
async function msUntil(url: string, status: number, limitMs: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < limitMs) {
    if ((await get(url)).status === status) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not recover within ${limitMs} ms`);
}

describe('database outage on a PostgreSQL server', function () {
  this.timeout(120_000);
  let pg: PgServer;
  let app: Running;
  let config: Parameters<typeof startServer>[0];
  const logs: string[] = [];

  before(async function () {
    if (!pgServerAvailable()) {
      if (required) throw new Error('REQUIRE_POSTGRES_TESTS=1 but the PostgreSQL binaries are missing');
      this.skip();
    }
    pg = startPgServer(55500 + Math.floor(Math.random() * 400));
    config = {
      ...loadConfig({}),
      port: 0,
      databaseUrl: pg.url,
      dataDir: mkdtempSync(path.join(tmpdir(), 'outage-')),
      seed: false,
      logLevel: 'warn' as const,
    };
    const sink = new Writable({ write: (c, _e, done) => (logs.push(String(c)), done()) });
    app = await startServer(config, createLogger('warn', sink));
  });

  after(async () => {
    await app?.close();
    pg?.destroy();
  });

  for (const mode of ['immediate', 'fast'] as const) {
    it(`a ${mode} stop: requests get 503 with Retry-After, /readyz says so, and both recover within 5 s of the restart`, async () => {
      // A query that reaches the database: an unknown edition is a 404 while it answers.
      expect((await get(`${app.url}/api/v1/surveys/no-such-edition`)).status).to.equal(404);
      pg.stop(mode);
      await new Promise((r) => setTimeout(r, 300)); // idle pooled connections see the drop
      const during = await get(`${app.url}/api/v1/surveys/no-such-edition`);
      expect(during.status).to.equal(503);
      expect(during.retryAfter).to.equal('5');
      expect((during.body as { error: { code: string } }).error.code).to.equal('database_unavailable');
      const ready = await get(`${app.url}/readyz`);
      expect([ready.status, ready.retryAfter]).to.deep.equal([503, '5']);
      expect((await get(`${app.url}/healthz`)).status).to.equal(200); // the process itself is alive
      pg.start();
      const ms = await msUntil(`${app.url}/api/v1/surveys/no-such-edition`, 404, 5000);
      console.log(`      recovered ${ms} ms after the database accepted connections again`);
      expect(ms).to.be.below(5000);
      expect((await get(`${app.url}/readyz`)).status).to.equal(200);
    });
  }

  it('startServer waits for a PostgreSQL server that is not up yet, then serves (no exit)', async () => {
    pg.stop('fast');
    const messages: string[] = [];
    const starting = startServer(config, createLogger('silent'), { progress: (m) => messages.push(m) });
    await new Promise((r) => setTimeout(r, 2500));
    pg.start();
    const second = await starting;
    try {
      expect(messages.some((m) => m.includes('not reachable yet'))).to.equal(true);
      expect((await get(`${second.url}/readyz`)).status).to.equal(200);
    } finally {
      await second.close();
    }
  });

  it('logs the dropped connections as warnings, without SQL or parameters', () => {
    const warnings = logs.filter((l) => l.includes('database connection lost'));
    expect(warnings.length).to.be.greaterThan(0);
    // (server/collection/jobs.ts logs its own failed queries; reported, not this test's subject.)
    expect(warnings.join('')).not.to.include('params');
  });
});
