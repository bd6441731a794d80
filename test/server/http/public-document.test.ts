import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { INLINE_RESPONSES_ELEMENT } from '#api/public-paths.js';
import { createApp } from '#server/app.js';
import { createLogger } from '#server/http/logger.js';
import { inlineResponses } from '#server/http/public-first-view.js';
import { staticClient } from '#server/http/static-client.js';
import { importShippedPci } from '#server/import/run.js';
import { publishImportedEditions } from '#server/releases/publish-imported.js';
import { describeEachDatabase } from '#test/support/db.js';
import { testReleases } from '#test/support/releases.js';

// The inlined responses as the browser's HTML parser hands them to the page: the script element's text.
function inlined(html: string): Record<string, unknown> | undefined {
  const m = new RegExp(
    `<script type="application/json" id="${INLINE_RESPONSES_ELEMENT}">(.*?)</script>`,
    's',
  ).exec(html);
  return m ? (JSON.parse(m[1]!) as Record<string, unknown>) : undefined;
}

describe('inlineResponses', () => {
  it('inlineResponses(files) keeps </script>, <!-- and U+2028 inside the data element', () => {
    const hostile = { name: '</script><script>alert(1)</script><!--\u2028' };
    const text = inlineResponses(
      new Map([['/api/v1/x', { bytes: Buffer.from(`${JSON.stringify(hostile)}\n`), etag: '"x"' }]]),
    );
    expect(text).not.to.match(/<\/script|<!--|<script|\u2028/i);
    expect(
      inlined(`<script type="application/json" id="${INLINE_RESPONSES_ELEMENT}">${text}</script>`),
    ).to.deep.equal({ '/api/v1/x': hostile });
  });
});

describeEachDatabase('a public ranking page inlines its first view', (ctx) => {
  let app: Express;
  const page = (url: string, status = 200) => request(app).get(url).set('Accept', 'text/html').expect(status);

  before(async function () {
    this.timeout(300_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'public-doc-'));
    for (const f of ['index.html', 'admin.html', 'survey.html'])
      writeFileSync(
        path.join(dir, f),
        `<!doctype html><html><head><title>${f}</title></head><body></body></html>`,
      );
    await importShippedPci(ctx.database.db);
    const releases = testReleases(ctx.database.db);
    await publishImportedEditions(ctx.database.db, releases.key, 'pci');
    await releases.refresh();
    app = createApp({
      config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'test' },
      database: ctx.database,
      logger: createLogger('silent'),
      client: staticClient(dir),
      releases,
    });
  });

  it('GET /rankings/pci/2016 carries exactly what the API answers for the ranking, families, release and key', async () => {
    const res = await page('/rankings/pci/2016?lang=en&sort=unit');
    expect(res.headers['cache-control']).to.equal('no-cache');
    const data = inlined(res.text)!;
    expect(Object.keys(data).sort()).to.deep.equal([
      '/api/v1/families',
      '/api/v1/keys/release-signing',
      '/api/v1/rankings/pci/2016',
      '/api/v1/releases/pci-2016-r1',
    ]);
    for (const [api, body] of Object.entries(data))
      expect(body, api).to.deep.equal((await request(app).get(api).expect(200)).body);
  });

  it('a block and a pinned release inline the ranking the page asks for under that path', async () => {
    const data = inlined((await page('/rankings/pci/2015?block=provinces&release=pci-2015-r1')).text)!;
    const api = '/api/v1/releases/pci-2015-r1/rankings?block=provinces';
    expect(data).to.have.property(api);
    expect(data[api]).to.deep.equal((await request(app).get(api).expect(200)).body);
    expect(data).to.have.property('/api/v1/releases/pci-2015-r1');
  });

  it('the home page and a ranking without a year inline the latest edition (or ?year=), as the page picks it', async () => {
    for (const [url, year] of [
      ['/', 2016],
      ['/?lang=en', 2016],
      ['/rankings/pci', 2016],
      ['/?year=2015', 2015],
      ['/rankings/pci?year=2014', 2014],
    ] as const) {
      const data = inlined((await page(url)).text)!;
      expect(Object.keys(data), url).to.include(`/api/v1/rankings/pci/${year}`);
      expect(data, url).to.have.property(`/api/v1/releases/pci-${year}-r1`);
    }
  });

  it('other pages and unknown or unsafe codes get the plain document', async () => {
    for (const url of [
      '/?year=1999',
      '/units/pci/hanoi',
      '/methodology/pci/2016',
      '/rankings/pci/2016?block=nowhere',
      '/rankings/pci/2016?block=..',
      '/rankings/pci/2016?release=..%2F..%2Ffamilies',
    ])
      expect(inlined((await page(url)).text), url).to.equal(undefined);
    for (const url of ['/rankings/pci/1999', '/rankings/nosuch'])
      expect(inlined((await page(url, 404)).text), url).to.equal(undefined);
  });
});
