import { expect } from 'chai';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { createApp } from '#server/app.js';
import { loadConfig } from '#server/config.js';
import { createLogger } from '#server/http/logger.js';
import { staticClient } from '#server/http/static-client.js';
import { launchBrowser } from '#test/support/browser.js';
import { backends } from '#test/support/db.js';

// A plain-HTTP deployment (HOST=0.0.0.0) reached by its network name, not localhost: browsers
// exempt only localhost from upgrade-insecure-requests, so this is where a wrong CSP shows.
const NAME = 'ddci.example';

async function serve(behindTls: boolean): Promise<{ server: Server; port: number }> {
  const database = await backends()[0]!.get();
  const app = createApp({
    config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'production', behindTls },
    database,
    logger: createLogger('silent'),
    client: staticClient(),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

describe('a plain-HTTP deployment reached by a network name (browser)', function () {
  this.timeout(120_000);
  let browser: Browser;
  const servers: Server[] = [];

  before(async function () {
    browser = await launchBrowser(this, [`--host-resolver-rules=MAP ${NAME} 127.0.0.1`]);
  });
  after(async () => {
    await browser?.close();
    for (const s of servers) s.close();
  });

  /** Opens the home page at http://ddci.example:port/ and reports whether the client's script ran. */
  async function open(behindTls: boolean): Promise<{ defined: boolean; failed: string[] }> {
    const { server, port } = await serve(behindTls);
    servers.push(server);
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(`http://${NAME}:${port}/`, { waitUntil: 'load' });
    const defined = await page
      .waitForFunction(() => customElements.get('ci-app') !== undefined, undefined, { timeout: 5000 })
      .then(
        () => true,
        () => false,
      );
    await page.close();
    return { defined, failed };
  }

  it('the home page runs its script when the server is not behind TLS (no upgrade-insecure-requests)', async () => {
    const { defined, failed } = await open(false);
    expect(failed).to.deep.equal([]);
    expect(defined).to.equal(true);
  });

  it('with BEHIND_TLS set the same plain-HTTP request gets a white page: the browser upgrades the script to https', async () => {
    const { defined, failed } = await open(true);
    expect(defined).to.equal(false);
    expect(failed.some((u) => u.startsWith(`https://${NAME}:`))).to.equal(true);
  });
});

describe('security headers follow BEHIND_TLS', function () {
  this.timeout(120_000); // the first test may open the shared test database
  it('loadConfig reads BEHIND_TLS (default false)', () => {
    expect(loadConfig({}).behindTls).to.equal(false);
    expect(loadConfig({ BEHIND_TLS: 'true' }).behindTls).to.equal(true);
  });

  for (const behindTls of [false, true]) {
    it(`behindTls=${behindTls}: upgrade-insecure-requests and HSTS ${behindTls ? 'sent' : 'not sent'}`, async () => {
      const { server } = await serve(behindTls);
      try {
        const res = await request(server).get('/api/v1/nothing');
        const csp = String(res.headers['content-security-policy'] ?? '');
        expect(csp).to.contain("script-src 'self'");
        expect(csp.includes('upgrade-insecure-requests')).to.equal(behindTls);
        expect(res.headers['strict-transport-security'] !== undefined).to.equal(behindTls);
      } finally {
        server.close();
      }
    });
  }
});
