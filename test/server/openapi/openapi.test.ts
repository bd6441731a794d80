import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '#server/app.js';
import { openDatabase, type Database } from '#server/db/client.js';
import { createLogger } from '#server/http/logger.js';
import { openApiPaths } from '#server/openapi/document.js';
import { PAYLOAD_SCHEMAS, payloadSchemas } from '#server/cli/api-payload-schemas.js';
import { testReleases } from '#test/support/releases.js';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  rawPath?: string;
  handle?: { stack?: Layer[] };
}

/** Every route the app registers, as "get /api/v1/…" in OpenAPI path syntax. */
function registered(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const l of stack) {
      if (l.route) {
        for (const m of Object.keys(l.route.methods))
          for (const p of openApiPaths(prefix + l.route.path)) out.push(`${m} ${p}`);
      } else if (l.handle?.stack)
        walk(l.handle.stack, prefix + (l.rawPath && l.rawPath !== '/' ? l.rawPath : ''));
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out;
}

describe('OpenAPI document', function () {
  this.timeout(60_000);
  let database: Database;
  let app: Express;
  let doc: { paths: Record<string, Record<string, { description?: string }>> };

  before(async () => {
    database = await openDatabase({ memory: true });
    app = createApp({
      config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'production' },
      database,
      logger: createLogger('silent'),
      releases: testReleases(database.db),
    });
    doc = (await request(app).get('/api/openapi.json').expect(200).expect('content-type', /json/)).body;
  });
  after(() => database.close());

  it('GET /api/openapi.json is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)', async () => {
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? [], JSON.stringify(result.errors ?? []).slice(0, 2000)).to.deep.equal([]);
    expect(result.valid).to.equal(true);
    expect((doc as unknown as { openapi: string }).openapi).to.equal('3.1.0');
  });

  it('GET /api/openapi.json documents every registered route with a description, and nothing else', () => {
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    const routes = registered(app);
    expect(
      routes.filter((r) => !documented.includes(r)),
      'registered but not documented',
    ).to.deep.equal([]);
    expect(
      documented.filter((r) => !routes.includes(r)),
      'documented but not registered',
    ).to.deep.equal([]);
    for (const [p, ops] of Object.entries(doc.paths))
      for (const [m, op] of Object.entries(ops))
        expect(op.description, `${m} ${p}`).to.be.a('string').and.not.equal('');
  });

  it('api/schemas/releases/payloads.schema.json is what npm run api:payload-schemas generates from api/', () => {
    expect(readFileSync(PAYLOAD_SCHEMAS, 'utf8')).to.equal(payloadSchemas());
  });

  it('GET /api/docs serves Swagger UI with no inline script under the strict CSP', async () => {
    const page = await request(app).get('/api/docs').expect(200).expect('content-type', /html/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp.split(';').find((d) => d.startsWith('script-src'))).to.equal("script-src 'self'");
    expect(page.text).not.to.match(/<script>(?!<\/script>)/);
    await request(app)
      .get('/api/docs/init.js')
      .expect(200)
      .expect('content-type', /javascript/);
    await request(app).get('/api/docs/assets/swagger-ui-bundle.js').expect(200);
    await request(app).get('/api/docs/assets/swagger-ui.css').expect(200);
    await request(app).get('/api/docs/assets/index.html').expect(404);
  });
});
