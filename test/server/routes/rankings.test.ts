import { expect } from 'chai';
import { Writable } from 'node:stream';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '#server/app.js';
import { createLogger } from '#server/http/logger.js';
import { PCI_DATA_DIR } from '#server/import/context.js';
import { importShippedPci } from '#server/import/run.js';
import type { Ranking } from '#api/releases.js';
import { publishImportedEditions } from '#server/releases/publish-imported.js';
import { describeEachDatabase } from '#test/support/db.js';
import { testReleases } from '#test/support/releases.js';

/** Published 2016 composites straight from the shipped CSV, to compare with what the API serves. */
const published2016 = new Map(
  readFileSync(path.join(PCI_DATA_DIR, 'pci-scores-2006-2016.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c[0] === '2016')
    .map((c) => [c[3]!, { rank: Number(c[1]), composite: Number(c[17]), transparency: Number(c[7]) }]),
);

describeEachDatabase('rankings API', (ctx) => {
  let app: Express;
  const logs: string[] = [];
  before(async function () {
    this.timeout(300_000);
    await importShippedPci(ctx.database.db);
    const releases = testReleases(ctx.database.db);
    await publishImportedEditions(ctx.database.db, releases.key, 'pci');
    await releases.refresh();
    const sink = new Writable({ write: (chunk, _enc, cb) => (logs.push(String(chunk)), cb()) });
    app = createApp({
      config: { bodyLimitBytes: 10_000, trustProxy: false, nodeEnv: 'test' },
      database: ctx.database,
      logger: createLogger('info', sink),
      releases,
    });
  });

  it('GET /api/v1/rankings/pci/2016 returns 63 provinces with the published composites, sorted by rank', async () => {
    const res = await request(app).get('/api/v1/rankings/pci/2016').expect(200);
    const body = res.body as Ranking;
    expect(body.rows).to.have.length(63);
    expect(body.components.map((c) => c.code)).to.have.length(10);
    expect(body.rows.map((r) => r.rank)).to.deep.equal(
      [...body.rows.map((r) => r.rank)].sort((a, b) => a! - b!),
    );
    for (const row of body.rows) {
      const p = published2016.get(row.unit.code)!;
      expect(row.composite).to.equal(p.composite);
      expect(row.rank).to.equal(p.rank);
      expect(row.scores.transparency).to.equal(p.transparency);
    }
    expect(body.rows[0]!.unit.name).to.deep.equal({ vi: 'Đà Nẵng', en: 'Da Nang' });
    expect(body.rows[0]!.tier).to.deep.equal({ code: 'excellent', name: { vi: 'Rất tốt', en: 'Excellent' } });
  });

  it('GET /api/v1/rankings/pci/2016 derives sub-index ranks with ties sharing the lowest rank', async () => {
    const body = (await request(app).get('/api/v1/rankings/pci/2016')).body as Ranking;
    const values = body.rows.map((r) => r.scores.transparency!);
    for (const row of body.rows) {
      expect(row.ranks.transparency).to.equal(1 + values.filter((v) => v > row.scores.transparency!).length);
    }
  });

  it('GET /api/v1/rankings/pci/2008 includes Hà Tây and leaves 2009–2012 fair competition out', async () => {
    const y2008 = (await request(app).get('/api/v1/rankings/pci/2008')).body as Ranking;
    expect(y2008.rows).to.have.length(64);
    expect(y2008.rows.some((r) => r.unit.code === 'hatay')).to.equal(true);
    const y2010 = (await request(app).get('/api/v1/rankings/pci/2010')).body as Ranking;
    expect(y2010.rows).to.have.length(63);
    expect(y2010.components.map((c) => c.code)).not.to.include('policy_bias');
    expect(y2010.components.reduce((s, c) => s + c.weight!, 0)).to.be.closeTo(1, 1e-9);
  });

  it('GET /api/v1/rankings/pci/2016.csv returns CSV with a BOM and Vietnamese headers; ?lang=en English ones', async () => {
    const res = await request(app).get('/api/v1/rankings/pci/2016.csv').expect(200);
    expect(res.headers['content-type']).to.match(/^text\/csv/);
    expect(res.text.startsWith('\uFEFF')).to.equal(true);
    const lines = res.text.slice(1).trim().split('\r\n');
    expect(lines).to.have.length(64);
    expect(lines[0]).to.match(/^Hạng,Mã đơn vị,Đơn vị,PCI \(có trọng số\),/);
    expect(lines[1]).to.match(/^1,danang,Đà Nẵng,70.001396,/);
    const en = await request(app).get('/api/v1/rankings/pci/2016.csv?lang=en').expect(200);
    expect(en.text.slice(1).split('\r\n')[0]).to.match(/^Rank,Unit code,Unit,PCI \(weighted\),/);
    expect(en.text.slice(1).split('\r\n')[1]).to.match(/^1,danang,Da Nang,70.001396,/);
  });

  it('GET /api/v1/families lists PCI with its editions 2006–2016 and their methodology versions', async () => {
    const res = await request(app).get('/api/v1/families').expect(200);
    const pci = res.body.families.find((f: { code: string }) => f.code === 'pci');
    const version = (y: number) =>
      pci.editions.find((e: { year: number }) => e.year === y).methodologyVersion;
    expect([version(2006), version(2012), version(2013), version(2016)]).to.deep.equal([
      'pci-2006',
      'pci-2009',
      'pci-2013',
      'pci-2013',
    ]);
    expect(pci.editions.map((e: { year: number }) => e.year)).to.deep.equal([
      2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016,
    ]);
  });

  it('GET /api/v1/rankings/pci/1999 is a JSON 404 in the caller’s language', async () => {
    const res = await request(app).get('/api/v1/rankings/pci/1999').set('accept-language', 'en').expect(404);
    expect(res.body.error.code).to.equal('not_found');
    expect(res.body.error.message).to.equal('No pci ranking for 1999');
    expect(res.body.error.messages.vi).to.equal('Không có bảng xếp hạng pci năm 1999');
  });

  it('GET /api/v1/rankings/pci/abc is a 422 naming the year, bilingual', async () => {
    const res = await request(app).get('/api/v1/rankings/pci/abc?lang=vi').expect(422);
    expect(res.body.error.code).to.equal('validation_failed');
    const [first] = res.body.error.details;
    expect([first.path, first.code]).to.deep.equal(['/params/year', 'invalid_format']);
    expect(first.message.vi).to.be.a('string').and.not.equal(first.message.en);
  });

  // Wrong-type, bad-format and unknown-field cases of the public ranking's path and query.
  for (const [url, field, code] of [
    ['/api/v1/rankings/PCI!/2016', '/params/family', 'invalid_format'],
    ['/api/v1/rankings/pci/2016?block=a&block=b', '/query/block', 'invalid_type'],
    ['/api/v1/rankings/pci/2016?block=%3Cscript%3E', '/query/block', 'invalid_format'],
    ['/api/v1/rankings/pci/2016.csv?colour=1', '/query/colour', 'unknown_key'],
  ]) {
    it(`GET ${url} is a 422 naming ${field} (${code})`, async () => {
      const res = await request(app).get(url!).expect(422);
      expect(res.body.error.code).to.equal('validation_failed');
      expect([res.body.error.details[0].path, res.body.error.details[0].code]).to.deep.equal([field, code]);
    });
  }

  it('GET /api/nothing is a JSON 404', async () => {
    const res = await request(app).get('/api/nothing').expect(404);
    expect(res.body.error.code).to.equal('not_found');
  });

  it('POST /api/... with a body over the limit is a 413, with bad JSON a 400, with __proto__ a 400', async () => {
    const big = await request(app)
      .post('/api/v1/families')
      .set('content-type', 'application/json')
      .send(`{"x":"${'a'.repeat(20_000)}"}`);
    expect(big.status).to.equal(413);
    expect(big.body.error.code).to.equal('payload_too_large');
    const bad = await request(app)
      .post('/api/v1/families')
      .set('content-type', 'application/json')
      .send('{"x":');
    expect(bad.body.error.code).to.equal('invalid_json');
    const proto = await request(app)
      .post('/api/v1/families')
      .set('content-type', 'application/json')
      .send('{"__proto__":{"admin":true}}');
    expect(proto.status).to.equal(400);
    expect(proto.body.error.code).to.equal('forbidden_key');
    expect(({} as Record<string, unknown>).admin).to.equal(undefined);
  });

  it('GET /healthz and /readyz answer, with security headers', async () => {
    const health = await request(app).get('/healthz').expect(200);
    expect(health.body).to.deep.equal({ status: 'ok' });
    expect(health.headers['x-content-type-options']).to.equal('nosniff');
    expect(health.headers['content-security-policy']).to.include("default-src 'self'");
    const ready = await request(app).get('/readyz').expect(200);
    expect(ready.body).to.deep.equal({ status: 'ready', database: ctx.backend });
  });

  it('request logs carry the route pattern and never the query string or body', async () => {
    logs.length = 0;
    await request(app).get('/api/v1/rankings/pci/2016?lang=en').expect(200);
    await request(app).get('/api/v1/rankings/pci/2016?secret=K7Q2-M9XD').expect(422);
    await request(app).post('/api/nothing').send({ code: 'K7Q2-M9XD-4HTB' });
    const text = logs.join('');
    expect(text).to.include('"route":"/api/v1/rankings/:family/:year"');
    expect(text).not.to.include('K7Q2');
    expect(text).not.to.include('secret');
  });
});
