import { expect } from 'chai';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createApp } from '#server/app.js';
import { createLogger } from '#server/http/logger.js';
import { staticClient } from '#server/http/static-client.js';
import { describeEachDatabase } from '#test/support/db.js';
import { testReleases } from '#test/support/releases.js';
import { createTestFamily, draft, FAMILY } from '#test/server/releases/fixture.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

// A raw request (no client that decompresses on its own), so the test sees the bytes on the wire.
function get(port: number, url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

const decode = (r: Reply): Buffer =>
  r.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(r.body)
    : r.headers['content-encoding'] === 'gzip'
      ? gunzipSync(r.body)
      : r.body;

describeEachDatabase('HTTP compression', (ctx) => {
  let server: http.Server;
  let port: number;
  const script = `export const words = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `w${i}`))};\n`;
  const release = `/api/v1/releases/${FAMILY}-2024-r1`;

  before(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'compress-client-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>t</title>${'<p>x</p>'.repeat(400)}`);
    writeFileSync(path.join(dir, 'survey.html'), '<!doctype html><title>s</title>');
    writeFileSync(path.join(dir, 'admin.html'), '<!doctype html><title>a</title>');
    writeFileSync(path.join(dir, 'assets', 'app.js'), script);
    writeFileSync(path.join(dir, 'assets', 'tiny.js'), 'export {};\n');
    await createTestFamily(ctx.database.db);
    const releases = testReleases(ctx.database.db);
    await releases.publish(draft(2024, { A: 64, B: 72 }));
    const app = createApp({
      config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'test' },
      database: ctx.database,
      logger: createLogger('silent'),
      client: staticClient(dir),
      releases,
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise((r) => server.close(r)));

  it('GET of a script with Accept-Encoding: br answers brotli whose bytes decode to the file', async () => {
    const r = await get(port, '/assets/app.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(r.status).to.equal(200);
    expect(r.headers['content-encoding']).to.equal('br');
    expect(r.headers.vary).to.match(/accept-encoding/i);
    expect(r.body.length).to.be.below(script.length / 3);
    expect(decode(r).toString()).to.equal(script);
  });

  it('GET with Accept-Encoding: gzip answers gzip; without the header, or with identity, it is not compressed', async () => {
    const gz = await get(port, '/assets/app.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).to.equal('gzip');
    expect(decode(gz).toString()).to.equal(script);
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }] as Record<string, string>[]) {
      const plain = await get(port, '/assets/app.js', headers);
      expect(plain.headers['content-encoding'], JSON.stringify(headers)).to.equal(undefined);
      expect(plain.body.toString()).to.equal(script);
    }
  });

  it('a body under 1 KB is sent as it is even when compression is offered', async () => {
    const r = await get(port, '/assets/tiny.js', { 'Accept-Encoding': 'br, gzip' });
    expect(r.headers['content-encoding']).to.equal(undefined);
    expect(r.body.toString()).to.equal('export {};\n');
  });

  it('HTML pages (deep links) and API JSON are compressed when asked', async () => {
    const page = await get(port, '/rankings', { 'Accept-Encoding': 'gzip', Accept: 'text/html' });
    expect(page.headers['content-encoding']).to.equal('gzip');
    expect(decode(page).toString()).to.contain('<title>t</title>');
    const api = await get(port, `/api/v1/rankings/${FAMILY}/2024`, { 'Accept-Encoding': 'br' });
    expect(api.status).to.equal(200);
    expect(api.headers['content-encoding']).to.equal('br');
    expect(JSON.parse(decode(api).toString())).to.have.property('family');
  });

  it('a release keeps its bytes: a compressed reply decodes to the identity bytes and carries the weak ETag', async () => {
    const plain = await get(port, release);
    const etag = plain.headers.etag!;
    expect(etag).to.match(/^"/);
    const br = await get(port, release, { 'Accept-Encoding': 'br' });
    expect(br.headers['content-encoding']).to.equal('br');
    expect(br.headers.etag).to.equal(`W/${etag}`);
    expect(decode(br).equals(plain.body)).to.equal(true);
  });

  it('If-None-Match with the strong or the weak ETag answers 304 with no body, compressed or not', async () => {
    const plain = await get(port, release);
    const etag = plain.headers.etag!;
    for (const tag of [etag, `W/${etag}`])
      for (const enc of ['identity', 'gzip', 'br']) {
        const r = await get(port, release, { 'If-None-Match': tag, 'Accept-Encoding': enc });
        expect(r.status, `${tag} ${enc}`).to.equal(304);
        expect(r.body.length).to.equal(0);
      }
    const asset = await get(port, '/assets/app.js', { 'Accept-Encoding': 'gzip' });
    const again = await get(port, '/assets/app.js', {
      'Accept-Encoding': 'gzip',
      'If-None-Match': asset.headers.etag!,
    });
    expect(again.status).to.equal(304);
  });
});
