import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import request from 'supertest';
import type { Express } from 'express';
import { SURVEY_PAYLOAD_ELEMENT } from '#api/collection.js';
import { createApp } from '#server/app.js';
import { createLogger } from '#server/http/logger.js';
import { staticClient } from '#server/http/static-client.js';
import { precompress } from '#server/http/precompressed.js';
import { composeSurveyPage } from '#server/http/survey-inline.js';
import { describeEachDatabase } from '#test/support/db.js';
import { CODE_SECRET, publishEdition, seedFamily } from '#test/server/collection/support.js';

// survey.html as Vite writes it: a module script, module preloads and a stylesheet, all files.
const BUILT = `<!doctype html><html><head><title>survey</title>
    <script type="module" crossorigin src="/assets/survey-X1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/localize-X2.js">
    <link rel="stylesheet" crossorigin href="/assets/localize-X3.css">
  </head>
  <body>
    <ci-survey-app></ci-survey-app>
  </body>
</html>`;
// Minified code holds $' and $& (a string replacement would expand them) and non-ASCII text.
const BUNDLE = `const a="$'",b="$&";customElements.define("x-y",class extends HTMLElement{});console.log("Đã lưu",a,b);`;
const CSS = 'body{margin:0}';

const scriptSrc = (policy: string): string[] =>
  /(?:^|;)\s*script-src ([^;]*)/.exec(policy)![1]!.trim().split(/\s+/);
const inlineScripts = (html: string): string[] =>
  [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

// The bytes on the wire (no client that decompresses on its own).
function rawGet(port: number, url: string, headers: Record<string, string>) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describeEachDatabase('the answering page inlines its script and stylesheet under a CSP hash', (ctx) => {
  let app: Express;
  let slug: string;

  before(async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'survey-inline-'));
    const dir = path.join(root, 'client');
    mkdirSync(path.join(dir, 'assets'), { recursive: true });
    mkdirSync(path.join(root, 'answer-inline'));
    for (const f of ['index.html', 'admin.html'])
      writeFileSync(path.join(dir, f), `<!doctype html><html><head></head><body>${f}</body></html>`);
    writeFileSync(path.join(dir, 'survey.html'), BUILT);
    writeFileSync(path.join(dir, 'assets', 'localize-X3.css'), CSS);
    writeFileSync(path.join(root, 'answer-inline', 'answer.js'), BUNDLE);
    await seedFamily(ctx.database.db);
    app = createApp({
      config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'production', codeSecret: CODE_SECRET },
      database: ctx.database,
      logger: createLogger('silent'),
      client: staticClient(dir),
    });
    slug = await publishEdition(app);
  });

  it('GET /khao-sat/:slug carries the bundle byte for byte in one script first in the body, the CSS in a style, and no script file', async () => {
    const page = await request(app).get(`/khao-sat/${slug}`).set('Accept', 'text/html').expect(200);
    expect(inlineScripts(page.text)).to.deep.equal([BUNDLE]);
    expect(page.text).to.contain(`<style>${CSS}</style>`);
    expect(page.text).to.not.match(/src="\/assets|modulepreload|rel="stylesheet"/);
    expect(page.text).to.contain(`id="${SURVEY_PAYLOAD_ELEMENT}"`);
  });

  it("the page's CSP allows exactly that script by its SHA-256 and still has no 'unsafe-inline' for scripts", async () => {
    for (const url of [`/khao-sat/${slug}`, '/survey/visit/abc', '/khao-sat']) {
      const page = await request(app).get(url).set('Accept', 'text/html').expect(200);
      const hash = createHash('sha256').update(inlineScripts(page.text)[0]!, 'utf8').digest('base64');
      expect(scriptSrc(page.headers['content-security-policy']!), url).to.deep.equal([
        "'self'",
        `'sha256-${hash}'`,
      ]);
    }
  });

  it('the other pages keep script-src self only', async () => {
    for (const url of ['/', '/admin']) {
      const page = await request(app).get(url).set('Accept', 'text/html').expect(200);
      expect(scriptSrc(page.headers['content-security-policy']!), url).to.deep.equal(["'self'"]);
    }
  });

  it('once made, the page is sent as the best-quality brotli of its exact text; gzip clients still get gzip', async () => {
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const url = `/khao-sat/${slug}`;
      const identity = await rawGet(port, url, { accept: 'text/html', 'accept-encoding': 'identity' });
      const text = identity.body.toString('utf8');
      const best = await precompress(text);
      const br = await rawGet(port, url, { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).to.equal('br');
      expect(br.headers.vary).to.match(/accept-encoding/i);
      expect(br.body.equals(best)).to.equal(true);
      expect(brotliDecompressSync(br.body).toString('utf8')).to.equal(text);
      const gzip = await rawGet(port, url, { accept: 'text/html', 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding']).to.equal('gzip');
      expect(br.headers['content-security-policy']).to.equal(identity.headers['content-security-policy']);
    } finally {
      server.close();
    }
  });

  it('composeSurveyPage refuses a bundle holding </script or <!--, which would end or change the element', async () => {
    for (const bad of ['x="</script>"', 'x="<!--"', 'x="<SCRIPT"'])
      await composeSurveyPage('/nowhere', BUILT, bad).then(
        () => expect.fail(`accepted ${bad}`),
        (e: Error) => expect(e.message).to.contain('cannot be inlined'),
      );
  });
});
